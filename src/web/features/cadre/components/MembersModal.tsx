import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Flex, Form, Input, Modal } from 'antd';
import { errorDetail } from '../../../lib/api-client';
import { useSetCadreMembers, type MemberInput } from '../api/set-cadre-members';
import type { CadreGroup } from '../api/types';

/** Sets a group's members; exactly one should be marked 组长. */
export function MembersModal({ group, onClose }: { group: CadreGroup | null; onClose: () => void }) {
  const [form] = Form.useForm<{ members: MemberInput[] }>();
  const { message } = App.useApp();
  const save = useSetCadreMembers();

  const onOk = async () => {
    if (!group) return;
    const { members = [] } = await form.validateFields();
    const cleaned = members.map((m) => ({
      name: m.name.trim(),
      position: m.position?.trim() || undefined,
      isLeader: !!m.isLeader,
      userId: m.userId,
    }));
    save.mutate(
      { id: group.id, members: cleaned },
      {
        onSuccess: () => {
          message.success('成员已保存');
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      title={group ? `“${group.name}”成员` : ''}
      open={!!group}
      onOk={onOk}
      onCancel={onClose}
      okText="保存"
      confirmLoading={save.isPending}
      destroyOnHidden
      width={640}
      afterOpenChange={(open) => !open && save.reset()}
    >
      {save.error && <Alert type="error" showIcon title={errorDetail(save.error)} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          members: (group?.members ?? []).map((m) => ({
            name: m.name,
            position: m.position ?? '',
            isLeader: m.isLeader,
            userId: m.userId ?? undefined,
          })),
        }}
      >
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="baseline" wrap>
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
                    style={{ flex: '1 1 120px', marginBottom: 12 }}
                  >
                    <Input placeholder="姓名" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'position']} style={{ flex: '2 1 160px', marginBottom: 12 }}>
                    <Input placeholder="职务，如：党委委员、副镇长" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'isLeader']} valuePropName="checked" style={{ marginBottom: 12 }}>
                    <Checkbox>组长</Checkbox>
                  </Form.Item>
                  <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label="移除成员" />
                </Flex>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ name: '', position: '', isLeader: fields.length === 0 })}>
                添加成员
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
