import { Card, Divider, Empty, Flex, List, Progress, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatPercent } from '../../../lib/format';
import { useOverdueSubmissions } from '../api/get-overdue';
import type { LedgerReporting } from '../api/types';

const OVERDUE_SHOWN = 6;

/** One ledger's latest due period: its reporting rate as a bar, the on-time rate beside it. */
function ReportingLine({ r }: { r: LedgerReporting }) {
  const color = r.reportingRate === null || r.reportingRate >= 100 ? '#389e0d' : r.reportingRate >= 80 ? '#1f4e8c' : '#cf1322';
  return (
    <List.Item style={{ padding: '6px 0' }}>
      <div style={{ minWidth: 0, flex: 1 }}>
        <Flex justify="space-between" gap={8}>
          <Link to={`/ledgers/${r.ledger.key}/grid?period=${r.period.id}`} style={{ minWidth: 0 }}>
            {r.ledger.name}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {r.period.label}
          </Typography.Text>
        </Flex>
        <Flex align="center" gap={8}>
          <Progress percent={r.reportingRate ?? 0} showInfo={false} size="small" strokeColor={color} style={{ flex: 1, margin: 0 }} />
          <Typography.Text style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            上报率 {formatPercent(r.reportingRate)}（{r.reported}/{r.total}）· 及时率 {formatPercent(r.onTimeRate)}
          </Typography.Text>
        </Flex>
      </div>
    </List.Item>
  );
}

/**
 * Periodic data from the villages: each ledger's reporting and on-time rates for its most recently due period,
 * then what is overdue (periods due and not submitted, or returned and not resubmitted).
 */
export function OverdueCard({ asOf }: { asOf: string }) {
  const { data, error, isPending } = useOverdueSubmissions(asOf);
  const items = data?.items ?? [];
  const ledgers = data?.ledgers ?? [];
  return (
    <Card
      size="small"
      title="数据上报"
      extra={
        data &&
        data.total > 0 && (
          <Tag color="red" style={{ marginInlineEnd: 0 }}>
            逾期 {data.total} 项
          </Tag>
        )
      }
    >
      {error ? (
        <Typography.Text type="danger">加载失败</Typography.Text>
      ) : isPending ? (
        <Typography.Text type="secondary">正在加载…</Typography.Text>
      ) : (
        <>
          {ledgers.length > 0 && <List size="small" dataSource={ledgers} split={false} renderItem={(r) => <ReportingLine r={r} />} />}
          <Divider titlePlacement="start" plain style={{ margin: '8px 0' }}>
            逾期未报
          </Divider>
          {items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={data === null ? '暂无逾期未报的数据' : `截至 ${asOf} 没有逾期未报的数据`} />
          ) : (
            <List
              size="small"
              dataSource={items.slice(0, OVERDUE_SHOWN)}
              split
              renderItem={(i) => (
                <List.Item style={{ padding: '6px 0' }}>
                  <div style={{ minWidth: 0, flex: 1 }}>
                    <Link to={`/ledgers/${i.ledger.key}/grid?period=${i.period}`}>
                      {i.orgUnit.name} · {i.ledger.name}
                    </Link>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {i.periodLabel} · 应于 {i.dueDate} 前上报
                      </Typography.Text>
                    </div>
                  </div>
                </List.Item>
              )}
              footer={
                data!.total > OVERDUE_SHOWN ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    另有 {data!.total - OVERDUE_SHOWN} 项未列出
                  </Typography.Text>
                ) : undefined
              }
            />
          )}
        </>
      )}
    </Card>
  );
}
