// "Explain this number" (这个数怎么来的): the rows, entered figures or formula parts behind one value, for one
// subject and period, with the same conditions the engine used, and their Excel export. The rows are ledger
// data, so reading them needs ledger.read on the subject; ID numbers and mobiles are always masked here: an
// explanation is about the figure, not the people.
import ExcelJS from 'exceljs';
import { chinaTimestamp, chinaToday } from '../../../core/china-time.js';
import { maskPersonalValues } from '../../../core/masking.js';
import { openValues } from '../personal-data/index.js';
import { formulaReferences, parseFormula } from '../../../core/formula.js';
import { shownNumber, shownUnit, type IndicatorFormat, type ItemsSource, type RecordsSource } from '../../../core/indicators.js';
import { stateLabel } from '../../../core/ledger-workflow.js';
import { lastYearRange, periodFileTag, type PeriodWindow } from '../../../core/periods.js';
import { forbidden, invalid, notFound } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { addTableSheet, workbookBuffer } from '../../http/xlsx.js';
import { can } from '../../policy/policy.js';
import { countRecordsBehindValue, ledgerShapes, recordsBehindValue, type CurrentLedger, type ValueRecordsQuery } from '../ledgers/index.js';
import { itemPeriods } from './indicator-engine.js';
import { evaluate, readableUnit, resolveScope, resolveWindows, type Scope } from './indicator-values.service.js';
import * as repo from './indicators.repository.js';

export interface ExplainQuery {
  period: string;
  asOf?: string;
  orgUnit?: string;
  page: number;
  pageSize: number;
}

/** The subject a value belongs to: a unit by code (the township by default) or a cadre group (cg<id>). */
async function subjectScope(ctx: ServiceContext, orgUnit: string | undefined): Promise<Scope> {
  if (orgUnit?.startsWith('cg')) {
    const township = await readableUnit(ctx, ctx.db);
    const scope = await resolveScope(ctx.db, township, 'cadre_group');
    const subject = scope.subjects.find((s) => s.id === orgUnit);
    if (!subject) throw notFound(`包村小组“${orgUnit}”`);
    return { ...scope, subjects: [subject] };
  }
  return resolveScope(ctx.db, await readableUnit(ctx, ctx.db, orgUnit));
}

/** How a formula's part is shown: its indicator's unit, decimals and scale (plain when it is unknown). */
const partFormat = (meta: { unit: string; decimals: number; scale: string } | undefined) => ({
  unit: meta?.unit ?? '',
  decimals: meta?.decimals ?? 2,
  scale: (meta?.scale ?? 'none') as IndicatorFormat['scale'],
});

/** Which records a base indicator's value read for the subject's units and the window: the engine's conditions. */
function recordsQuery(source: RecordsSource | ItemsSource, ledger: CurrentLedger, unitIds: number[], window: PeriodWindow): ValueRecordsQuery {
  const behind = { ledgerId: ledger.id, unitIds };
  if (source.type === 'records') return { ...behind, kind: 'records', window, dating: source, conditions: source, fields: ledger.fields };
  const periods = itemPeriods(source, ledger.periodType!, window);
  // A stock: each unit's latest entered period up to the window's end.
  if (periods.latestBy) return { ...behind, kind: 'latestItem', item: source.item, latestBy: periods.latestBy };
  return { ...behind, kind: 'items', item: source.item, periods: periods.ids };
}

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

async function prepare(ctx: ServiceContext, key: string, query: Omit<ExplainQuery, 'page' | 'pageSize'>) {
  const asOf = query.asOf ?? chinaToday();
  const [window] = resolveWindows([query.period], asOf);
  const scope = await subjectScope(ctx, query.orgUnit);
  const subject = scope.subjects[0];
  const evaluation = await evaluate(ctx.db, scope, [key], [window]);
  const townshipId = subject.townshipIds.find((t) => evaluation.catalogs.find((c) => c.townshipId === t)?.indicators.has(key));
  const catalog = evaluation.catalogs.find((c) => c.townshipId === townshipId);
  if (!catalog) throw notFound(`“${subject.name}”的指标“${key}”`);
  const meta = (await repo.listIndicators(ctx.db, [catalog.townshipId])).find((i) => i.key === key)!;
  const value = evaluation.value(key, subject.id, window.id);
  return { scope, subject, window, evaluation, catalog, meta, value };
}

