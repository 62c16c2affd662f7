import { SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { errorDetail, setStepUpPrompt } from '../../../lib/api-client';
import { stepUp } from '../api/two-factor';

interface Ask {
  reason: string;
  enrolled: boolean;
  resolve: (accepted: boolean) => void;
}

/**
 * Answers the server's STEP_UP_REQUIRED (granting household data needs a code given in the last minutes): asks for
 * the code, and the request that was refused is sent again (lib/api-client.ts). Mounted once under the shell.
 */
export function StepUpPrompt() {
  const navigate = useNavigate();
  const [ask, setAsk] = useState<Ask | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ code: string }>();
  const pending = useRef<Ask | null>(null);

  useEffect(() => {
    setStepUpPrompt(
      (reason, enrolled) =>
        new Promise<boolean>((resolve) => {
          pending.current?.resolve(false);
          pending.current = { reason, enrolled, resolve };
          setError(null);
          form.resetFields();
          setAsk(pending.current);
        }),
    );
    return () => setStepUpPrompt(null);
  }, [form]);

  const close = (accepted: boolean) => {
    ask?.resolve(accepted);
    pending.current = null;
    setAsk(null);
  };
  const onFinish = async ({ code }: { code: string }) => {
    setBusy(true);
    try {
      await stepUp(code.trim());
      close(true);
    } catch (e) {
      setError(errorDetail(e));
    } finally {
      setBusy(false);
    }
  };

  if (!ask) return null;
  if (!ask.enrolled) {
    return (
      <Modal
        open
        title="需要启用两步验证"
        onCancel={() => close(false)}
        footer={[
          <Button key="cancel" onClick={() => close(false)}>
            取消
          </Button>,
          <Button
            key="go"
            type="primary"
            onClick={() => {
              close(false);
              navigate('/system/account');
            }}
          >
            去启用
          </Button>,
        ]}
      >
        <Typography.Paragraph>{ask.reason}</Typography.Paragraph>
      </Modal>
    );
  }
  return (
    <Modal open title="确认是本人操作" onCancel={() => close(false)} footer={null} destroyOnHidden>
      <Typography.Paragraph>{ask.reason}。验证后5分钟内无需再次输入。</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item name="code" label="验证码" rules={[{ required: true, message: '请输入验证码' }]}>
          <Input prefix={<SafetyOutlined />} placeholder="6位数字或恢复码" autoComplete="one-time-code" maxLength={20} autoFocus />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          验证
        </Button>
      </Form>
    </Modal>
  );
}
