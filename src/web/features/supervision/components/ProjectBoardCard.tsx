// The key-project board (龙虎榜): two rankings side by side, the top and bottom five marked.
import { Button, Card, Col, Empty, Flex, List, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { formatPercent } from '../../../lib/format';
import { useProjectBoard, type ProjectBoard } from '../api/projects';

type Ranking = ProjectBoard['rankings'][number];

function RankingList({ ranking, all }: { ranking: Ranking; all: boolean }) {
  if (ranking.rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有项目" />;
  // the boards only, unless asked for every project; ties may put more than five on a board
  const rows = all ? ranking.rows : ranking.rows.filter((r) => r.board !== null);
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无可排名的项目" />;
  return (
    <List
      size="small"
      dataSource={rows}
      style={{ maxHeight: all ? undefined : 360, overflowY: 'auto' }}
      renderItem={(row) => (
        <List.Item style={{ paddingInline: 8, background: row.board === 'top' ? '#fff1f0' : row.board === 'bottom' ? '#e6f4ff' : undefined }}>
          <Flex align="center" gap={8} style={{ width: '100%', minWidth: 0 }}>
            <Typography.Text strong style={{ width: 28, flex: 'none', textAlign: 'center' }}>
              {row.rank ?? '—'}
            </Typography.Text>
            <Link to={`/supervision/projects/${row.projectId}`} style={{ display: 'block', flex: 1, minWidth: 0 }}>
              <Typography.Text ellipsis={{ tooltip: row.name }} style={{ color: 'inherit', display: 'block' }}>
                {row.name}
              </Typography.Text>
            </Link>
            {row.board === 'top' && <Tag color="red">龙榜</Tag>}
            {row.board === 'bottom' && <Tag color="blue">虎榜</Tag>}
            <Typography.Text style={{ width: 64, flex: 'none', textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
              {row.value === null ? (
                <Typography.Text type="secondary">{row.rank === null ? '不参评' : '—'}</Typography.Text>
              ) : (
                formatPercent(row.value)
              )}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** 龙虎榜: by on-time stage completion and by investment completion, as of the township's today. */
export function ProjectBoardCard() {
  const { data, isPending, error, refetch } = useProjectBoard();
  const [all, setAll] = useState(false);
  return (
    <Card
      title="重点项目龙虎榜"
      size="small"
      loading={isPending}
      extra={
        data && (
          <Flex gap={8} align="center">
            <Typography.Text type="secondary">截至 {data.today}</Typography.Text>
            <Button size="small" type="link" onClick={() => setAll((v) => !v)}>
              {all ? '只看上榜项目' : '全部排名'}
            </Button>
          </Flex>
        )
      }
      style={{ marginBottom: 16 }}
    >
      {error ? (
        <ApiErrorResult error={error} onRetry={() => refetch()} compact />
      ) : (
        <Row gutter={[24, 16]}>
          {(data?.rankings ?? []).map((ranking) => (
            <Col key={ranking.key} xs={24} lg={12}>
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                {ranking.name}
              </Typography.Title>
              <RankingList ranking={ranking} all={all} />
            </Col>
          ))}
        </Row>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>
        前5名上龙榜、后5名上虎榜；暂缓项目不参评，尚无到期阶段任务或未定计划投资的项目不排名。
      </Typography.Text>
    </Card>
  );
}
