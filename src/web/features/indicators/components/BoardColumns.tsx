import { ArrowDownOutlined, ArrowUpOutlined, CrownOutlined, WarningOutlined } from '@ant-design/icons';
import { Card, Col, Empty, List, Row, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatValue } from '../../../../core/indicators';
import { formatPercent } from '../../../lib/format';
import type { Board, BoardItem } from '../api/types';
import { ValueText } from './ValueText';

/** ↑2 moved up two places, ↓1 down one; — when there is nothing to compare with (no rank, no figures before). */
export function RankChange({ item, earlierFigures = true }: { item: BoardItem; earlierFigures?: boolean }) {
  if (item.rank === null || !earlierFigures) return <Typography.Text type="secondary">—</Typography.Text>;
  if (item.previousRank === null)
    return (
      <Tag color="blue" style={{ marginInlineEnd: 0 }}>
        新上榜
      </Tag>
    );
  if (!item.change) return <Typography.Text type="secondary">持平</Typography.Text>;
  return item.change > 0 ? (
    <Typography.Text style={{ color: '#cf1322' }} aria-label={`上升${item.change}位`}>
      <ArrowUpOutlined /> {item.change}
    </Typography.Text>
  ) : (
    <Typography.Text style={{ color: '#389e0d' }} aria-label={`下降${-item.change}位`}>
      <ArrowDownOutlined /> {-item.change}
    </Typography.Text>
  );
}

/** Why a board is empty: a board that needs targets has nobody on it while the period has none. */
function emptyBoard(board: Board, name: string): string {
  if (board.ranking.requireTarget && board.items.every((i) => i.target === null)) return `本期未设目标，无法评${name}（此榜须对照目标）`;
  return `本期无${name}`;
}

function BoardList({ board, which, asOf, compact }: { board: Board; which: 'top' | 'bottom'; asOf: string; compact?: boolean }) {
  const items = board.items.filter((i) => i.board === which);
  if (which === 'bottom') items.reverse();
  const top = which === 'top';
  const name = top ? board.ranking.boardNames.top : board.ranking.boardNames.bottom;
  const color = top ? '#cf1322' : board.ranking.style === 'red_black' ? '#262626' : '#1f4e8c';
  return (
    <Card
      size="small"
      title={
        <span style={{ color }}>
          {top ? <CrownOutlined /> : <WarningOutlined />} {name}
        </span>
      }
      styles={{ header: { background: top ? '#fff1f0' : board.ranking.style === 'red_black' ? '#f5f5f5' : '#f0f5ff' } }}
      style={{ height: '100%' }}
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyBoard(board, name)} />
      ) : (
        <List
          size="small"
          dataSource={compact ? items.slice(0, 5) : items}
          split={false}
          renderItem={(i) => (
            <List.Item style={{ padding: '4px 0' }}>
              <Typography.Text style={{ display: 'inline-block', width: 28, fontWeight: 600, color }}>{i.rank}</Typography.Text>
              <Typography.Text style={{ flex: 1 }} ellipsis>
                {i.subject.name}
              </Typography.Text>
              <ValueText
                value={i.value}
                format={board.indicator}
                explain={{ indicator: board.indicator.key, period: board.period.id, asOf, orgUnit: i.subject.code }}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** The two boards side by side (stacked on a phone): 龙榜/虎榜 or 红榜/黑榜. */
export function BoardPair({ board, asOf, compact }: { board: Board; asOf: string; compact?: boolean }) {
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} md={12}>
        <BoardList board={board} which="top" asOf={asOf} compact={compact} />
      </Col>
      <Col xs={24} md={12}>
        <BoardList board={board} which="bottom" asOf={asOf} compact={compact} />
      </Col>
    </Row>
  );
}

export function boardColumns(board: Board, asOf: string, isMobile: boolean): ColumnsType<BoardItem> {
  const f = board.indicator;
  if (isMobile) {
    // A phone shows what a rank needs; the export has every column.
    return [
      { title: '名次', key: 'rank', width: 48, align: 'center', render: (_, i) => i.rank ?? '—' },
      {
        title: board.ranking.subject === 'village' ? '村（社区）' : '包村小组',
        key: 'subject',
        render: (_, i) => (
          <>
            {i.subject.name}
            {i.board && (
              <Tag color={i.board === 'top' ? 'red' : 'blue'} style={{ marginInlineStart: 4 }}>
                {i.board === 'top' ? board.ranking.boardNames.top : board.ranking.boardNames.bottom}
              </Tag>
            )}
            {i.exemption && (
              <div>
                <Tag color="gold" style={{ whiteSpace: 'normal' }}>
                  豁免：{i.exemption}
                </Tag>
              </div>
            )}
          </>
        ),
      },
      {
        title: '数值',
        key: 'value',
        align: 'right',
        render: (_, i) => (
          <ValueText value={i.value} format={f} explain={{ indicator: f.key, period: board.period.id, asOf, orgUnit: i.subject.code }} />
        ),
      },
      {
        title: '较上期',
        key: 'change',
        align: 'center',
        width: 64,
        render: (_, i) => <RankChange item={i} earlierFigures={board.previousPeriod?.hasFigures} />,
      },
    ];
  }
  return [
    { title: '名次', key: 'rank', width: 60, align: 'center', render: (_, i) => i.rank ?? '—' },
    {
      title: board.ranking.subject === 'village' ? '村（社区）' : '包村小组',
      key: 'subject',
      width: isMobile ? 90 : undefined,
      render: (_, i) => i.subject.name,
    },
    {
      title: f.name,
      key: 'value',
      align: 'right',
      width: 130,
      render: (_, i) => (
        <ValueText value={i.value} format={f} explain={{ indicator: f.key, period: board.period.id, asOf, orgUnit: i.subject.code }} />
      ),
    },
    { title: '目标', key: 'target', align: 'right', width: 120, render: (_, i) => formatValue(i.target, f) },
    { title: '完成率', key: 'completion', align: 'right', width: 90, render: (_, i) => formatPercent(i.completion) },
    {
      title: '较上期',
      key: 'change',
      align: 'center',
      width: 90,
      render: (_, i) => <RankChange item={i} earlierFigures={board.previousPeriod?.hasFigures} />,
    },
    {
      title: '上榜',
      key: 'board',
      width: 80,
      align: 'center',
      render: (_, i) =>
        i.board === 'top' ? (
          <Tag color="red" style={{ marginInlineEnd: 0 }}>
            {board.ranking.boardNames.top}
          </Tag>
        ) : i.board === 'bottom' ? (
          <Tag color={board.ranking.style === 'red_black' ? 'default' : 'blue'} style={{ marginInlineEnd: 0 }}>
            {board.ranking.boardNames.bottom}
          </Tag>
        ) : null,
    },
    { title: '豁免', key: 'exemption', width: 160, render: (_, i) => (i.exemption ? <Tag color="gold">豁免：{i.exemption}</Tag> : null) },
  ];
}
