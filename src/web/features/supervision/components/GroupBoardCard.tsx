// The cadre groups' board (组线督办榜): each small group by the on-time rate of the tasks led by it or by its
// villages, the top and bottom three marked as on the boards of the rankings. Folded until opened.
import { Card, Collapse, Empty, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { BOARD_NAMES } from '../../../../core/ranking';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { formatPercent } from '../../../lib/format';
import { useGroupBoard, type GroupBoard } from '../api/get-group-board';

type Row = GroupBoard['rows'][number];

function BoardTable() {
  const { data, isPending, error, refetch } = useGroupBoard();
  if (error) return <ApiErrorResult error={error} onRetry={() => refetch()} compact />;
  return (
    <>
      <Table<Row>
        rowKey="groupId"
        size="small"
        loading={isPending}
        dataSource={data?.rows}
        pagination={false}
        scroll={{ x: 520 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有组线（小组）" /> }}
        onRow={(r) => ({ style: { background: r.board === 'top' ? '#fff1f0' : r.board === 'bottom' ? '#e6f4ff' : undefined } })}
        columns={[
          { title: '名次', key: 'rank', width: 56, align: 'center', render: (_, r) => r.rank ?? '—' },
          {
            title: '组线',
            key: 'name',
            render: (_, r) => (
              <>
                {r.name}
                {r.board === 'top' && (
                  <Tag color="red" style={{ marginInlineStart: 8 }}>
                    {BOARD_NAMES.red_black.top}
                  </Tag>
                )}
                {r.board === 'bottom' && (
                  <Tag color="default" style={{ marginInlineStart: 8 }}>
                    {BOARD_NAMES.red_black.bottom}
                  </Tag>
                )}
              </>
            ),
          },
          { title: '任务', dataIndex: 'tasks', width: 64, align: 'right' },
          { title: '已办结', dataIndex: 'done', width: 72, align: 'right' },
          { title: '按时办结', dataIndex: 'onTime', width: 84, align: 'right' },
          {
            title: '逾期未办',
            dataIndex: 'overdue',
            width: 84,
            align: 'right',
            render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
          },
          {
            title: '按时办结率',
            key: 'rate',
            width: 100,
            align: 'right',
            render: (_, r) => (r.onTimeRate === null ? <Typography.Text type="secondary">尚无到期</Typography.Text> : formatPercent(r.onTimeRate)),
          },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>
        {data ? `截至 ${data.today}。` : ''}
        统计各小组及其包联村牵头的任务（到各村的任务按各村的一份计）；已办结或已过时限的任务计入应办，按时办结率 = 按时办结 ÷
        应办；前3名上红榜、后3名上黑榜。
      </Typography.Text>
    </>
  );
}

/** Folded under the filters; the board is fetched only once it is opened. */
export function GroupBoardCard() {
  const [open, setOpen] = useState(false);
  return (
    <Card size="small" styles={{ body: { padding: 0 } }} style={{ marginBottom: 12 }}>
      <Collapse
        ghost
        activeKey={open ? ['board'] : []}
        onChange={(keys) => setOpen(keys.includes('board'))}
        items={[{ key: 'board', label: '组线督办榜', children: open && <BoardTable /> }]}
      />
    </Card>
  );
}
