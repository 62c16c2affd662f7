import { CloudDownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Popconfirm, Progress, Row, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useMe } from '../../../app/auth';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { PageHeader } from '../../../components/PageHeader';
import { ApiError, errorDetail } from '../../../lib/api-client';
import { useDownloadBackup, type BackupProgress, type DownloadedBackup } from '../api/download-backup';

const { Paragraph, Text } = Typography;

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Seconds since `running` became true, ticking while it stays so. */
function useElapsed(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) return;
    setSeconds(0);
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return seconds;
}

function ProgressLine({ progress, seconds }: { progress: BackupProgress; seconds: number }) {
  if (progress.phase === 'making') {
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Text>正在生成备份（已用 {seconds} 秒）。数据量大时需要一两分钟，请不要关闭页面。</Text>
        <Progress percent={100} status="active" showInfo={false} />
      </Space>
    );
  }
  const percent = progress.total ? Math.floor((progress.received / progress.total) * 100) : 99;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Text>
        正在下载：{formatSize(progress.received)}
        {progress.total ? ` / ${formatSize(progress.total)}` : ''}
      </Text>
      <Progress percent={percent} status="active" />
    </Space>
  );
}

export default function BackupPage() {
  const me = useMe();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const [done, setDone] = useState<DownloadedBackup | null>(null);
  const backup = useDownloadBackup(setProgress);
  const seconds = useElapsed(backup.isPending);

  if (!me.abilities.systemBackup) return <ApiErrorResult error={new ApiError(403, 'FORBIDDEN', '只有镇领导可以下载数据备份')} />;

  const start = () => {
    setDone(null);
    backup.mutate(undefined, {
      onSuccess: (file) => {
        setDone(file);
        message.success(`备份已下载：${file.fileName}`);
      },
      onSettled: () => setProgress(null),
    });
  };

  return (
    <>
      <PageHeader title="数据备份" subTitle="下载整个系统数据库的一份完整备份，用于灾难恢复；每次下载都记入审计日志" />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title="下载备份">
            <Paragraph>
              备份在服务器上当场生成，是此刻整个数据库的一致副本。生成期间系统会暂停响应几秒到一分钟（嵌入式数据库），建议在下班后或人少时操作。
            </Paragraph>
            {backup.isPending && progress ? (
              <ProgressLine progress={progress} seconds={seconds} />
            ) : (
              <Popconfirm
                title="确认下载数据备份？"
                description={
                  <div style={{ maxWidth: 320 }}>
                    备份文件包含全镇所有台账和农户的个人信息。请只保存在单位的加密存储或离线介质上，不要通过微信、QQ、邮件传送，不要留在公用电脑上。
                  </div>
                }
                okText="确认下载"
                cancelText="取消"
                onConfirm={start}
              >
                <Button type="primary" icon={<CloudDownloadOutlined />} size="large">
                  生成并下载备份
                </Button>
              </Popconfirm>
            )}
            {done && (
              <Alert
                style={{ marginTop: 16 }}
                type="success"
                showIcon
                message={`已下载 ${done.fileName}（${formatSize(done.size)}）`}
                description="请把文件移到安全的位置保管，并从“下载”文件夹中删除。"
              />
            )}
            {backup.isError && (
              <Alert style={{ marginTop: 16 }} type="error" showIcon message="备份未能生成" description={errorDetail(backup.error)} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="文件里有什么" style={{ marginBottom: 16 }}>
            <ul style={{ paddingLeft: 20, margin: 0 }}>
              <li>全部台账及其记录、照片和附件，含身份证号、手机号等个人信息；</li>
              <li>组织架构、组线包村、指标、督办任务、重点项目和报告；</li>
              <li>全部用户账号（密码只以不可还原的散列保存）和审计日志。</li>
            </ul>
            <Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              <SafetyCertificateOutlined />{' '}
              加密保存的身份证号、手机号在备份中仍是密文；解密所需的密钥文件不在备份里，由服务器管理员另行保管。恢复时需要同一个密钥文件。
            </Paragraph>
          </Card>
          <Card title="如何恢复">
            <ol style={{ paddingLeft: 20, margin: 0 }}>
              <li>把备份文件交给服务器管理员，连同密钥文件（另行保管的那一份）。</li>
              <li>
                管理员停止镇务服务器，在服务器上执行 <Text code>npx zhenwu restore 备份文件</Text>
                。嵌入式数据库的备份（.tar.gz）恢复到空的数据目录，PostgreSQL 的备份（.dump）恢复到空数据库；服务器运行时恢复会被拒绝。
              </li>
              <li>放回密钥文件，启动服务器，登录核对乡镇、用户和台账记录数。</li>
            </ol>
            <Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              详细步骤与建议的备份周期见部署文档 docs/operations.md“备份与恢复”一节。
            </Paragraph>
          </Card>
        </Col>
      </Row>
    </>
  );
}
