import { Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { formatDate, formatValidFrom } from '../../../lib/format';
import { useOrgChildren } from '../api/get-org-children';
import type { OrgListFilters, OrgUnit } from '../api/types';
import { OrgLevelTag } from './OrgLevelTag';

const columns: TableColumnsType<OrgUnit> = [
  { title: '名称', dataIndex: 'name', render: (name: string, unit) => <Link to={`/org/${unit.code}`}>{name}</Link> },
  { title: '代码', dataIndex: 'code', render: (code: string) => <span style={{ fontFamily: 'monospace' }}>{code}</span> },
  { title: '层级', dataIndex: 'level', render: (level: string, unit) => <OrgLevelTag level={level} levelName={unit.levelName} /> },
  { title: '下级数', dataIndex: 'childCount', align: 'right' },
  { title: '生效日期', dataIndex: 'validFrom', render: formatValidFrom },
  {
    title: '状态',
    key: 'state',
    render: (_, unit) => (unit.validTo ? <Tag>已于 {formatDate(unit.validTo)} 撤销</Tag> : <Tag color="success">有效</Tag>),
  },
];

export function OrgChildrenTable({ code, filters }: { code: string; filters: OrgListFilters }) {
  const { data, isPending, error, refetch } = useOrgChildren(code, filters);
  if (error) return <ApiErrorResult compact error={error} onRetry={() => refetch()} />;
  return (
    <Table<OrgUnit>
      rowKey="code"
      size="middle"
      columns={columns}
      dataSource={data?.items}
      loading={isPending}
      scroll={{ x: 640 }}
      locale={{ emptyText: '没有下级单位' }}
      pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 个`, showSizeChanger: false }}
    />
  );
}
