import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { errorDetail } from '../../../lib/api-client';
import { useMeQuery } from '../api/get-me';
import { useLogin, type LoginInput } from '../api/login';
import { AuthScreen } from '../components/AuthScreen';

export function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const { data: me } = useMeQuery();
  const login = useLogin();
  const from = (location.state as { from?: string } | null)?.from;
  const target = from && from !== '/login' ? from : '/';

  if (me && !login.isPending && !login.isSuccess) {
    return <Navigate to={me.mustChangePassword ? '/change-password' : target} replace />;
  }

  const onFinish = (values: LoginInput) =>
    login.mutate(values, { onSuccess: (signedIn) => navigate(signedIn.mustChangePassword ? '/change-password' : target, { replace: true }) });

  return (
    <AuthScreen>
      <Card variant="borderless" style={{ boxShadow: '0 6px 24px rgba(15, 42, 74, 0.08)' }}>
        <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 20, textAlign: 'center' }}>
          账号登录
        </Typography.Title>
        {login.error && <Alert type="error" showIcon title={errorDetail(login.error)} style={{ marginBottom: 16 }} role="alert" />}
        <Form<LoginInput> layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} placeholder="请输入用户名" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} placeholder="请输入密码" autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            登录
          </Button>
        </Form>
      </Card>
    </AuthScreen>
  );
}
