// The key-project list as the report's annex (重点项目推进表): a table on a wide screen, cards on a phone.
import { Card, Empty, Flex, List, Progress, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { PROJECT_CATEGORY_NAMES } from '../../../../core/supervision';
import { formatPercent } from '../../../lib/format';
import type { ProjectSummary } from '../api/projects';
import { formatWan, ProjectStatusTag } from './ProjectParts';

function Rate({ value, detail }: { value: number | null; detail?: string }) {
  if (value === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const color = value >= 100 ? '#389e0d' : value >= 60 ? '#1f4e8c' : '#d4380d';
  return (
    <div style={{ minWidth: 88 }}>
      <Typography.Text style={{ color, fontVariantNumeric: 'tabular-nums' }}>{formatPercent(value)}</Typography.Text>
      {detail && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {' '}
          {detail}
        </Typography.Text>
      )}
      <Progress percent={Math.min(100, value)} showInfo={false} size="small" strokeColor={color} style={{ margin: 0 }} />
    </div>
  );
}

const onTimeDetail = (p: ProjectSummary) => (p.stagesDue > 0 ? `${p.stagesOnTime}/${p.stagesDue}` : undefined);
const wanCell = (v: number | null) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatWan(v)}</span>;

const columns: TableColumnsType<ProjectSummary> = [
  { title: '序号', key: 'index', width: 56, align: 'center', render: (_v, _p, i) => i + 1 },
  {
    title: '项目',
    dataIndex: 'name',
    width: 220,
    render: (_v, p) => (
      <>
        <Link to={`/supervision/projects/${p.id}`}>{p.name}</Link>
        {p.goal && (
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.goal.title}
            </Typography.Text>
          </div>
        )}
      </>
    ),
  },
  { title: '类别', dataIndex: 'category', width: 96, render: (v: ProjectSummary['category']) => PROJECT_CATEGORY_NAMES[v] },
  { title: '责任领导', dataIndex: 'leaderName', width: 96 },
  { title: '组线', key: 'group', width: 110, render: (_v, p) => p.cadreGroup?.name ?? p.workLine ?? '—' },
  { title: '所在村', key: 'location', width: 110, render: (_v, p) => p.location.name },
  { title: '计划总投资（万元）', dataIndex: 'plannedInvestment', width: 120, align: 'right', render: wanCell },
  { title: '已完成投资（万元）', dataIndex: 'completedInvestment', width: 120, align: 'right', render: wanCell },
  { title: '投资完成率', dataIndex: 'investmentRate', width: 120, render: (v: number | null) => <Rate value={v} /> },
  { title: '阶段任务按时完成率', dataIndex: 'onTimeRate', width: 150, render: (v: number | null, p) => <Rate value={v} detail={onTimeDetail(p)} /> },
  {
    title: '状态',
    dataIndex: 'status',
    width: 110,
    render: (_v, p) => (
      <Flex gap={4} wrap>
        <ProjectStatusTag status={p.status} />
        {p.stagesOverdue > 0 && <Tag color="red">{p.stagesOverdue}项逾期</Tag>}
      </Flex>
    ),
  },
];

function ProjectCard({ project: p }: { project: ProjectSummary }) {
  return (
    <Card size="small" style={{ width: '100%' }}>
      <Flex justify="space-between" align="start" gap={8}>
        <Link to={`/supervision/projects/${p.id}`} style={{ fontWeight: 600, fontSize: 15 }}>
          {p.name}
        </Link>
        <ProjectStatusTag status={p.status} />
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {PROJECT_CATEGORY_NAMES[p.category]} · {p.location.name} · 责任领导 {p.leaderName}
        {p.cadreGroup ? ` · ${p.cadreGroup.name}` : ''}
      </Typography.Text>
      <div style={{ margin: '8px 0 4px', fontSize: 13 }}>
        投资 {formatWan(p.completedInvestment)} / {formatWan(p.plannedInvestment)} 万元
      </div>
      <Flex gap={16}>
        <div style={{ flex: 1 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            投资完成率
          </Typography.Text>
          <Rate value={p.investmentRate} />
        </div>
        <div style={{ flex: 1 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            阶段任务按时完成率
          </Typography.Text>
          <Rate value={p.onTimeRate} detail={onTimeDetail(p)} />
        </div>
      </Flex>
      {p.stagesOverdue > 0 && (
        <Tag color="red" style={{ marginTop: 8 }}>
          {p.stagesOverdue}项阶段任务逾期
        </Tag>
      )}
    </Card>
  );
}

export function ProjectTable({
  items,
  total,
  page,
  pageSize,
  loading,
  isMobile,
  onPage,
}: {
  items: ProjectSummary[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  isMobile: boolean;
  onPage: (page: number, pageSize: number) => void;
}) {
  const pagination = { current: page, pageSize, total, onChange: onPage, showTotal: (n: number) => `共 ${n} 个项目`, size: 'small' as const };
  if (isMobile)
    return (
      <List
        loading={loading}
        dataSource={items}
        locale={{ emptyText: <Empty description="没有符合条件的项目" /> }}
        pagination={total > pageSize ? { ...pagination, simple: true } : false}
        renderItem={(p) => (
          <List.Item style={{ padding: '6px 0', border: 'none' }}>
            <ProjectCard project={p} />
          </List.Item>
        )}
      />
    );
  return (
    <Table<ProjectSummary>
      rowKey="id"
      size="middle"
      columns={columns.map((c) => (c.key === 'index' ? { ...c, render: (_v, _p, i) => (page - 1) * pageSize + i + 1 } : c))}
      dataSource={items}
      loading={loading}
      scroll={{ x: 1300 }}
      locale={{ emptyText: <Empty description="没有符合条件的项目" /> }}
      pagination={{ ...pagination, showSizeChanger: true, pageSizeOptions: [20, 50, 100] }}
    />
  );
}
