import { Alert, App, Form, Input, Modal } from 'antd';
import { childLevel, ORG_LEVEL_NAMES } from '../../../../core/org-levels';
import { errorDetail } from '../../../lib/api-client';
import { applyServerErrors } from '../../../lib/form-errors';
import { useCreateOrgUnit } from '../api/create-org-unit';
import type { OrgUnit } from '../api/types';

interface Values {
  name: string;
  code?: string;
}

export function CreateChildModal({ unit, open, onClose }: { unit: OrgUnit; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const create = useCreateOrgUnit();
  const level = childLevel(unit.level);
  const codeOptional = level === 'group' || level === 'grid';

  const onOk = async () => {
    const values = await form.validateFields();
    create.mutate(
      { parentCode: unit.code, level: level!, name: values.name.trim(), code: values.code?.trim() || undefined },
      {
        onSuccess: (created) => {
          message.success(`已新增${created.levelName ?? ''}“${created.name}”`);
          form.resetFields();
          onClose();
        },
        onError: (error) => applyServerErrors(form, error, ['name', 'code']),
      },
    );
  };

  return (
    <Modal
      title={`在“${unit.name}”下新增${level ? ORG_LEVEL_NAMES[level] : '下级'}`}
      open={open}
      onOk={onOk}
      onCancel={onClose}
      okText="新增"
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {create.error && <Alert type="error" showIcon title={errorDetail(create.error)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请输入名称' }]}>
          <Input maxLength={50} placeholder={level === 'group' ? '例如：一组' : '请输入名称'} />
        </Form.Item>
        <Form.Item
          name="code"
          label="统计用区划代码"
          extra={codeOptional ? '可不填，系统将按上级代码自动编号' : '12位统计用区划代码'}
          rules={codeOptional ? [] : [{ required: true, message: '请输入区划代码' }]}
        >
          <Input inputMode="numeric" maxLength={18} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
