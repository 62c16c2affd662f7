import { PERSONAL_FIELD_TYPES } from '../../../../core/masking';
import { CalendarOutlined, EditOutlined, PlusOutlined, SettingOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, List, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { FieldDefinition } from '../../../../core/ledger-fields';
import { stateLabel } from '../../../../core/ledger-workflow';
import { PERIOD_TYPE_NAMES, parsePeriod, periodLabel } from '../../../../core/periods';
import { useMe } from '../../../app/auth';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { ExportButton } from '../../../components/ExportButton';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useIsMobile } from '../../../components/use-is-mobile';
import { errorDetail } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useLedger } from '../api/get-ledgers';
import { useRecords } from '../api/get-records';
import { useRestoreRecord } from '../api/save-record';
import { LEDGER_KIND_NAMES, recordQuery, type Ledger, type LedgerRecord, type RecordFilters } from '../api/types';
import { FieldValue, fieldValueText } from '../components/FieldValue';
import { ImportWizard } from '../components/ImportWizard';
import { RecordDrawer, type DrawerTarget } from '../components/RecordDrawer';
import { RecordFiltersBar } from '../components/RecordFiltersBar';

const NUMERIC = new Set(['integer', 'decimal']);
// long texts and users do not fit a list; they stay in the record drawer
const LISTED = (f: FieldDefinition) => !f.retired && f.type !== 'longtext' && f.type !== 'user';

const periodText = (id: string | null | undefined) => {
  const p = id ? parsePeriod(id) : null;
  return p ? periodLabel(p) : (id ?? '—');
};

export default function LedgerRecordsPage() {
  const { key = '' } = useParams();
  const { data: ledger, error, isPending, refetch } = useLedger(key);
  if (isPending) return <PageLoading />;
  if (error) return <ApiErrorResult error={error} onRetry={() => refetch()} />;
  return <RecordsView ledger={ledger} />;
}

