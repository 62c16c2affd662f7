import { Alert, App, Form, Input, Modal } from 'antd';
import { errorDetail } from '../../../lib/api-client';
import { applyServerErrors } from '../../../lib/form-errors';
import { useCreateCadreGroup } from '../api/create-cadre-group';
import { useUpdateCadreGroup } from '../api/update-cadre-group';
import type { CadreGroup } from '../api/types';

export type GroupNameTarget =
  { mode: 'create'; kind: 'big' } | { mode: 'create'; kind: 'small'; parent: CadreGroup } | { mode: 'rename'; group: CadreGroup };

/** Adds a big or small group, or renames one. */
export function GroupNameModal({ target, onClose }: { target: GroupNameTarget | null; onClose: () => void }) {
  const [form] = Form.useForm<{ name: string }>();
  const { message } = App.useApp();
  const create = useCreateCadreGroup();
  const update = useUpdateCadreGroup();
  const mutation = target?.mode === 'rename' ? update : create;

  const title = !target
    ? ''
    : target.mode === 'rename'
      ? `重命名“${target.group.name}”`
      : target.kind === 'big'
        ? '新增大组'
        : `在“${target.parent.name}”下新增小组`;

  const onOk = async () => {
    if (!target) return;
    const name = (await form.validateFields()).name.trim();
    const done = {
      onSuccess: () => {
        message.success('已保存');
        onClose();
      },
      onError: (e: unknown) => applyServerErrors(form, e, ['name']),
    };
    if (target.mode === 'rename') update.mutate({ id: target.group.id, name }, done);
    else create.mutate({ name, kind: target.kind, parentId: target.kind === 'small' ? target.parent.id : undefined }, done);
  };

  return (
    <Modal
      title={title}
      open={!!target}
      onOk={onOk}
      onCancel={onClose}
      okText="保存"
      confirmLoading={mutation.isPending}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (!open) {
          create.reset();
          update.reset();
        }
      }}
    >
      {mutation.error && <Alert type="error" showIcon title={errorDetail(mutation.error)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ name: target?.mode === 'rename' ? target.group.name : '' }}>
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请输入名称' }]}>
          <Input maxLength={50} placeholder="例如：第一大组、第一小组" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
