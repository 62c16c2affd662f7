import { Card, Col, InputNumber, Progress, Row, Statistic, Table, Tag, Typography, App } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useMe } from '../../../app/auth';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { PageHeader } from '../../../components/PageHeader';
import { ExportButton } from '../../../components/ExportButton';
import { PageLoading } from '../../../components/PageLoading';
import { errorDetail } from '../../../lib/api-client';
import { formatNumber, formatPercent } from '../../../lib/format';
import { useMergeProgress } from '../api/get-merge-progress';
import type { MergeProgressRow } from '../api/types';
import { useUpdateMergePlan } from '../api/update-merge-plan';
import { useTownship } from '../api/use-township';

function PlannedCell({ row }: { row: MergeProgressRow }) {
  const update = useUpdateMergePlan();
  const { message } = App.useApp();
  const save = (value: number | null) => {
    if (value === null || value === row.groupsPlanned) return;
    update.mutate(
      { code: row.code, plannedGroups: value },
      { onSuccess: () => message.success(`${row.name}计划组数已改为 ${value}`), onError: (error) => message.error(errorDetail(error)) },
    );
  };
  return (
    <InputNumber
      key={`${row.code}-${row.groupsPlanned}`}
      size="small"
      min={1}
      max={row.groupsBefore || undefined}
      precision={0}
      defaultValue={row.groupsPlanned ?? undefined}
      placeholder="未定"
      disabled={update.isPending}
      onBlur={(e) => save(e.target.value === '' ? null : Number(e.target.value))}
      onPressEnter={(e) => save((e.target as HTMLInputElement).value === '' ? null : Number((e.target as HTMLInputElement).value))}
      style={{ width: 84 }}
      aria-label={`${row.name}计划组数`}
    />
  );
}

export default function MergeProgressPage() {
  const me = useMe();
  const township = useTownship();
  const { data, isPending, error, refetch } = useMergeProgress(township.code);

  if (township.isPending) return <PageLoading />;
  if (!township.code) return <ApiErrorResult error={new Error('您的数据范围内没有乡镇，无法查看合组进度')} />;
  if (isPending) return <PageLoading />;
  if (error) return <ApiErrorResult error={error} onRetry={() => refetch()} />;

  const t = data.totals;
  const columns: TableColumnsType<MergeProgressRow> = [
    { title: '村', dataIndex: 'name', fixed: 'left', render: (name: string, row) => <Link to={`/org/${row.code}`}>{name}</Link> },
    { title: '合组前组数', dataIndex: 'groupsBefore', align: 'right' },
    { title: '现有组数', dataIndex: 'groupsNow', align: 'right' },
    {
      title: '计划组数',
      dataIndex: 'groupsPlanned',
      align: 'right',
      render: (value: number | null, row) => (me.abilities.orgWrite ? <PlannedCell row={row} /> : formatNumber(value)),
    },
    {
      title: '是否完成',
      dataIndex: 'done',
      align: 'center',
      filters: [
        { text: '已完成', value: true },
        { text: '未完成', value: false },
      ],
      onFilter: (value, row) => row.done === value,
      render: (done: boolean) => (done ? <Tag color="success">已完成</Tag> : <Tag color="warning">未完成</Tag>),
    },
  ];

  return (
    <>
      <PageHeader
        title="合组进度"
        subTitle={`${data.township.name}各村村民小组合并情况`}
        extra={
          <ExportButton
            path="/api/org-units/merge-progress/export"
            query={{ township: data.township.code }}
            fileName={`${data.township.name}合组进度.xlsx`}
          />
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} lg={6}>
          <Card>
            <Statistic title="村（社区）数" value={t.villages} suffix="个" />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card>
            <Statistic title="已完成村数" value={t.villagesDone} suffix={`个 · ${formatPercent(t.villagesDonePercent)}`} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card>
            <Statistic title="合组前 → 计划组数" value={`${formatNumber(t.groupsBefore)} → ${formatNumber(t.groupsPlanned)}`} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card>
            <Statistic title="已合并小组" value={t.mergedGroups} suffix="个" />
          </Card>
        </Col>
      </Row>
      <Card style={{ marginBottom: 16 }}>
        <Typography.Text strong>总进度</Typography.Text>
        {/* No percentage while no village plans fewer groups than it had: nothing to merge yet. */}
        {t.progressPercent === null ? (
          <Progress percent={0} format={() => '—'} />
        ) : (
          <Progress percent={Number(t.progressPercent.toFixed(1))} status={t.progressPercent >= 100 ? 'success' : 'active'} />
        )}
        <Typography.Text type="secondary">
          现有 {formatNumber(t.groupsNow)} 个村民小组，计划合并为 {formatNumber(t.groupsPlanned)} 个。
        </Typography.Text>
      </Card>
      <Card title="各村合组情况" styles={{ body: { padding: 0 } }}>
        <Table<MergeProgressRow>
          rowKey="code"
          columns={columns}
          dataSource={data.items}
          scroll={{ x: 560 }}
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showSizeChanger: false, showTotal: (n) => `共 ${n} 个村` }}
          locale={{ emptyText: '暂无合组数据' }}
        />
      </Card>
    </>
  );
}
