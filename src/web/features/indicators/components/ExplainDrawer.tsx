import { ArrowLeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Flex, List, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { formatValue } from '../../../../core/indicators';
import { lastYearChoice, parsePeriod, periodLabel } from '../../../../core/periods';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { emptyText } from '../../../components/empty-text';
import { ExportButton } from '../../../components/ExportButton';
import { PageLoading } from '../../../components/PageLoading';
import { useIsMobile } from '../../../components/use-is-mobile';
import { ApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { explainXlsxPath, useExplanation } from '../api/get-explanation';
import type { Explanation, FormulaExplanation, ItemsExplanation, RecordsExplanation } from '../api/types';
import { useOwnVillage } from './UnitSelect';

export interface ExplainTarget {
  indicator: string;
  period: string;
  asOf: string;
  /** Unit or cadre group (cg<id>); the township when absent. */
  orgUnit?: string;
}

const OF_NAMES = { value: '本期', last_year: '上年同期', target: '目标值' } as const;

function cellText(value: unknown, unit: string | null): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.join('、');
  if (typeof value === 'number') return `${value.toLocaleString('zh-CN')}${unit ?? ''}`;
  return String(value);
}

/** The same days a year earlier: a period id moves back a year, and so does the as-of date. */
function lastYearOf(target: ExplainTarget): ExplainTarget {
  return { ...target, ...lastYearChoice(target.period, target.asOf) };
}

function RecordsTable({ data, page, onPage }: { data: RecordsExplanation; page: number; onPage: (p: number) => void }) {
  const isMobile = useIsMobile();
  const fields = data.ledger.fields.filter((f) => f.type !== 'photos');
  const columns: ColumnsType<RecordsExplanation['items'][number]> = [
    { title: '单位', key: 'unit', width: 140, fixed: isMobile ? undefined : 'left', render: (_, r) => r.orgUnit.name },
    ...fields.map((f) => ({
      title: f.label,
      key: f.key,
      width: f.type === 'longtext' ? 200 : 120,
      ellipsis: true,
      render: (_: unknown, r: RecordsExplanation['items'][number]) => cellText(r.values[f.key], f.unit),
    })),
    ...(data.items.some((r) => r.status)
      ? [
          {
            title: '状态',
            key: 'status',
            width: 90,
            render: (_: unknown, r: RecordsExplanation['items'][number]) =>
              (r.statusLabel ?? r.status) ? <Tag>{r.statusLabel ?? r.status}</Tag> : '—',
          },
        ]
      : []),
    { title: '录入人', key: 'by', width: 90, render: (_, r) => r.createdBy ?? '—' },
    { title: '最后修改人', key: 'editedBy', width: 100, render: (_, r) => r.updatedBy ?? r.createdBy ?? '—' },
    { title: '更新时间', key: 'at', width: 140, render: (_, r) => formatDateTime(r.updatedAt) },
  ];
  return (
    <Table
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={data.items}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: emptyText('这一期没有符合口径的记录') }}
      pagination={{
        current: page,
        pageSize: 20,
        total: data.total,
        onChange: onPage,
        showSizeChanger: false,
        showTotal: (t) => `共 ${t} 条记录`,
        size: 'small',
      }}
    />
  );
}

function ItemsTable({ data, page, onPage }: { data: ItemsExplanation; page: number; onPage: (p: number) => void }) {
  const field = data.ledger.fields.find((f) => f.key === data.item);
  return (
    <Table
      rowKey={(r) => `${r.orgUnit.code}-${r.period}`}
      size="small"
      dataSource={data.items}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: emptyText('这一期没有人填报') }}
      pagination={{
        current: page,
        pageSize: 20,
        total: data.total,
        onChange: onPage,
        showSizeChanger: false,
        showTotal: (t) => `共 ${t} 条填报`,
        size: 'small',
      }}
      columns={[
        { title: '单位', key: 'unit', render: (_, r) => r.orgUnit.name },
        {
          title: '期间',
          key: 'period',
          render: (_, r) => {
            const p = r.period ? parsePeriod(r.period) : null;
            return p ? periodLabel(p) : (r.period ?? '—');
          },
        },
        { title: field?.label ?? '填报值', key: 'value', align: 'right', render: (_, r) => cellText(r.value, field?.unit ?? null) },
        { title: '填报人', key: 'by', render: (_, r) => r.enteredBy ?? '—' },
        { title: '填报时间', key: 'at', render: (_, r) => formatDateTime(r.enteredAt) },
      ]}
    />
  );
}

