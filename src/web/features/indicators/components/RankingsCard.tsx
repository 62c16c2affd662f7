import { Card, Empty, Select, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../../app/auth';
import { useRankingBoard, useRankings } from '../api/rankings';
import { BoardPair } from './BoardColumns';
import type { PeriodChoice } from './period-choice';

/** The township's ranking boards on a dashboard, one ranking at a time. */
export function RankingsCard({ choice }: { choice: PeriodChoice }) {
  const me = useMe();
  const rankings = useRankings();
  const [key, setKey] = useState<string>();
  const ranking = rankings.data?.items.find((r) => r.key === key) ?? rankings.data?.items[0];
  const board = useRankingBoard(ranking?.key, choice.period, choice.asOf);
  const items = rankings.data?.items ?? [];
  return (
    <Card
      size="small"
      title="排行榜"
      extra={
        items.length > 1 ? (
          <Select
            size="small"
            value={ranking?.key}
            onChange={setKey}
            style={{ width: 180 }}
            aria-label="选择排行榜"
            options={items.map((r) => ({ value: r.key, label: r.name }))}
          />
        ) : (
          ranking && <Link to={`/indicators/rankings/${ranking.key}?period=${choice.period}&asOf=${choice.asOf}`}>完整榜单</Link>
        )
      }
    >
      {!ranking ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={rankings.isPending ? '正在加载…' : '还没有排行榜'}>
          {!rankings.isPending && me.abilities.indicatorDefine && <Link to="/indicators/rankings">去新建排行榜</Link>}
        </Empty>
      ) : board.error ? (
        <Typography.Text type="danger">榜单加载失败</Typography.Text>
      ) : board.data ? (
        <>
          <BoardPair board={board.data} asOf={choice.asOf} compact />
          {items.length > 1 && (
            <div style={{ marginTop: 8 }}>
              <Link to={`/indicators/rankings/${ranking.key}?period=${choice.period}&asOf=${choice.asOf}`}>查看完整榜单</Link>
            </div>
          )}
        </>
      ) : (
        <Typography.Text type="secondary">正在加载…</Typography.Text>
      )}
    </Card>
  );
}
