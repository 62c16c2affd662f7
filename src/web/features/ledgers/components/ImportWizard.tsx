import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Modal, Progress, Result, Space, Statistic, Steps, Table, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useIsMobile } from '../../../components/use-is-mobile';
import { ApiError, errorDetail } from '../../../lib/api-client';
import { downloadFile } from '../../../lib/download';
import { commitImport, getImport, startImport } from '../api/ledger-import';
import { ledgerKeys, type Ledger, type LedgerImport } from '../api/types';
import { fieldValueText } from './FieldValue';

const BUSY = new Set(['parsing', 'validating', 'committing']);

const PHASES: Record<LedgerImport['phase'], string> = {
  parsing: '正在读取文件',
  validating: '正在逐行检查',
  ready: '检查完成',
  committing: '正在导入',
  done: '导入完成',
  failed: '导入失败',
};

function stepOf(job: LedgerImport | null): number {
  if (!job) return 0;
  if (job.phase === 'done') return 3;
  if (job.phase === 'ready' || job.phase === 'failed') return 2;
  return 1;
}

/** Upload → progress → preview with every bad row → all-or-nothing commit. */
export function ImportWizard({ ledger, open, onClose }: { ledger: Ledger; open: boolean; onClose: () => void }) {
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const [job, setJob] = useState<LedgerImport | null>(null);
  const [uploading, setUploading] = useState(false);
  const [committing, setCommitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Large files are parsed in the background: poll until the job settles.
  useEffect(() => {
    if (!job || !BUSY.has(job.phase) || committing) return;
    const timer = setTimeout(async () => {
      try {
        setJob(await getImport(ledger.key, job.id));
      } catch (e) {
        setError(errorDetail(e));
      }
    }, 700);
    return () => clearTimeout(timer);
  }, [job, ledger.key, committing]);

  const reset = () => {
    setJob(null);
    setError(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  const upload = async (file: File) => {
    reset();
    setUploading(true);
    try {
      setJob(await startImport(ledger.key, file));
    } catch (e) {
      setError(e instanceof ApiError && e.errors.length ? `${e.detail}：${e.errors.map((x) => x.message).join('；')}` : errorDetail(e));
    } finally {
      setUploading(false);
    }
  };

  const commit = async () => {
    if (!job) return;
    setCommitting(true);
    setError(null);
    try {
      setJob(await commitImport(ledger.key, job.id));
      await queryClient.invalidateQueries({ queryKey: ledgerKeys.records(ledger.key) });
    } catch (e) {
      const rows = e instanceof ApiError ? e.errors.filter((x) => x.row).map((x) => `第${x.row}行 ${x.field}：${x.message}`) : [];
      setError([errorDetail(e), ...rows].join('；'));
      try {
        setJob(await getImport(ledger.key, job.id));
      } catch {
        /* the job may be gone */
      }
    } finally {
      setCommitting(false);
    }
  };

  const fieldOf = (key: string) => ledger.fields.find((f) => f.key === key);
  const previewFields = ledger.fields.filter((f) => !f.retired && f.type !== 'photos' && f.type !== 'user').slice(0, 6);
  const percent = job && job.total ? Math.round((job.processed / job.total) * 100) : 0;

  return (
    <Modal
      open={open}
      onCancel={close}
      title={`导入${ledger.name}`}
      width={isMobile ? '100%' : 960}
      footer={null}
      destroyOnHidden
      style={isMobile ? { top: 0, maxWidth: '100vw', margin: 0, paddingBottom: 0 } : undefined}
    >
      <Steps
        size="small"
        current={stepOf(job)}
        style={{ marginBottom: 20 }}
        responsive={false}
        items={[{ title: '上传文件' }, { title: '检查' }, { title: '预览' }, { title: '完成' }]}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}

      {!job && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Alert
            type="info"
            showIcon
            title="请使用导入模板填写：第一列为组织单元（村名或代码），其后每列一个字段；带 * 的列必填。照片请在网页中补充。"
          />
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              downloadFile(`/api/ledgers/${ledger.key}/template.xlsx`, undefined, `${ledger.name}导入模板.xlsx`).catch((e) =>
                setError(errorDetail(e)),
              )
            }
          >
            下载导入模板
          </Button>
          <Upload.Dragger
            accept=".xlsx,.csv"
            showUploadList={false}
            disabled={uploading}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{uploading ? '正在上传…' : '点击或拖拽文件到此处'}</p>
            <p className="ant-upload-hint">支持 .xlsx 和 .csv（UTF-8 或 GBK），不超过 20 MB</p>
          </Upload.Dragger>
        </Space>
      )}

      {job && BUSY.has(job.phase) && (
        <Flex vertical align="center" gap={12} style={{ padding: '32px 0' }}>
          <Progress type="circle" percent={percent} status="active" />
          <Typography.Text>
            {PHASES[job.phase]}：{job.fileName}
          </Typography.Text>
          <Typography.Text type="secondary">
            已处理 {job.processed.toLocaleString('zh-CN')}
            {job.total ? ` / ${job.total.toLocaleString('zh-CN')}` : ''} 行
          </Typography.Text>
        </Flex>
      )}

      {job && (job.phase === 'ready' || job.phase === 'failed') && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Flex gap={32} wrap>
            <Statistic title="数据行" value={job.total} />
            <Statistic title="可导入" value={job.valid} styles={{ content: { color: '#389e0d' } }} />
            <Statistic title="有问题的行" value={job.errorRows} styles={{ content: { color: job.errorRows ? '#cf1322' : undefined } }} />
          </Flex>
          {job.failure && <Alert type="error" showIcon title={job.failure.detail} />}
          {job.ignoredColumns.length > 0 && <Alert type="warning" showIcon title={`以下列未识别，已忽略：${job.ignoredColumns.join('、')}`} />}
          {job.errorCount > 0 ? (
            <>
              <Alert
                type="error"
                showIcon
                title={`共 ${job.errorRows} 行、${job.errorCount} 处问题。导入是“全部成功或全部不导入”，请修改文件后重新上传。`}
              />
              <Table
                size="small"
                rowKey={(e, i) => `${e.row}-${e.column}-${i}`}
                dataSource={job.errors}
                pagination={{ pageSize: 10, showTotal: (t) => `共 ${t} 处`, hideOnSinglePage: true }}
                scroll={{ x: 640 }}
                columns={[
                  { title: '行号', dataIndex: 'row', width: 70 },
                  { title: '列', dataIndex: 'column', width: 150 },
                  {
                    title: '填写内容',
                    dataIndex: 'value',
                    width: 180,
                    render: (v: string | null) => v || <Typography.Text type="secondary">（空）</Typography.Text>,
                  },
                  { title: '问题', dataIndex: 'message', render: (v: string) => <Typography.Text type="danger">{v}</Typography.Text> },
                ]}
              />
            </>
          ) : (
            job.phase === 'ready' && <Alert type="success" showIcon title={`全部 ${job.valid} 行检查通过，确认后一次性导入`} />
          )}
          {job.preview.length > 0 && (
            <>
              <Typography.Text strong>预览（前 {job.preview.length} 行正确数据）</Typography.Text>
              <Table
                size="small"
                rowKey="row"
                dataSource={job.preview}
                pagination={false}
                scroll={{ x: 'max-content', y: 240 }}
                columns={[
                  { title: '行号', dataIndex: 'row', width: 60 },
                  { title: '组织单元', key: 'unit', width: 110, render: (_, r) => r.orgUnit?.name ?? '—' },
                  ...(ledger.kind === 'periodic' ? [{ title: '期间', dataIndex: 'period', width: 90 }] : []),
                  ...previewFields.map((f) => ({
                    title: f.label,
                    key: f.key,
                    render: (_: unknown, r: LedgerImport['preview'][number]) => fieldValueText(fieldOf(f.key), r.values[f.key]),
                  })),
                ]}
              />
            </>
          )}
          <Flex justify="flex-end" gap={8} wrap>
            <Button onClick={reset}>重新上传</Button>
            <Button type="primary" disabled={job.phase !== 'ready' || job.errorCount > 0 || job.valid === 0} loading={committing} onClick={commit}>
              确认导入 {job.valid} 条
            </Button>
          </Flex>
        </Space>
      )}

      {job?.phase === 'done' && (
        <Result
          status="success"
          title={`已导入 ${job.imported} 条记录`}
          subTitle={job.fileName}
          extra={[
            <Button key="again" onClick={reset}>
              继续导入
            </Button>,
            <Button key="close" type="primary" onClick={close}>
              完成
            </Button>,
          ]}
        >
          {job.quality && <QualityAfterImport quality={job.quality} />}
        </Result>
      )}
    </Modal>
  );
}

/** The data-quality rules as checked right after the import, for the periods the file touched. */
function QualityAfterImport({ quality }: { quality: NonNullable<LedgerImport['quality']> }) {
  const total = quality.periods.reduce((a, p) => a + p.violations, 0);
  const periods = quality.periods.map((p) => p.label).join('、');
  if (total === 0) return <Alert type="success" showIcon title={`数据质量检查通过（${periods}）`} />;
  return (
    <Alert
      type="warning"
      showIcon
      title={`数据质量检查：${periods}发现 ${total} 处问题`}
      description={
        <Space direction="vertical" size={2}>
          {quality.items.map((i) => (
            <Typography.Text key={`${i.rule}-${i.orgUnit}-${i.period}`}>
              {i.orgUnit}（{i.period}）：{i.rule}，左边 {i.left}，右边 {i.right}
            </Typography.Text>
          ))}
          <Link to="/indicators/quality">查看全部数据质量问题</Link>
        </Space>
      }
    />
  );
}
