import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../../../app/auth';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { chinaTimestamp } from '../../../../core/china-time';
import { errorDetail } from '../../../lib/api-client';
import { useDisableTwoFactor, useRegenerateRecoveryCodes, useTwoFactorStatus } from '../api/two-factor';
import { RecoveryCodesList } from '../components/RecoveryCodesList';
import { TwoFactorEnrolment } from '../components/TwoFactorEnrolment';

type CodeAction = 'regenerate' | 'disable';

/** 账户安全: the user's password and two-factor login (enrol, recovery codes, turn off). */
export default function AccountSecurityPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const status = useTwoFactorStatus();
  const regenerate = useRegenerateRecoveryCodes();
  const disable = useDisableTwoFactor();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [enrolling, setEnrolling] = useState(false);
  const [action, setAction] = useState<CodeAction | null>(null);
  const [form] = Form.useForm<{ code: string }>();

  if (status.isPending) return <PageLoading />;
  if (status.error) return <ApiErrorResult error={status.error} onRetry={() => status.refetch()} />;
  const s = status.data;
  const running = action === 'regenerate' ? regenerate : disable;

  const onCode = ({ code }: { code: string }) => {
    if (action === 'regenerate') {
      regenerate.mutate(code.trim(), {
        onSuccess: ({ recoveryCodes }) => {
          setAction(null);
          setCodes(recoveryCodes);
        },
      });
    } else {
      disable.mutate(code.trim(), {
        onSuccess: () => {
          setAction(null);
          setCodes(null);
          message.success('两步验证已停用');
        },
      });
    }
  };
  const openAction = (next: CodeAction) => {
    regenerate.reset();
    disable.reset();
    form.resetFields();
    setAction(next);
  };

  return (
    <div style={{ maxWidth: 760 }}>
      <PageHeader title="账户安全" subTitle={`${me.displayName}（${me.username}）`} />
      <Card title="登录密码" style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text type="secondary">定期更换密码；修改后，其他设备上的登录会退出。</Typography.Text>
          <Button onClick={() => navigate('/change-password')}>修改密码</Button>
        </Flex>
      </Card>
      <Card
        title={
          <Flex gap={8} align="center">
            两步验证
            {s.enabled ? <Tag color="green">已启用</Tag> : <Tag>未启用</Tag>}
          </Flex>
        }
      >
        {codes && (
          <div style={{ marginBottom: 16 }}>
            <RecoveryCodesList codes={codes} username={me.username} />
          </div>
        )}
        {enrolling ? (
          <TwoFactorEnrolment
            onEnabled={(recoveryCodes) => {
              setEnrolling(false);
              setCodes(recoveryCodes);
              message.success('两步验证已启用');
            }}
          />
        ) : s.enabled ? (
          <>
            <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
              <Descriptions.Item label="启用时间">{s.enabledAt ? chinaTimestamp(s.enabledAt) : '—'}</Descriptions.Item>
              <Descriptions.Item label="可用恢复码">
                {s.recoveryCodesLeft} 个{s.recoveryCodesLeft <= 3 && <Typography.Text type="warning">（所剩不多，建议重新生成）</Typography.Text>}
              </Descriptions.Item>
            </Descriptions>
            <Flex gap={8} wrap>
              <Button onClick={() => openAction('regenerate')}>重新生成恢复码</Button>
              {s.required ? (
                <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
                  管理员必须使用两步验证，不能停用；手机丢失时请联系其他管理员重置。
                </Typography.Text>
              ) : (
                <Button danger onClick={() => openAction('disable')}>
                  停用两步验证
                </Button>
              )}
            </Flex>
          </>
        ) : (
          <>
            <Typography.Paragraph>
              启用后，登录时除了密码，还要输入手机验证器应用上的6位验证码；密码泄露时，别人仍然无法登录。
              {s.required && <Typography.Text strong> 管理员必须启用。</Typography.Text>}
            </Typography.Paragraph>
            <Button type="primary" onClick={() => setEnrolling(true)}>
              启用两步验证
            </Button>
          </>
        )}
      </Card>
      <Modal
        open={action !== null}
        title={action === 'regenerate' ? '重新生成恢复码' : '停用两步验证'}
        onCancel={() => setAction(null)}
        footer={null}
        destroyOnHidden
      >
        <Typography.Paragraph>
          {action === 'regenerate' ? '生成新的10个恢复码，原有的恢复码全部作废。' : '停用后，登录只需密码。'}请输入验证器应用上的6位验证码确认。
        </Typography.Paragraph>
        {running.error && <Alert type="error" showIcon title={errorDetail(running.error)} style={{ marginBottom: 12 }} role="alert" />}
        <Form form={form} layout="vertical" onFinish={onCode} requiredMark={false}>
          <Form.Item name="code" label="验证码" rules={[{ required: true, message: '请输入验证码' }]}>
            <Input autoComplete="one-time-code" maxLength={20} placeholder="6位数字或恢复码" autoFocus />
          </Form.Item>
          <Button type="primary" danger={action === 'disable'} htmlType="submit" block loading={running.isPending}>
            确认
          </Button>
        </Form>
      </Modal>
    </div>
  );
}
