import { Alert, Button, Flex, Form, Input, Steps, Typography } from 'antd';
import { ApiError, errorDetail } from '../../../lib/api-client';
import { useConfirmEnrolment, useStartEnrolment } from '../api/two-factor';

/**
 * Enrolment: the server draws the QR code (SVG) of a new secret; the first code from the app confirms it. The key
 * is shown for typing by hand too, this once. Calls onEnabled with the recovery codes, shown once.
 */
export function TwoFactorEnrolment({ onEnabled }: { onEnabled: (recoveryCodes: string[]) => void }) {
  const start = useStartEnrolment();
  const confirm = useConfirmEnrolment();
  const [form] = Form.useForm<{ code: string }>();
  const setup = start.data;

  const onConfirm = ({ code }: { code: string }) =>
    confirm.mutate(code.trim(), {
      onSuccess: ({ recoveryCodes }) => onEnabled(recoveryCodes),
      onError: (error) => {
        if (error instanceof ApiError && error.errors.length) form.setFields([{ name: 'code', errors: error.errors.map((e) => e.message) }]);
      },
    });

  if (!setup) {
    return (
      <div>
        <Typography.Paragraph>
          两步验证：登录时除了密码，还要输入手机验证器应用（如 Google Authenticator、Microsoft
          Authenticator、腾讯身份验证器）上每30秒变化一次的6位验证码。密码泄露时，别人仍然无法登录。
        </Typography.Paragraph>
        {start.error && <Alert type="error" showIcon title={errorDetail(start.error)} style={{ marginBottom: 12 }} />}
        <Button type="primary" onClick={() => start.mutate()} loading={start.isPending}>
          开始设置
        </Button>
      </div>
    );
  }
  return (
    <div>
      <Steps
        orientation="vertical"
        size="small"
        current={-1}
        items={[
          { title: '在手机上安装验证器应用', description: '如 Google Authenticator、Microsoft Authenticator、腾讯身份验证器' },
          {
            title: '用应用扫描二维码',
            description: (
              <Flex vertical gap={8} style={{ paddingTop: 8 }}>
                <img
                  src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrSvg)}`}
                  alt="两步验证二维码"
                  width={200}
                  height={200}
                  style={{ border: '1px solid #f0f0f0', borderRadius: 8, background: '#fff' }}
                />
                <Typography.Text type="secondary">无法扫码时，在应用中选择“手动输入密钥”，输入：</Typography.Text>
                <Typography.Text
                  code
                  copyable={{ text: setup.secret, tooltips: ['复制', '已复制'] }}
                  data-testid="totp-secret"
                  style={{ wordBreak: 'break-all' }}
                >
                  {setup.secret.replace(/(.{4})/g, '$1 ').trim()}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: '输入应用显示的6位验证码',
            description: (
              <Form form={form} layout="vertical" onFinish={onConfirm} requiredMark={false} style={{ paddingTop: 8, maxWidth: 320 }}>
                <Form.Item name="code" label="验证码" rules={[{ required: true, message: '请输入6位验证码' }]}>
                  <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder="6位数字" />
                </Form.Item>
                {confirm.error && !(confirm.error instanceof ApiError && confirm.error.errors.length) && (
                  <Alert type="error" showIcon title={errorDetail(confirm.error)} style={{ marginBottom: 12 }} />
                )}
                <Button type="primary" htmlType="submit" loading={confirm.isPending}>
                  验证并启用
                </Button>
              </Form>
            ),
          },
        ]}
      />
    </div>
  );
}
