import { LeftOutlined, RightOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Flex, Input, InputNumber, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { PERIOD_PICKERS } from '../components/period-picker';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { FieldDefinition, RecordValues } from '../../../../core/ledger-fields';
import { parsePeriod, periodLabel, periodOf, shiftPeriod, PERIOD_TYPE_NAMES, type Period, type PeriodType } from '../../../../core/periods';
import { useMe } from '../../../app/auth';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useIsMobile } from '../../../components/use-is-mobile';
import { ApiError, errorDetail } from '../../../lib/api-client';
import { formatDateTime, today } from '../../../lib/format';
import { useLedger } from '../api/get-ledgers';
import { useRecords } from '../api/get-records';
import { getPeriodGrid, usePeriodGrid, useSavePeriodGrid } from '../api/period-grid';
import { usePeriodSubmissions, useSubmissionAction, type SubmissionAction } from '../api/period-submissions';
import { ledgerKeys, type Grid, type GridRow, type Ledger, type Submission } from '../api/types';
import { ReasonModal } from '../components/ReasonModal';
import { SubmissionSummary } from '../components/SubmissionSummary';
import { LockMark, SubmissionTag } from '../components/SubmissionTag';
import { fieldValueText } from '../components/FieldValue';
import { checkValues } from '../components/record-values';

const NUMERIC = new Set(['integer', 'decimal']);

export default function LedgerGridPage() {
  const { key = '' } = useParams();
  const { data: ledger, error, isPending, refetch } = useLedger(key);
  if (isPending) return <PageLoading />;
  if (error) return <ApiErrorResult error={error} onRetry={() => refetch()} />;
  if (ledger.kind !== 'periodic' || !ledger.periodType) {
    return <ApiErrorResult error={new ApiError(400, 'VALIDATION', '登记型台账没有按期填报表格，请在记录列表中新增')} />;
  }
  return <GridView ledger={ledger} periodType={ledger.periodType} />;
}

function GridView({ ledger, periodType }: { ledger: Ledger; periodType: PeriodType }) {
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const current = periodOf(periodType, today());
  // Without a period in the address, open the latest period anyone has entered (else the current one).
  const latest = useRecords(ledger.key, { sort: 'period', order: 'desc' }, 1, 1);
  const latestId = latest.data?.items[0]?.period;
  const entered = latestId ? parsePeriod(latestId) : null;
  const asked = search.get('period') ? parsePeriod(search.get('period')!) : null;
  const period = asked && asked.type === periodType ? asked : entered && entered.type === periodType ? entered : current;
  const setPeriod = (p: Period) => setSearch({ period: p.id }, { replace: true });
  const next = shiftPeriod(period, 1);
  const isMobile = useIsMobile();
  const { data: grid, error, isPending, refetch } = usePeriodGrid(ledger.key, latest.isPending && !asked ? undefined : period.id);

  return (
    <>
      <PageHeader
        title={`${ledger.name} · 按期填报`}
        subTitle={`每${PERIOD_TYPE_NAMES[periodType]}一期，各村（社区）一行；保存时全部成功或全部不保存`}
        extra={
          <Button icon={<UnorderedListOutlined />} onClick={() => navigate(`/ledgers/${ledger.key}`)}>
            记录列表
          </Button>
        }
      />
      <Card>
        <Flex gap={8} align="center" wrap style={{ marginBottom: 16 }}>
          <Button icon={<LeftOutlined />} aria-label="上一期" onClick={() => setPeriod(shiftPeriod(period, -1))}>
            {isMobile ? '' : '上一期'}
          </Button>
          <DatePicker
            picker={PERIOD_PICKERS[periodType]}
            allowClear={false}
            value={dayjs(period.start)}
            aria-label="选择期间"
            format={() => periodLabel(period)}
            style={{ width: isMobile ? 150 : 170 }}
            disabledDate={(d) => d.format('YYYY-MM-DD') > today()}
            onChange={(d) => d && setPeriod(periodOf(periodType, d.format('YYYY-MM-DD')))}
          />
          <Button aria-label="下一期" disabled={next.start > today()} onClick={() => setPeriod(next)}>
            {isMobile ? '' : '下一期'}
            <RightOutlined />
          </Button>
          {period.id !== current.id && (
            <Button type="link" onClick={() => setPeriod(current)}>
              回到本期
            </Button>
          )}
          {period.start !== period.end && (
            <Typography.Text type="secondary">
              {period.start} 至 {period.end}
            </Typography.Text>
          )}
        </Flex>
        {isPending ? (
          <PageLoading />
        ) : error ? (
          <ApiErrorResult compact error={error} onRetry={() => refetch()} />
        ) : (
          <GridEditor key={period.id} ledger={ledger} grid={grid} period={period.id} />
        )}
      </Card>
    </>
  );
}