export async function explainValue(ctx: ServiceContext, key: string, query: ExplainQuery) {
  const { scope, subject, window, catalog, meta, value } = await prepare(ctx, key, query);
  const head = {
    indicator: { key, name: meta.name, unit: meta.unit, decimals: meta.decimals, scale: meta.scale },
    period: { id: window.id, label: window.label, start: window.start, end: window.end },
    orgUnit: { code: subject.code, name: subject.name },
    value,
  };
  const source = meta.source;
  if (source.type === 'formula') {
    const refs = formulaReferences(parseFormula(source.formula));
    const lastYear: PeriodWindow = { ...window, ...lastYearRange(window), id: `${window.id}~ly`, label: `${window.label}（上年同期）` };
    const parts = await evaluate(ctx.db, scope, [...new Set(refs.map((r) => r.key))], [window, lastYear]);
    const metas = await repo.listIndicators(ctx.db, [catalog.townshipId]);
    return {
      ...head,
      kind: 'formula' as const,
      formula: source.formula,
      parts: refs.map((r) => ({
        ...partFormat(metas.find((m) => m.key === r.key)),
        key: r.key,
        name: metas.find((m) => m.key === r.key)?.name ?? r.key,
        of: r.of,
        value:
          r.of === 'target'
            ? parts.target(r.key, subject.id, window.id)
            : parts.value(r.key, subject.id, r.of === 'last_year' ? lastYear.id : window.id),
      })),
    };
  }
  assertRowsReadable(ctx, scope);
  const ledger = [...catalog.ledgers.values()].find((l) => l.key === source.ledger);
  if (!ledger) throw notFound(`台账“${source.ledger}”`);
  const current = (await ledgerShapes(ctx.db, [catalog.townshipId])).find((l) => l.id === ledger.id)!;
  const behind = recordsQuery(source, current, subject.unitIds, window);
  const total = await countRecordsBehindValue(ctx.db, behind);
  const rows = window.future ? [] : await recordsBehindValue(ctx.db, behind, query.pageSize, (query.page - 1) * query.pageSize);
  const fields = [...ledger.fields.values()].filter((f) => !f.retired);
  const ledgerView = {
    key: ledger.key,
    name: ledger.name,
    fields: fields.map((f) => ({ key: f.key, label: f.label, type: f.type, unit: f.unit ?? null })),
  };
  if (source.type === 'items') {
    return {
      ...head,
      kind: 'items' as const,
      ledger: ledgerView,
      item: source.item,
      total,
      page: query.page,
      items: rows.map((r) => ({
        orgUnit: { code: r.code, name: r.unitName },
        period: r.period,
        value: r.values[source.item] ?? null,
        enteredBy: r.updatedBy ?? r.createdBy,
        enteredAt: iso(r.updatedAt),
      })),
    };
  }
  return {
    ...head,
    kind: 'records' as const,
    ledger: ledgerView,
    total,
    page: query.page,
    items: rows.map((r) => ({
      id: Number(r.id),
      orgUnit: { code: r.code, name: r.unitName },
      // Every field, retired ones too: their personal values are stored encrypted and masked like the others.
      values: maskPersonalValues([...ledger.fields.values()], openValues([...ledger.fields.values()], r.values)),
      status: r.status,
      statusLabel: current.workflow && r.status ? stateLabel(current.workflow, r.status) : null,
      createdBy: r.createdBy,
      createdAt: iso(r.createdAt),
      updatedBy: r.updatedBy,
      updatedAt: iso(r.updatedAt),
    })),
  };
}

