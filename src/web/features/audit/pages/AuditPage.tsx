import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useMe } from '../../../app/auth';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { PageHeader } from '../../../components/PageHeader';
import { ApiError, errorDetail } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useExportAudit } from '../api/export-audit';
import { useAuditLog } from '../api/get-audit';
import { actionName, actorName, ENTITY_NAMES, type AuditEntry, type AuditFilters } from '../api/types';
import { AuditFiltersBar } from '../components/AuditFiltersBar';

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  return (
    <div>
      <Typography.Text strong>{title}</Typography.Text>
      <pre style={{ background: '#f6f8fa', padding: 12, borderRadius: 4, maxHeight: 320, overflow: 'auto', fontSize: 12, margin: '6px 0 0' }}>
        {value === null || value === undefined ? '（无）' : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}

const columns: TableColumnsType<AuditEntry> = [
  { title: '时间', dataIndex: 'at', width: 150, render: formatDateTime },
  { title: '用户', dataIndex: 'username', width: 110, render: actorName },
  { title: '操作', dataIndex: 'action', width: 140, render: actionName },
  { title: '对象', dataIndex: 'entity', width: 110, render: (v: string) => ENTITY_NAMES[v] ?? v },
  { title: '对象ID', dataIndex: 'entityId', width: 140, render: (v: string | null) => v || '—' },
  { title: 'IP地址', dataIndex: 'ip', width: 130, render: (v: string | null) => v || '—' },
];

export default function AuditPage() {
  const me = useMe();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const { data, isFetching, error, refetch } = useAuditLog(filters, page, pageSize);
  const exporting = useExportAudit();

  if (!me.abilities.auditRead) return <ApiErrorResult error={new ApiError(403, 'FORBIDDEN', '您无权查看审计日志')} />;

  return (
    <>
      <PageHeader
        title="审计日志"
        subTitle="所有登录、修改与导出均记录在案，不可删除"
        extra={
          <Button
            icon={<DownloadOutlined />}
            loading={exporting.isPending}
            onClick={() => exporting.mutate(filters, { onError: (e) => message.error(errorDetail(e)) })}
          >
            导出Excel
          </Button>
        }
      />
      <Card>
        <AuditFiltersBar
          onChange={(f) => {
            setFilters(f);
            setPage(1);
          }}
        />
        {error ? (
          <ApiErrorResult compact error={error} onRetry={() => refetch()} />
        ) : (
          <Table<AuditEntry>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data?.items}
            loading={isFetching}
            scroll={{ x: 820 }}
            locale={{ emptyText: '没有符合条件的记录' }}
            expandable={{
              rowExpandable: (row) => row.before != null || row.after != null,
              expandedRowRender: (row) => (
                <Row gutter={[16, 12]}>
                  <Col xs={24} lg={12}>
                    <JsonBlock title="修改前" value={row.before} />
                  </Col>
                  <Col xs={24} lg={12}>
                    <JsonBlock title="修改后" value={row.after} />
                  </Col>
                </Row>
              ),
            }}
            pagination={{
              current: page,
              pageSize,
              total: data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => `共 ${total} 条`,
              onChange: (p, s) => {
                setPage(p);
                setPageSize(s);
              },
            }}
          />
        )}
      </Card>
    </>
  );
}