function RecordsView({ ledger }: { ledger: Ledger }) {
  const me = useMe();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<RecordFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [drawer, setDrawer] = useState<DrawerTarget | null>(null);
  const [importing, setImporting] = useState(false);
  const { data, isFetching, error, refetch } = useRecords(ledger.key, filters, page, pageSize);
  const restore = useRestoreRecord(ledger.key);
  const listed = ledger.fields.filter(LISTED);
  const maskedShown = (data?.items ?? []).some((r) => r.masked);
  const shownFields = isMobile ? listed.slice(0, 3) : listed.slice(0, 8);
  const canWrite = me.abilities.ledgerWrite;
  const isPeriodic = ledger.kind === 'periodic';
  const applyFilters = (next: RecordFilters) => {
    setFilters(next);
    setPage(1);
  };

  const sortOrder = (column: string): SortOrder => (filters.sort === column ? (filters.order === 'asc' ? 'ascend' : 'descend') : null);
  const columns: TableColumnsType<LedgerRecord> = [
    { title: '单位', key: 'orgUnit', width: 110, fixed: 'left', sorter: true, sortOrder: sortOrder('orgUnit'), render: (_, r) => r.orgUnit.name },
    ...(isPeriodic
      ? [
          {
            title: '期间',
            key: 'period',
            width: 120,
            sorter: true,
            sortOrder: sortOrder('period'),
            render: (_: unknown, r: LedgerRecord) => periodText(r.period),
          },
        ]
      : []),
    ...(ledger.workflow
      ? [
          {
            title: '状态',
            key: 'status',
            width: 96,
            sorter: true,
            sortOrder: sortOrder('status'),
            render: (_: unknown, r: LedgerRecord) => <Tag color="blue">{stateLabel(ledger.workflow!, r.status)}</Tag>,
          },
        ]
      : []),
    ...shownFields.map((f) => ({
      title: f.unit && NUMERIC.has(f.type) ? `${f.label}（${f.unit}）` : f.label,
      key: f.key,
      width: f.type === 'idcard' || f.type === 'uscc' ? 180 : f.type === 'photos' ? 150 : NUMERIC.has(f.type) ? 130 : 120,
      align: NUMERIC.has(f.type) ? ('right' as const) : undefined,
      // masked ID numbers and mobiles cannot be sorted by: the order would reveal them (the server refuses it)
      sorter: f.type !== 'photos' && f.type !== 'multichoice' && !(PERSONAL_FIELD_TYPES.has(f.type) && maskedShown),
      sortOrder: sortOrder(f.key),
      render: (_: unknown, r: LedgerRecord) =>
        NUMERIC.has(f.type) ? (
          typeof r.values[f.key] === 'number' ? (
            (r.values[f.key] as number).toLocaleString('zh-CN')
          ) : (
            '—'
          )
        ) : (
          <FieldValue field={f} value={r.values[f.key]} />
        ),
    })),
    {
      title: '更新',
      key: 'updatedAt',
      width: 190,
      sorter: true,
      sortOrder: sortOrder('updatedAt'),
      render: (_, r) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(r.updatedAt)} <Typography.Text type="secondary">{r.updatedBy ?? ''}</Typography.Text>
        </span>
      ),
    },
    {
      title: '操作',
      key: 'ops',
      width: 90,
      fixed: 'right',
      render: (_, r) =>
        r.deletedAt ? (
          <Popconfirm
            title="恢复这条记录？"
            okText="恢复"
            onConfirm={() => restore.mutate(r.id, { onSuccess: () => message.success('已恢复'), onError: (e) => message.error(errorDetail(e)) })}
          >
            <Button type="link" size="small">
              恢复
            </Button>
          </Popconfirm>
        ) : (
          <Button type="link" size="small" onClick={() => setDrawer({ kind: 'edit', record: r })}>
            {canWrite ? '编辑' : '查看'}
          </Button>
        ),
    },
  ];

  const onTableChange: TableProps<LedgerRecord>['onChange'] = (pagination, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const sort = s?.order ? String(s.columnKey) : undefined;
    const order = s?.order === 'ascend' ? 'asc' : 'desc';
    if (sort !== filters.sort || (sort && order !== filters.order)) {
      setFilters({ ...filters, sort, order });
      setPage(1);
    } else {
      setPage(pagination.current ?? 1);
      setPageSize(pagination.pageSize ?? 20);
    }
  };

  const totals = data?.totals ?? {};
  const numericShown = shownFields.filter((f) => NUMERIC.has(f.type) && totals[f.key] !== undefined);
  const numericAll = listed.filter((f) => NUMERIC.has(f.type) && totals[f.key] !== undefined);
  const summary =
    numericShown.length > 0 && !isMobile
      ? () => (
          <Table.Summary fixed>
            <Table.Summary.Row style={{ background: '#fafafa', fontWeight: 600 }}>
              {columns.map((c, i) => {
                const f = shownFields.find((x) => x.key === c.key);
                return (
                  <Table.Summary.Cell key={String(c.key)} index={i} align={f && NUMERIC.has(f.type) ? 'right' : undefined}>
                    {i === 0 ? '合计' : f && totals[f.key] !== undefined ? totals[f.key].toLocaleString('zh-CN') : ''}
                  </Table.Summary.Cell>
                );
              })}
            </Table.Summary.Row>
          </Table.Summary>
        )
      : undefined;

  const subTitle = [
    LEDGER_KIND_NAMES[ledger.kind] + (ledger.periodType ? `（按${PERIOD_TYPE_NAMES[ledger.periodType]}）` : ''),
    ledger.workLine?.name,
    `第 ${ledger.version} 版`,
  ]
    .filter(Boolean)
    .join(' · ');

  const pagination = {
    current: page,
    pageSize,
    total: data?.total ?? 0,
    showSizeChanger: !isMobile,
    size: isMobile ? ('small' as const) : undefined,
    showTotal: (total: number) => `共 ${total} 条`,
    onChange: (p: number, s: number) => {
      setPage(p);
      setPageSize(s);
    },
  };

  return (
    <>
      <PageHeader
        title={ledger.name}
        subTitle={subTitle}
        extra={
          <>
            {isPeriodic && (
              <Button type="primary" icon={<CalendarOutlined />} onClick={() => navigate(`/ledgers/${ledger.key}/grid`)}>
                按期填报
              </Button>
            )}
            {!isPeriodic && canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ kind: 'new' })}>
                新增记录
              </Button>
            )}
            {canWrite && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                导入
              </Button>
            )}
            <ExportButton
              path={`/api/ledgers/${ledger.key}/records.xlsx`}
              query={recordQuery({ ...filters, deleted: undefined })}
              fileName={`${ledger.name}.xlsx`}
            />
            {me.abilities.ledgerDefine && (
              <Button icon={<SettingOutlined />} onClick={() => navigate(`/ledgers/${ledger.key}/definition`)}>
                编辑字段
              </Button>
            )}
          </>
        }
      />
      {ledger.description && <Typography.Paragraph type="secondary">{ledger.description}</Typography.Paragraph>}
      <Card>
        <RecordFiltersBar ledger={ledger} filters={filters} onChange={applyFilters} />
        {error ? (
          <ApiErrorResult compact error={error} onRetry={() => refetch()} />
        ) : isMobile ? (
          <>
            {numericAll.length > 0 && data && (
              <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                合计：{numericAll.map((f) => `${f.label} ${totals[f.key].toLocaleString('zh-CN')}${f.unit ?? ''}`).join('，')}
              </Typography.Paragraph>
            )}
            <List<LedgerRecord>
              loading={isFetching}
              dataSource={data?.items}
              locale={{ emptyText: filters.q ? '没有找到匹配的记录' : '暂无记录' }}
              pagination={{ ...pagination, align: 'center' }}
              renderItem={(r) => (
                <List.Item
                  onClick={() => !r.deletedAt && setDrawer({ kind: 'edit', record: r })}
                  style={{ cursor: 'pointer', padding: '12px 4px' }}
                  actions={
                    r.deletedAt
                      ? [
                          <Button key="restore" size="small" onClick={() => restore.mutate(r.id)}>
                            恢复
                          </Button>,
                        ]
                      : [<EditOutlined key="edit" />]
                  }
                >
                  <List.Item.Meta
                    title={
                      <Space size={6} wrap>
                        {r.orgUnit.name}
                        {isPeriodic && periodText(r.period)}
                        {ledger.workflow && <Tag color="blue">{stateLabel(ledger.workflow, r.status)}</Tag>}
                      </Space>
                    }
                    description={shownFields.map((f) => `${f.label}：${fieldValueText(f, r.values[f.key])}`).join('　')}
                  />
                </List.Item>
              )}
            />
          </>
        ) : (
          <Table<LedgerRecord>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data?.items}
            loading={isFetching}
            onChange={onTableChange}
            scroll={{ x: 'max-content' }}
            summary={summary}
            locale={{ emptyText: filters.q ? '没有找到匹配的记录' : filters.deleted ? '没有已删除的记录' : '暂无记录' }}
            pagination={pagination}
          />
        )}
        {listed.length > shownFields.length && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
            列表显示前 {shownFields.length} 个字段，其余（
            {listed
              .slice(shownFields.length)
              .map((f) => f.label)
              .join('、')}
            ）请打开记录查看。
            {ledger.fields.some((f) => f.type === 'idcard' || f.type === 'mobile') && ' 身份证号码和手机号码按权限显示。'}
          </Typography.Paragraph>
        )}
      </Card>
      {drawer && (
        <RecordDrawer key={drawer.kind === 'edit' ? drawer.record.id : 'new'} ledger={ledger} target={drawer} onClose={() => setDrawer(null)} />
      )}
      <ImportWizard ledger={ledger} open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
