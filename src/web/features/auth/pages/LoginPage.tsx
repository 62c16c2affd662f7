import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { errorDetail } from '../../../lib/api-client';
import { useMeQuery } from '../api/get-me';
import { needsSecondFactor, useLogin, type LoginInput } from '../api/login';
import { useLogout } from '../api/logout';
import { useVerifyLogin } from '../api/verify-login';
import type { Me } from '../api/types';
import { AuthScreen } from '../components/AuthScreen';

const cardStyle = { boxShadow: '0 6px 24px rgba(15, 42, 74, 0.08)' };

export function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const { data: me } = useMeQuery();
  const login = useLogin();
  const verify = useVerifyLogin();
  const logout = useLogout();
  // After a right password, an account with a second factor gives its code in a second step.
  const [askCode, setAskCode] = useState(false);
  const from = (location.state as { from?: string } | null)?.from;
  const target = from && from !== '/login' ? from : '/';
  const busy = login.isPending || login.isSuccess || verify.isPending || verify.isSuccess;

  const landing = (signedIn: Me) => {
    if (signedIn.mustChangePassword) return '/change-password';
    if (signedIn.twoFactor.required && !signedIn.twoFactor.enabled) return '/two-factor-setup';
    return target;
  };
  if (me && !busy) return <Navigate to={landing(me)} replace />;

  const onPassword = (values: LoginInput) =>
    login.mutate(values, {
      onSuccess: (result) => {
        if (needsSecondFactor(result)) setAskCode(true);
        else navigate(landing(result), { replace: true });
      },
    });
  const onCode = ({ code }: { code: string }) => verify.mutate(code, { onSuccess: (signedIn) => navigate(landing(signedIn), { replace: true }) });
  const startOver = () => {
    logout.mutate();
    login.reset();
    verify.reset();
    setAskCode(false);
  };

  if (askCode) {
    return (
      <AuthScreen>
        <Card variant="borderless" style={cardStyle}>
          <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 12, textAlign: 'center' }}>
            两步验证
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            请打开手机上的验证器应用，输入“镇务”当前显示的6位验证码。手机不在身边时，可输入一个恢复码（每个只能用一次）。
          </Typography.Paragraph>
          {verify.error && <Alert type="error" showIcon title={errorDetail(verify.error)} style={{ marginBottom: 16 }} role="alert" />}
          <Form<{ code: string }> layout="vertical" onFinish={onCode} requiredMark={false} size="large">
            <Form.Item name="code" label="验证码" rules={[{ required: true, message: '请输入验证码' }]}>
              <Input prefix={<SafetyOutlined />} placeholder="6位数字或恢复码" autoComplete="one-time-code" maxLength={20} autoFocus />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={verify.isPending}>
              验证并登录
            </Button>
            <Button type="link" block style={{ marginTop: 8 }} onClick={startOver}>
              返回重新登录
            </Button>
          </Form>
        </Card>
      </AuthScreen>
    );
  }

  return (
    <AuthScreen>
      <Card variant="borderless" style={cardStyle}>
        <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 20, textAlign: 'center' }}>
          账号登录
        </Typography.Title>
        {login.error && <Alert type="error" showIcon title={errorDetail(login.error)} style={{ marginBottom: 16 }} role="alert" />}
        <Form<LoginInput> layout="vertical" onFinish={onPassword} requiredMark={false} size="large">
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
