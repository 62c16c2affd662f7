import { Alert, App, Form, Input, Modal } from 'antd';
import { passwordProblem } from '../../../../core/password-rules';
import { errorDetail } from '../../../lib/api-client';
import { applyServerErrors } from '../../../lib/form-errors';
import { useCreateUser } from '../api/create-user';
import type { RoleInput, User } from '../api/types';
import { useUpdateUser } from '../api/update-user';
import { RolesField, type RoleRow } from './RolesField';

interface Values {
  username: string;
  displayName: string;
  phone?: string;
  password?: string;
  roles: RoleRow[];
}

const FIELDS = ['username', 'displayName', 'phone', 'password', 'roles'];

function toRoleInputs(rows: RoleRow[]): RoleInput[] {
  return rows.map((r) => ({
    role: r.role!,
    orgUnitCode: r.orgUnitCode || undefined,
    cadreGroupId: r.role === 'group_leader' ? r.cadreGroupId : undefined,
  }));
}

/** Creates a user (editing = 'new') or edits one; reports a generated password through onCreated. */
export function UserFormModal({
  editing,
  onClose,
  onCreated,
}: {
  editing: User | 'new' | null;
  onClose: () => void;
  onCreated: (username: string, initialPassword: string) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const create = useCreateUser();
  const update = useUpdateUser();
  const isNew = editing === 'new';
  const mutation = isNew ? create : update;

  const onOk = async () => {
    const v = await form.validateFields();
    const onError = (e: unknown) => applyServerErrors(form, e, FIELDS);
    if (isNew) {
      create.mutate(
        {
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          phone: v.phone?.trim() || undefined,
          password: v.password || undefined,
          roles: toRoleInputs(v.roles),
        },
        {
          onSuccess: (r) => {
            message.success(`已创建用户 ${r.user.username}`);
            onClose();
            if (r.initialPassword) onCreated(r.user.username, r.initialPassword);
          },
          onError,
        },
      );
    } else if (editing) {
      update.mutate(
        { id: editing.id, displayName: v.displayName.trim(), phone: v.phone?.trim() ?? '', roles: toRoleInputs(v.roles) },
        {
          onSuccess: () => {
            message.success('已保存');
            onClose();
          },
          onError,
        },
      );
    }
  };

  const initial = (): Partial<Values> =>
    editing && editing !== 'new'
      ? {
          username: editing.username,
          displayName: editing.displayName,
          phone: editing.phone ?? '',
          roles: editing.roles.map((r) => ({
            role: r.role,
            orgUnitCode: r.orgUnit?.code,
            orgUnitName: r.orgUnit?.name,
            cadreGroupId: r.cadreGroup?.id,
          })),
        }
      : { roles: [{}] };

  return (
    <Modal
      title={isNew ? '新增用户' : '编辑用户'}
      open={!!editing}
      onOk={onOk}
      onCancel={onClose}
      okText="保存"
      confirmLoading={mutation.isPending}
      destroyOnHidden
      width={680}
      afterOpenChange={(open) => {
        if (!open) {
          create.reset();
          update.reset();
        }
      }}
    >
      {mutation.error && <Alert type="error" showIcon title={errorDetail(mutation.error)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false} initialValues={initial()}>
        <Form.Item
          name="username"
          label="用户名"
          rules={[
            { required: true, message: '请输入用户名' },
            { pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: '3～32位字母、数字、下划线、点或减号' },
          ]}
        >
          <Input disabled={!isNew} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="phone" label="手机" rules={[{ pattern: /^1[3-9]\d{9}$/, message: '手机号码格式不正确' }]}>
          <Input inputMode="tel" maxLength={11} />
        </Form.Item>
        {isNew && (
          <Form.Item
            name="password"
            label="初始密码"
            extra="可不填，系统将生成随机初始密码；用户首次登录须修改"
            dependencies={['username']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, v: string) => {
                  const p = v ? passwordProblem(v, { username: getFieldValue('username') }) : null;
                  return p ? Promise.reject(new Error(p)) : Promise.resolve();
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item label="角色与数据范围" required>
          <RolesField />
        </Form.Item>
      </Form>
    </Modal>
  );
}
