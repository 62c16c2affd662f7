import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Typography } from 'antd';

/** Recovery codes, shown once: each signs in once when the phone is lost. Copy and download as a text file. */
export function RecoveryCodesList({ codes, username }: { codes: string[]; username: string }) {
  const { message } = App.useApp();
  const text = `镇务 ${username} 的两步验证恢复码（每个只能用一次）\n\n${codes.join('\n')}\n`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      message.success('恢复码已复制');
    } catch {
      message.error('无法访问剪贴板，请手动抄写或下载');
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: `镇务恢复码-${username}.txt` });
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title="恢复码只显示这一次"
        description="请抄写或下载后妥善保管。手机丢失时，可在登录时用一个恢复码代替验证码，每个恢复码只能用一次。"
      />
      <div
        data-testid="recovery-codes"
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 8, marginBottom: 12 }}
      >
        {codes.map((code) => (
          <Typography.Text key={code} code style={{ fontSize: 15, textAlign: 'center' }}>
            {code}
          </Typography.Text>
        ))}
      </div>
      <Flex gap={8} wrap>
        <Button icon={<CopyOutlined />} onClick={copy}>
          复制全部
        </Button>
        <Button icon={<DownloadOutlined />} onClick={download}>
          下载为文本文件
        </Button>
      </Flex>
    </div>
  );
}