function GridEditor({ ledger, grid, period }: { ledger: Ledger; grid: Grid; period: string }) {
  const me = useMe();
  const isMobile = useIsMobile();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const save = useSavePeriodGrid(ledger.key, period);
  const fields = (grid.fields ?? ledger.fields).filter((f) => !f.retired);
  const [edits, setEdits] = useState<Record<string, RecordValues>>({});
  // the version each edited row was read at: a save names it, so a change made meanwhile is a conflict
  const [bases, setBases] = useState<Record<string, number | null>>({});
  const [errors, setErrors] = useState<Record<string, Record<string, string>>>({});
  const [conflicts, setConflicts] = useState<GridRow[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const rows = grid.items;
  const submissions = usePeriodSubmissions(ledger.key, period);
  const submissionOf = new Map((submissions.data?.items ?? []).map((s) => [s.orgUnit.code, s]));
  const act = useSubmissionAction(ledger.key, period);
  const [selected, setSelected] = useState<string[]>([]);
  const [reasonFor, setReasonFor] = useState<{ action: 'return' | 'unlock'; submission: Submission } | null>(null);
  const approvable = rows.filter((r) => submissionOf.get(r.orgUnit.code)?.can.approve).map((r) => r.orgUnit.code);
  const handlesSubmissions = me.abilities.periodSubmit || me.abilities.periodApprove || me.abilities.periodUnlock;
  const valuesOf = (row: GridRow) => edits[row.orgUnit.code] ?? row.values;
  const dirty = Object.keys(edits);

  const setCell = (row: GridRow, field: FieldDefinition, value: unknown) => {
    const code = row.orgUnit.code;
    setEdits({ ...edits, [code]: { ...valuesOf(row), [field.key]: value } });
    if (!(code in bases)) setBases({ ...bases, [code]: row.version });
    if (errors[code]?.[field.key]) setErrors({ ...errors, [code]: { ...errors[code], [field.key]: '' } });
  };

  const onSave = async () => {
    setFailure(null);
    const local: typeof errors = {};
    const body = dirty.map((code) => {
      const checked = checkValues(fields, edits[code]);
      if (Object.keys(checked.errors).length) local[code] = checked.errors;
      return { orgUnit: code, version: bases[code] ?? null, values: checked.values };
    });
    setErrors(local);
    if (Object.keys(local).length) {
      message.error('有填写不正确的格子，请按红框提示修改');
      return;
    }
    save.mutate(body, {
      onSuccess: () => {
        message.success(`已保存 ${body.length} 个村（社区）的数据`);
        setEdits({});
        setBases({});
        setConflicts([]);
      },
      onError: async (e) => {
        if (e instanceof ApiError && e.status === 409) {
          const fresh = await queryClient.fetchQuery({
            queryKey: ledgerKeys.grid(ledger.key, period),
            queryFn: () => getPeriodGrid(ledger.key, period),
            staleTime: 0,
          });
          setConflicts(fresh.items.filter((r) => r.orgUnit.code in bases && r.version !== bases[r.orgUnit.code]));
          setFailure(e.detail);
          return;
        }
        if (e instanceof ApiError && e.errors.length) {
          const server: typeof errors = {};
          const general: string[] = [];
          for (const err of e.errors) {
            const m = /^rows\.(\d+)\.(?:values\.)?(\w+)/.exec(err.field);
            if (m && body[Number(m[1])]) (server[body[Number(m[1])].orgUnit] ??= {})[m[2]] = err.message;
            else general.push(err.message);
          }
          setErrors(server);
          setFailure(general.length ? general.join('；') : e.detail);
          return;
        }
        setFailure(errorDetail(e));
      },
    });
  };

  const run = (input: SubmissionAction, done: string, after?: () => void) =>
    act.mutate(input, {
      onSuccess: () => {
        message.success(done);
        after?.();
      },
      onError: (e) => message.error(errorDetail(e)),
    });
  const confirmSubmit = (r: GridRow) =>
    modal.confirm({
      title: `上报“${r.orgUnit.name}”${grid.period.label}的数据？`,
      content: '上报后由镇里审核；审核通过后数据即锁定，不能再修改。',
      okText: '上报',
      cancelText: '取消',
      onOk: () => run({ action: 'submit', orgUnit: r.orgUnit.code }, `已上报“${r.orgUnit.name}”的数据`),
    });
  const confirmApprove = (codes: string[]) => {
    const names = rows.filter((r) => codes.includes(r.orgUnit.code)).map((r) => r.orgUnit.name);
    modal.confirm({
      title: `审核通过 ${codes.length} 个村（社区）${grid.period.label}的数据？`,
      content: `${names.join('、')}。审核通过后数据锁定，村里不能再修改，如需修改须由镇领导解锁。`,
      okText: '审核通过',
      cancelText: '取消',
      onOk: () => run({ action: 'approve', orgUnits: codes }, `已审核通过 ${codes.length} 个村（社区）`, () => setSelected([])),
    });
  };
  const submissionActions = (r: GridRow) => {
    const s = submissionOf.get(r.orgUnit.code);
    if (!s) return null;
    const unsaved = !!edits[r.orgUnit.code];
    return (
      <Space size={4} wrap>
        {s.can.submit && (r.recordId || unsaved) && (
          <Tooltip title={unsaved ? '请先保存修改再上报' : !r.recordId ? '请先填报并保存数据再上报' : undefined}>
            <Button size="small" type="primary" ghost disabled={unsaved || !r.recordId} onClick={() => confirmSubmit(r)}>
              上报
            </Button>
          </Tooltip>
        )}
        {s.can.approve && (
          <Button size="small" type="primary" onClick={() => confirmApprove([r.orgUnit.code])}>
            审核通过
          </Button>
        )}
        {s.can.return && (
          <Button size="small" onClick={() => setReasonFor({ action: 'return', submission: s })}>
            退回
          </Button>
        )}
        {s.can.unlock && (
          <Button size="small" danger onClick={() => setReasonFor({ action: 'unlock', submission: s })}>
            解锁
          </Button>
        )}
      </Space>
    );
  };

  const resolve = (keepMine: boolean) => {
    const nextEdits = { ...edits };
    const nextBases = { ...bases };
    for (const row of conflicts) {
      if (keepMine) nextBases[row.orgUnit.code] = row.version;
      else {
        delete nextEdits[row.orgUnit.code];
        delete nextBases[row.orgUnit.code];
      }
    }
    setEdits(nextEdits);
    setBases(nextBases);
    setConflicts([]);
    setFailure(null);
  };

  const total = (f: FieldDefinition) =>
    rows.reduce((sum, r) => sum + (typeof valuesOf(r)[f.key] === 'number' ? (valuesOf(r)[f.key] as number) : 0), 0);
  const cell = (r: GridRow, f: FieldDefinition) => {
    const problem = errors[r.orgUnit.code]?.[f.key];
    const value = valuesOf(r)[f.key];
    const editable = me.abilities.ledgerWrite && r.writable !== false && !submissionOf.get(r.orgUnit.code)?.locked;
    if (!editable) return fieldValueText(f, value);
    const input = NUMERIC.has(f.type) ? (
      <InputNumber
        value={typeof value === 'number' ? value : null}
        status={problem ? 'error' : undefined}
        style={{ width: '100%' }}
        precision={f.type === 'integer' ? 0 : undefined}
        inputMode={f.type === 'integer' ? 'numeric' : 'decimal'}
        aria-label={`${r.orgUnit.name} ${f.label}`}
        onChange={(v) => setCell(r, f, v ?? undefined)}
      />
    ) : (
      <Input
        value={typeof value === 'string' ? value : ''}
        status={problem ? 'error' : undefined}
        aria-label={`${r.orgUnit.name} ${f.label}`}
        onChange={(e) => setCell(r, f, e.target.value)}
      />
    );
    return problem ? (
      <div>
        {input}
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {problem}
        </Typography.Text>
      </div>
    ) : (
      input
    );
  };
  const unitLabel = (r: GridRow) => (
    <Space size={4} wrap>
      {r.orgUnit.name}
      {(r.locked || submissionOf.get(r.orgUnit.code)?.locked) && (
        <LockMark
          title={
            r.locked ??
            `已于 ${formatDateTime(submissionOf.get(r.orgUnit.code)?.approvedAt)} 由 ${submissionOf.get(r.orgUnit.code)?.approvedBy ?? ''} 审核锁定，如需修改请联系镇里解锁`
          }
        />
      )}
      {edits[r.orgUnit.code] ? (
        <Tag color="orange" style={{ marginInlineEnd: 0 }}>
          未保存
        </Tag>
      ) : r.recordId ? null : (
        <Tag style={{ marginInlineEnd: 0 }}>未填</Tag>
      )}
    </Space>
  );

  const columns: TableColumnsType<GridRow> = [
    { title: '村（社区）', key: 'unit', width: isMobile ? 90 : 160, fixed: 'left', render: (_, r) => unitLabel(r) },
    {
      title: '上报状态',
      key: 'submission',
      width: isMobile ? 90 : 120,
      render: (_: unknown, r: GridRow) => <SubmissionTag submission={submissionOf.get(r.orgUnit.code)} />,
    },
    ...fields.map((f) => ({
      title: f.unit ? `${f.label}（${f.unit}）` : f.label,
      key: f.key,
      width: NUMERIC.has(f.type) ? (isMobile ? 96 : 130) : isMobile ? 140 : 200,
      render: (_: unknown, r: GridRow) => cell(r, f),
    })),
    ...(isMobile
      ? []
      : [
          {
            title: '填报',
            key: 'by',
            width: 150,
            render: (_: unknown, r: GridRow) =>
              r.updatedAt ? (
                <Typography.Text type="secondary">
                  {r.updatedBy ?? ''} {formatDateTime(r.updatedAt)}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
        ]),
    ...(handlesSubmissions ? [{ title: '上报与审核', key: 'actions', width: 190, render: (_: unknown, r: GridRow) => submissionActions(r) }] : []),
  ];

  const selectable = me.abilities.periodApprove && !isMobile;
  const first = selectable ? 1 : 0;

  return (
    <>
      {submissions.data && <SubmissionSummary data={submissions.data} compact={isMobile} />}
      {me.abilities.periodApprove && approvable.length > 0 && (
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">
            {approvable.length} 个村（社区）已上报待审核{isMobile ? '' : '，可勾选后批量审核'}
          </Typography.Text>
          {isMobile ? (
            <Button type="primary" onClick={() => confirmApprove(approvable)}>
              全部审核通过（{approvable.length}）
            </Button>
          ) : (
            <Button type="primary" disabled={!selected.length} onClick={() => confirmApprove(selected)}>
              批量审核通过（{selected.length}）
            </Button>
          )}
        </Flex>
      )}
      {reasonFor && (
        <ReasonModal
          title={
            reasonFor.action === 'return'
              ? `退回“${reasonFor.submission.orgUnit.name}”${grid.period.label}的数据`
              : `解锁“${reasonFor.submission.orgUnit.name}”${grid.period.label}的数据`
          }
          label={reasonFor.action === 'return' ? '退回原因' : '解锁原因'}
          okText={reasonFor.action === 'return' ? '退回' : '解锁'}
          danger={reasonFor.action === 'unlock'}
          hint={
            reasonFor.action === 'return'
              ? '退回后村里可修改数据并重新上报。'
              : '解锁后数据退回村里，可修改，须重新上报和审核；解锁原因记入操作日志。'
          }
          pending={act.isPending}
          onOk={(reason) =>
            run(
              { action: reasonFor.action, orgUnit: reasonFor.submission.orgUnit.code, reason },
              reasonFor.action === 'return' ? '已退回' : '已解锁',
              () => setReasonFor(null),
            )
          }
          onClose={() => setReasonFor(null)}
        />
      )}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      {conflicts.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="以下村（社区）的数据在您填写期间已被他人修改"
          description={
            <>
              <ul style={{ margin: '4px 0 8px', paddingInlineStart: 18 }}>
                {conflicts.map((r) => (
                  <li key={r.orgUnit.code}>
                    {r.orgUnit.name}：{r.updatedBy ?? '他人'}于 {formatDateTime(r.updatedAt)} 保存为{' '}
                    {fields.map((f) => `${f.label} ${fieldValueText(f, r.values[f.key])}`).join('，')}； 您填的是{' '}
                    {fields.map((f) => `${f.label} ${fieldValueText(f, edits[r.orgUnit.code]?.[f.key])}`).join('，')}
                  </li>
                ))}
              </ul>
              <Space wrap>
                <Button onClick={() => resolve(false)}>放弃这些村的修改</Button>
                <Button danger onClick={() => resolve(true)}>
                  仍以我的填写为准
                </Button>
              </Space>
            </>
          }
        />
      )}
      {isMobile ? (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {rows.map((r) => (
            <Card key={r.orgUnit.code} size="small" title={unitLabel(r)} extra={<SubmissionTag submission={submissionOf.get(r.orgUnit.code)} />}>
              {fields.map((f) => (
                <Flex key={f.key} justify="space-between" align="center" gap={12} style={{ marginBottom: 8 }}>
                  <Typography.Text style={{ flex: 1 }}>
                    {f.label}
                    {f.unit ? `（${f.unit}）` : ''}
                  </Typography.Text>
                  <div style={{ width: NUMERIC.has(f.type) ? 120 : 180 }}>{cell(r, f)}</div>
                </Flex>
              ))}
              {handlesSubmissions && <Flex justify="flex-end">{submissionActions(r)}</Flex>}
            </Card>
          ))}
          {rows.length > 1 && (
            <Typography.Text strong>
              合计：
              {fields
                .filter((f) => NUMERIC.has(f.type))
                .map((f) => `${f.label} ${total(f).toLocaleString('zh-CN')}`)
                .join('，')}
            </Typography.Text>
          )}
        </Space>
      ) : (
        <Table<GridRow>
          rowKey={(r) => r.orgUnit.code}
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          rowSelection={
            selectable
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys as string[]),
                  columnWidth: 40,
                  getCheckboxProps: (r) => ({ disabled: !submissionOf.get(r.orgUnit.code)?.can.approve, 'aria-label': `选择${r.orgUnit.name}` }),
                }
              : undefined
          }
          locale={{ emptyText: '本期没有需要填报的村（社区）' }}
          summary={() => (
            <Table.Summary fixed>
              <Table.Summary.Row style={{ background: '#fafafa', fontWeight: 600 }}>
                {selectable && <Table.Summary.Cell index={0} />}
                <Table.Summary.Cell index={first}>合计</Table.Summary.Cell>
                <Table.Summary.Cell index={first + 1} />
                {fields.map((f, i) => (
                  <Table.Summary.Cell key={f.key} index={first + 2 + i}>
                    {NUMERIC.has(f.type) ? total(f).toLocaleString('zh-CN') : ''}
                  </Table.Summary.Cell>
                ))}
                <Table.Summary.Cell index={first + 2 + fields.length} colSpan={columns.length - 2 - fields.length} />
              </Table.Summary.Row>
            </Table.Summary>
          )}
        />
      )}
      {/* on a phone the save bar stays in reach at the bottom of the screen */}
      <Flex
        justify="space-between"
        align="center"
        gap={8}
        wrap
        style={{
          marginTop: 16,
          ...(isMobile ? { position: 'sticky', bottom: 0, background: '#fff', padding: '10px 0', borderTop: '1px solid #f0f0f0', zIndex: 2 } : {}),
        }}
      >
        <Typography.Text type="secondary">
          已填报 {rows.filter((r) => r.recordId).length} / {rows.length}
          {dirty.length ? `，${dirty.length} 行未保存` : ''}
        </Typography.Text>
        {me.abilities.ledgerWrite && (
          <Space>
            <Button
              disabled={!dirty.length}
              onClick={() => {
                setEdits({});
                setBases({});
                setErrors({});
                setConflicts([]);
                setFailure(null);
              }}
            >
              撤销修改
            </Button>
            <Button
              type="primary"
              size={isMobile ? 'large' : 'middle'}
              disabled={!dirty.length || conflicts.length > 0}
              loading={save.isPending}
              onClick={onSave}
            >
              全部保存
            </Button>
          </Space>
        )}
      </Flex>
    </>
  );
}