function FormulaParts({ data, onOpen }: { data: FormulaExplanation; onOpen: (key: string, of: 'value' | 'last_year') => void }) {
  return (
    <>
      <Typography.Paragraph>
        公式：
        <Typography.Text code copyable>
          {data.formula}
        </Typography.Text>
      </Typography.Paragraph>
      <List
        bordered
        size="small"
        dataSource={data.parts}
        locale={{ emptyText: emptyText('公式没有引用其他指标') }}
        renderItem={(p) => {
          const clickable = p.of !== 'target';
          return (
            <List.Item
              onClick={clickable ? () => onOpen(p.key, p.of as 'value' | 'last_year') : undefined}
              style={{ cursor: clickable ? 'pointer' : undefined }}
              extra={clickable ? <RightOutlined style={{ color: '#999' }} /> : undefined}
            >
              <Flex justify="space-between" style={{ width: '100%' }} gap={8} wrap>
                <span>
                  {p.name} <Tag>{OF_NAMES[p.of]}</Tag>
                </span>
                <Typography.Text strong>{formatValue(p.value, p)}</Typography.Text>
              </Flex>
            </List.Item>
          );
        }}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        点击一项可继续查看它由哪些数据算出；任何一项没有数值或除数为零时，结果显示为“—”。
      </Typography.Paragraph>
    </>
  );
}

function Head({ data }: { data: Explanation }) {
  const source = data.kind === 'formula' ? '公式计算' : data.kind === 'items' ? `按期填报：${data.ledger.name}` : `台账记录：${data.ledger.name}`;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      style={{ marginBottom: 12 }}
      styles={{ label: { whiteSpace: 'nowrap', width: 72 } }}
      items={[
        { key: 'unit', label: '单位', children: data.orgUnit.name },
        // Relative periods carry their days in the label already: 近7日（6月24日—6月30日）.
        {
          key: 'period',
          label: '期间',
          children: data.period.label.includes('（') ? data.period.label : `${data.period.label}（${data.period.start} 至 ${data.period.end}）`,
        },
        { key: 'value', label: '数值', children: <Typography.Text strong>{formatValue(data.value, data.indicator)}</Typography.Text> },
        { key: 'source', label: '来源', children: source },
      ]}
    />
  );
}

/** “这个数怎么来的”: what one value is made of, page by page, with an Excel export of all of it. */
export function ExplainDrawer({ target, onClose }: { target: ExplainTarget; onClose: () => void }) {
  const isMobile = useIsMobile();
  const [stack, setStack] = useState<ExplainTarget[]>([target]);
  const [page, setPage] = useState(1);
  const current = stack[stack.length - 1];
  const { data, error, isPending, isFetching, refetch } = useExplanation(current.indicator, {
    period: current.period,
    asOf: current.asOf,
    orgUnit: current.orgUnit,
    page,
    pageSize: 20,
  });
  const shown = data && data.indicator.key === current.indicator ? data : undefined;
  const open = (key: string, of: 'value' | 'last_year') => {
    const next = { ...current, indicator: key };
    setStack([...stack, of === 'last_year' ? lastYearOf(next) : next]);
    setPage(1);
  };
  const back = () => {
    setStack(stack.slice(0, -1));
    setPage(1);
  };
  const ownVillage = useOwnVillage();
  const query = { period: current.period, asOf: current.asOf, orgUnit: current.orgUnit };

  return (
    <Drawer
      open
      onClose={onClose}
      size={isMobile ? '100%' : 880}
      destroyOnHidden
      title={
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          {stack.length > 1 && <Button type="text" size="small" icon={<ArrowLeftOutlined />} aria-label="返回上一层" onClick={back} />}
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>这个数怎么来的{shown ? ` · ${shown.indicator.name}` : ''}</span>
        </Flex>
      }
      extra={shown && <ExportButton path={explainXlsxPath(current.indicator)} query={query} fileName={`${shown.indicator.name}.xlsx`} />}
    >
      {error instanceof ApiError && error.status === 403 && ownVillage && current.orgUnit !== ownVillage.code ? (
        // A village cadre reads the township's figures but not the rows of other villages: point him to his own.
        <Alert
          type="info"
          showIcon
          title="您只能查看本村的明细"
          description={`这个数含其他村的记录或填报数据。${ownVillage.name}的部分可以查看。`}
          action={
            <Button
              size="small"
              type="primary"
              onClick={() => {
                setStack([...stack, { ...current, orgUnit: ownVillage.code }]);
                setPage(1);
              }}
            >
              查看{ownVillage.name}的明细
            </Button>
          }
        />
      ) : error ? (
        <ApiErrorResult error={error} onRetry={() => refetch()} compact />
      ) : !shown || isPending ? (
        <PageLoading />
      ) : (
        <div style={{ opacity: isFetching ? 0.6 : 1 }}>
          <Head data={shown} />
          {shown.kind === 'records' && (
            <>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                下列 {shown.total.toLocaleString('zh-CN')} 条“{shown.ledger.name}”记录符合口径；身份证号和手机号已脱敏。
              </Typography.Paragraph>
              <RecordsTable data={shown} page={page} onPage={setPage} />
            </>
          )}
          {shown.kind === 'items' && <ItemsTable data={shown} page={page} onPage={setPage} />}
          {shown.kind === 'formula' && <FormulaParts data={shown} onOpen={open} />}
        </div>
      )}
    </Drawer>
  );
}
