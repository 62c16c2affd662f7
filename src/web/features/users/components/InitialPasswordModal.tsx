import { Alert, Modal, Typography } from 'antd';

/** Shows a generated password once; the server never shows it again. */
export function InitialPasswordModal({ value, username, onClose }: { value: string | null; username?: string; onClose: () => void }) {
  return (
    <Modal
      title="初始密码"
      open={!!value}
      onOk={onClose}
      onCancel={onClose}
      okText="我已记下"
      cancelButtonProps={{ style: { display: 'none' } }}
      maskClosable={false}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="初始密码只显示这一次，请复制后通过安全渠道告知本人。首次登录时须修改密码。"
      />
      {username && (
        <Typography.Paragraph>
          用户名：<Typography.Text strong>{username}</Typography.Text>
        </Typography.Paragraph>
      )}
      <Typography.Paragraph>
        初始密码：
        <Typography.Text code copyable={{ text: value ?? '', tooltips: ['复制', '已复制'] }} style={{ fontSize: 18 }} data-testid="initial-password">
          {value}
        </Typography.Text>
      </Typography.Paragraph>
    </Modal>
  );
}