/** The rows behind a value are ledger data: a village cadre explains his village's figures, not the township's. */
function assertRowsReadable(ctx: ServiceContext, scope: Scope) {
  const units = scope.subjects[0].level === 'cadre_group' ? [scope.unit] : scope.nodes.filter((n) => n.code === scope.subjects[0].code);
  if (!units.every((u) => can(ctx.principal, 'ledger.read', { path: u.path }))) {
    throw forbidden(`您无权查看“${scope.subjects[0].name}”的明细数据，可查看本单位的明细`);
  }
}

const EXPORT_LIMIT = 100_000;

function cellOf(value: unknown): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.join('、');
  return typeof value === 'number' ? value : String(value);
}

export async function explainXlsx(ctx: ServiceContext, key: string, query: Omit<ExplainQuery, 'page' | 'pageSize'>) {
  const first = await explainValue(ctx, key, { ...query, page: 1, pageSize: 1 });
  if (first.kind === 'formula') {
    const workbook = new ExcelJS.Workbook();
    addTableSheet(
      workbook,
      '公式构成',
      [
        { header: '指标', key: 'name', width: 28 },
        { header: '标识', key: 'key', width: 24 },
        { header: '取值', key: 'of', width: 12 },
        { header: '数值', key: 'value', width: 16 },
        { header: '单位', key: 'unit', width: 10 },
      ],
      first.parts.map((p) => ({
        name: p.name,
        key: p.key,
        of: p.of === 'last_year' ? '上年同期' : p.of === 'target' ? '目标值' : '本期',
        value: shownNumber(p.value, p) ?? '—',
        unit: shownUnit(p),
      })),
    );
    return { fileName: `${first.indicator.name}-${periodFileTag(first.period.id)}.xlsx`, buffer: await workbookBuffer(workbook) };
  }
  if (first.total > EXPORT_LIMIT)
    throw invalid([{ field: 'period', message: `明细超过 ${EXPORT_LIMIT} 条，请缩小期间或单位后分批导出` }], '明细过多');
  const all = await explainValue(ctx, key, { ...query, page: 1, pageSize: Math.max(first.total, 1) });
  const workbook = new ExcelJS.Workbook();
  if (all.kind === 'items') {
    addTableSheet(
      workbook,
      '填报数据',
      [
        { header: '单位', key: 'unit', width: 20 },
        { header: '期间', key: 'period', width: 12 },
        { header: all.ledger.fields.find((f) => f.key === all.item)?.label ?? all.item, key: 'value', width: 14 },
        { header: '填报人', key: 'by', width: 12 },
        { header: '填报时间', key: 'at', width: 20 },
      ],
      all.items.map((i) => ({
        unit: i.orgUnit.name,
        period: i.period,
        value: cellOf(i.value),
        by: i.enteredBy ?? '',
        at: chinaTimestamp(i.enteredAt),
      })),
    );
  } else if (all.kind === 'records') {
    const fields = all.ledger.fields.filter((f) => f.type !== 'photos');
    addTableSheet(
      workbook,
      '明细记录',
      [
        { header: '单位', key: 'unit', width: 20 },
        ...fields.map((f) => ({ header: f.unit ? `${f.label}（${f.unit}）` : f.label, key: `f_${f.key}`, width: 16 })),
        { header: '状态', key: 'status', width: 10 },
        { header: '录入人', key: 'by', width: 12 },
        { header: '最后修改人', key: 'editedBy', width: 12 },
        { header: '更新时间', key: 'at', width: 20 },
      ],
      all.items.map((i) => ({
        unit: i.orgUnit.name,
        status: i.statusLabel ?? '',
        by: i.createdBy ?? '',
        editedBy: i.updatedBy ?? i.createdBy ?? '',
        at: chinaTimestamp(i.updatedAt),
        ...Object.fromEntries(fields.map((f) => [`f_${f.key}`, cellOf(i.values[f.key])])),
      })),
    );
  }
  const name = `${first.indicator.name}-${first.orgUnit.name}-${periodFileTag(first.period.id)}.xlsx`;
  return { fileName: name, buffer: await workbookBuffer(workbook) };
}
