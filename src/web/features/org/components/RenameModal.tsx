import { Alert, App, Form, Input, Modal } from 'antd';
import { errorDetail } from '../../../lib/api-client';
import { applyServerErrors } from '../../../lib/form-errors';
import { useRenameOrgUnit } from '../api/rename-org-unit';
import type { OrgUnit } from '../api/types';

export function RenameModal({ unit, open, onClose }: { unit: OrgUnit; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ name: string }>();
  const { message } = App.useApp();
  const rename = useRenameOrgUnit();

  const onOk = async () => {
    const { name } = await form.validateFields();
    rename.mutate(
      { code: unit.code, name: name.trim() },
      {
        onSuccess: () => {
          message.success('已重命名');
          onClose();
        },
        onError: (error) => applyServerErrors(form, error, ['name']),
      },
    );
  };

  return (
    <Modal title={`重命名“${unit.name}”`} open={open} onOk={onOk} onCancel={onClose} okText="保存" confirmLoading={rename.isPending} destroyOnHidden>
      {rename.error && <Alert type="error" showIcon title={errorDetail(rename.error)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ name: unit.name }} preserve={false}>
        <Form.Item name="name" label="新名称" rules={[{ required: true, whitespace: true, message: '请输入名称' }]}>
          <Input maxLength={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
