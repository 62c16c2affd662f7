import { Alert, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../../../app/auth';
import { useLogout } from '../api/logout';
import { AuthScreen } from '../components/AuthScreen';
import { RecoveryCodesList } from '../components/RecoveryCodesList';
import { TwoFactorEnrolment } from '../components/TwoFactorEnrolment';

/** Where an administrator without a second factor is sent after login: he can do nothing else until he enrols. */
export default function TwoFactorSetupPage() {
  const me = useMe();
  const navigate = useNavigate();
  const logout = useLogout();
  const [codes, setCodes] = useState<string[] | null>(null);

  return (
    <AuthScreen wide>
      <Card variant="borderless" style={{ boxShadow: '0 6px 24px rgba(15, 42, 74, 0.08)' }}>
        <Typography.Title level={4} style={{ marginTop: 0, textAlign: 'center' }}>
          启用两步验证
        </Typography.Title>
        {codes ? (
          <>
            <Alert type="success" showIcon style={{ marginBottom: 16 }} title="两步验证已启用，以后登录时须输入验证码。" />
            <RecoveryCodesList codes={codes} username={me.username} />
            <Button type="primary" block style={{ marginTop: 16 }} onClick={() => navigate('/', { replace: true })}>
              我已保存恢复码，进入系统
            </Button>
          </>
        ) : (
          <>
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`${me.displayName}，管理员账户须启用两步验证后才能使用系统。`} />
            <TwoFactorEnrolment onEnabled={setCodes} />
            <Button
              type="link"
              block
              style={{ marginTop: 8 }}
              onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
            >
              退出登录
            </Button>
          </>
        )}
      </Card>
    </AuthScreen>
  );
}
