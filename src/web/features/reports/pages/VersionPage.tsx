// One saved version: the stored document (figures still clickable), its files, 定稿, and 对比 with today's data
// or with another version of the same template, unit and period.
import { ArrowLeftOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Flex, Row, Space } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useIsMobile } from '../../../components/use-is-mobile';
import { errorDetail } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useFinalizeVersion, useReportVersion } from '../api/versions';
import { CompareSelect, VersionComparisonView } from '../components/VersionComparison';
import { ReportExportButtons } from '../components/ReportExportButtons';
import { ReportSheet } from '../components/ReportSheet';
import { ReportWarnings } from '../components/ReportWarnings';
import { VersionStatus } from '../components/VersionsTable';

export default function VersionPage() {
  const id = Number(useParams().id);
  const isMobile = useIsMobile();
  const { message, modal } = App.useApp();
  const version = useReportVersion(id);
  const finalize = useFinalizeVersion(id);
  const [compareWith, setCompareWith] = useState<number | 'today'>();

  if (!Number.isInteger(id) || id <= 0) return <ApiErrorResult error={new Error('版本编号不正确')} />;
  if (version.isPending) return <PageLoading />;
  if (version.error) return <ApiErrorResult error={version.error} onRetry={() => version.refetch()} />;
  const v = version.data;

  const confirmFinalize = () =>
    modal.confirm({
      title: `将第${v.number}版定稿？`,
      content: '定稿后这一版不能再修改，也不能取消定稿；如需改动，请重新生成并保存新版本。',
      okText: '定稿',
      cancelText: '取消',
      onOk: async () => {
        try {
          await finalize.mutateAsync();
          message.success(`第${v.number}版已定稿`);
        } catch (error) {
          message.error(errorDetail(error));
        }
      },
    });

  return (
    <>
      <PageHeader
        title={
          <Space wrap size={8}>
            <Link to="/reports?tab=versions" aria-label="返回已存版本">
              <ArrowLeftOutlined />
            </Link>
            <span>
              {v.templateName} · 第{v.number}版
            </span>
            <VersionStatus version={v} />
          </Space>
        }
        subTitle={`${v.orgUnit.name} · ${v.periodLabel} · 截至 ${v.asOf}`}
        extra={
          <>
            <ReportExportButtons
              request={{ method: 'GET', path: `/api/reports/versions/${v.id}/file` }}
              document={v.document}
              fileName={`${v.templateName}-${v.orgUnit.name}-${v.periodLabel}-第${v.number}版`}
            />
            {v.mayFinalize && (
              <Button type="primary" icon={<CheckCircleOutlined />} loading={finalize.isPending} onClick={confirmFinalize}>
                定稿
              </Button>
            )}
          </>
        }
      />
      <Descriptions
        size="small"
        bordered
        column={isMobile ? 1 : 3}
        style={{ marginBottom: 12, background: '#fff' }}
        items={[
          { key: 'by', label: '生成人', children: v.createdBy ?? '—' },
          { key: 'at', label: '生成时间', children: formatDateTime(v.createdAt) },
          { key: 'final', label: '定稿', children: v.final ? `${v.finalizedBy ?? '—'}，${formatDateTime(v.finalizedAt)}` : '未定稿' },
          ...(v.note ? [{ key: 'note', label: '备注', children: v.note, span: isMobile ? 1 : 3 }] : []),
        ]}
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <CompareSelect version={v} value={compareWith} onChange={setCompareWith} />
      </Card>
      {compareWith !== undefined ? (
        <VersionComparisonView id={v.id} other={compareWith} />
      ) : (
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={17}>
            <ReportSheet document={v.document} asOf={v.asOf} />
          </Col>
          <Col xs={24} xl={7}>
            <Flex vertical gap={12}>
              <ReportWarnings warnings={v.document.warnings} />
            </Flex>
          </Col>
        </Row>
      )}
    </>
  );
}
