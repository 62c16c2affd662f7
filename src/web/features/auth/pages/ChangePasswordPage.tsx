import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { passwordProblem } from '../../../../core/password-rules';
import { ApiError, errorDetail } from '../../../lib/api-client';
import { useMe } from '../../../app/auth';
import { useChangePassword } from '../api/change-password';
import { useLogout } from '../api/logout';
import { AuthScreen } from '../components/AuthScreen';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const logout = useLogout();

  const onFinish = ({ currentPassword, newPassword }: Values) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          message.success('密码已修改');
          navigate('/', { replace: true });
        },
        onError: (error) => {
          if (error instanceof ApiError && error.errors.length) {
            form.setFields(
              error.errors
                .filter((e) => e.field === 'currentPassword' || e.field === 'newPassword')
                .map((e) => ({ name: e.field as keyof Values, errors: [e.message] })),
            );
          }
        },
      },
    );

  return (
    <AuthScreen>
      <Card variant="borderless" style={{ boxShadow: '0 6px 24px rgba(15, 42, 74, 0.08)' }}>
        <Typography.Title level={4} style={{ marginTop: 0, textAlign: 'center' }}>
          修改密码
        </Typography.Title>
        {me.mustChangePassword && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`${me.displayName}，您正在使用初始密码，请先设置新密码后再使用系统。`} />
        )}
        {change.error && <Alert type="error" showIcon title={errorDetail(change.error)} style={{ marginBottom: 16 }} />}
        <Form<Values> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label="新密码"
            extra="至少8位，须同时包含字母和数字；不能是常见密码，不能包含用户名"
            rules={[
              { required: true, message: '请输入新密码' },
              {
                validator: (_, value: string) => {
                  const problem = value ? passwordProblem(value, { username: me.username }) : null;
                  return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
                },
              },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label="确认新密码"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: (_, value: string) =>
                  !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={change.isPending}>
            确认修改
          </Button>
          <Button
            type="link"
            block
            style={{ marginTop: 8 }}
            onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
          >
            退出登录
          </Button>
        </Form>
      </Card>
    </AuthScreen>
  );
}
