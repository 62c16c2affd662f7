import { Card, Empty, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useOverdueSubmissions } from '../api/get-overdue';

/** Periodic data the villages owe: periods due and not submitted (or returned and not resubmitted). */
export function OverdueCard({ asOf }: { asOf: string }) {
  const { data, error, isPending } = useOverdueSubmissions(asOf);
  const items = data?.items ?? [];
  return (
    <Card size="small" title="逾期未报" style={{ height: '100%' }}
      extra={data && data.total > 0 && <Tag color="red" style={{ marginInlineEnd: 0 }}>{data.total} 项</Tag>}>
      {error ? <Typography.Text type="danger">加载失败</Typography.Text>
        : isPending ? <Typography.Text type="secondary">正在加载…</Typography.Text>
          : items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={data === null ? '暂无逾期未报的数据' : `截至 ${asOf} 没有逾期未报的数据`} />
            : (
              <List size="small" dataSource={items.slice(0, 8)} split
                renderItem={(i) => (
                  <List.Item style={{ padding: '6px 0' }}>
                    <div style={{ minWidth: 0, flex: 1 }}>
                      <Link to={`/ledgers/${i.ledger.key}/grid?period=${i.period}`}>{i.orgUnit.name} · {i.ledger.name}</Link>
                      <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{i.periodLabel} · 应于 {i.dueDate} 前上报</Typography.Text></div>
                    </div>
                  </List.Item>
                )}
                footer={data!.total > 8 ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>另有 {data!.total - 8} 项未列出</Typography.Text> : undefined} />
            )}
    </Card>
  );
}
