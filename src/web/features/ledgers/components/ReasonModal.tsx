import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';

/** Asks for the reason of a return or an unlock; the reason is required and kept in the audit trail. */
export function ReasonModal({
  title,
  label,
  okText,
  danger,
  hint,
  pending,
  onOk,
  onClose,
}: {
  title: string;
  label: string;
  okText: string;
  danger?: boolean;
  hint?: string;
  pending: boolean;
  onOk: (reason: string) => void;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = () => {
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    onOk(reason.trim());
  };
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={pending}
      okButtonProps={{ danger }}
      destroyOnHidden
    >
      {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
      <Form layout="vertical" component="div">
        <Form.Item label={label} required validateStatus={missing ? 'error' : undefined} help={missing ? `请填写${label}` : undefined}>
          <Input.TextArea
            value={reason}
            aria-label={label}
            autoFocus
            maxLength={500}
            showCount
            autoSize={{ minRows: 3, maxRows: 6 }}
            onChange={(e) => {
              setReason(e.target.value);
              setMissing(false);
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
