import { Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { CadreGroup } from '../api/types';

interface Row {
  key: number;
  big: string;
  small: CadreGroup;
}

const columns: TableColumnsType<Row> = [
  { title: '大组', dataIndex: 'big', width: 120, onCell: (row) => ({ rowSpan: (row as Row & { span?: number }).span ?? 1 }) },
  { title: '小组', key: 'small', width: 120, render: (_, row) => row.small.name },
  {
    title: '组长',
    key: 'leader',
    width: 160,
    render: (_, row) => (row.small.leader ? `${row.small.leader.name}${row.small.leader.position ? `（${row.small.leader.position}）` : ''}` : '—'),
  },
  {
    title: '成员',
    key: 'members',
    render: (_, row) =>
      row.small.members
        .filter((m) => !m.isLeader)
        .map((m) => m.name)
        .join('、') || '—',
  },
  {
    title: '包村',
    key: 'villages',
    render: (_, row) =>
      row.small.villages.map((v) => (
        <Tag key={v.code} color="green" style={{ marginBottom: 4 }}>
          {v.name}
        </Tag>
      )),
  },
];

/** One row per small group, the big group's cell spanning its small groups — the layout of the paper table. */
export function CadreTableView({ groups }: { groups: CadreGroup[] }) {
  const rows: (Row & { span: number })[] = groups.flatMap((big) =>
    big.children.map((small, i) => ({ key: small.id, big: big.name, small, span: i === 0 ? big.children.length : 0 })),
  );
  return (
    <Table<Row>
      bordered
      size="middle"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 760 }}
      locale={{ emptyText: '尚未建立组线包村安排' }}
    />
  );
}
