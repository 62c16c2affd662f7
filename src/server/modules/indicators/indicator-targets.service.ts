// Targets (目标任务数) of an indicator for a period: the township's and each village's, entered in a table or
// imported from the Excel template. A unit without its own target shows the sum of its villages' (read side).
import ExcelJS from 'exceljs';
import { parsePeriod, periodLabel } from '../../../core/periods.js';
import type { Queryable } from '../../db/connection.js';
import { AppError, invalid, notFound, type FieldError } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { addTableSheet, workbookBuffer } from '../../http/xlsx.js';
import { recordAudit } from '../audit/index.js';
import { checkXlsx, importFileKind, importRows, type SheetRow } from '../ledgers/index.js';
import { unitsUnder, type OrgUnitRef } from '../org/index.js';
import { requireTownship } from '../../policy/access.js';
import { INDICATORS } from './indicator-definitions.service.js';
import * as repo from './indicators.repository.js';
import * as targetsRepo from './indicator-targets.repository.js';

/** The township and its current villages, in code order: the rows of a target table. */
async function targetUnits(q: Queryable, township: OrgUnitRef) {
  const nodes = await unitsUnder(q, township.path);
  return nodes.filter((n) => n.id === township.id || (n.level === 'village' && n.parentId === township.id));
}

async function indicatorOf(q: Queryable, townshipId: number, key: string) {
  const row = await repo.findIndicator(q, townshipId, key);
  if (!row) throw notFound(`指标“${key}”`);
  return row;
}

async function targetTable(q: Queryable, township: OrgUnitRef, indicatorId: number, period: string) {
  const units = await targetUnits(q, township);
  const rows = await targetsRepo.targetsOf(q, [indicatorId], [period]);
  const byUnit = new Map(rows.map((r) => [r.orgUnitId, r.value]));
  return { items: units.map((u) => ({ orgUnit: { code: u.code, name: u.name, level: u.level }, value: byUnit.get(u.id) ?? null })) };
}

export async function getTargets(ctx: ServiceContext, key: string, period: string) {
  const township = await requireTownship(ctx, 'indicator.read', ctx.db, INDICATORS);
  const indicator = await indicatorOf(ctx.db, township.id, key);
  return { period, ...(await targetTable(ctx.db, township, indicator.id, period)) };
}

/** Units that are not the township or one of its villages, and units given twice, by list position. */
function unitProblems(items: { orgUnit: string }[], units: Map<string, OrgUnitRef>): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const unit = units.get(item.orgUnit);
    if (!unit) errors.push({ field: `items.${i}.orgUnit`, message: `“${item.orgUnit}”不是本镇或本镇的村（社区）` });
    else if (seen.has(item.orgUnit)) errors.push({ field: `items.${i}.orgUnit`, message: `“${unit.name}”重复出现，每个单位只能有一个目标值` });
    seen.add(item.orgUnit);
  });
  return errors;
}

/** Sets (or, with null, clears) targets of the township and its villages; one bad row refuses them all. */
export function saveTargets(ctx: ServiceContext, key: string, period: string, items: { orgUnit: string; value: number | null }[], how = 'table') {
  return ctx.db.transaction(async (tx) => {
    const township = await requireTownship(ctx, 'indicator.target', tx, INDICATORS);
    const indicator = await indicatorOf(tx, township.id, key);
    const units = new Map((await targetUnits(tx, township)).map((u) => [u.code, u]));
    const errors = unitProblems(items, units);
    if (errors.length) throw invalid(errors, '目标值有误');
    const unitIds = items.map((i) => units.get(i.orgUnit)!.id);
    const before = await targetsRepo.unitTargets(tx, indicator.id, period, unitIds);
    const rows = items
      .filter((i) => i.value !== null)
      .map((i) => ({
        townshipId: township.id,
        indicatorId: indicator.id,
        orgUnitId: units.get(i.orgUnit)!.id,
        period,
        value: i.value!,
        updatedBy: ctx.actor.userId,
      }));
    await targetsRepo.replaceUnitTargets(tx, indicator.id, period, unitIds, rows);
    await recordAudit(tx, ctx.actor, {
      action: 'indicator.targets',
      entity: 'indicator',
      entityId: indicator.id,
      townshipId: township.id,
      before: before.map((b) => ({ orgUnitId: b.orgUnitId, value: b.value })),
      after: { period, how, items },
    });
    return { period, ...(await targetTable(tx, township, indicator.id, period)) };
  });
}

const HEADERS = ['单位代码', '单位名称', '目标值'];

export async function targetTemplate(ctx: ServiceContext, key: string, period: string) {
  const township = await requireTownship(ctx, 'indicator.target', ctx.db, INDICATORS);
  const indicator = await indicatorOf(ctx.db, township.id, key);
  const table = await targetTable(ctx.db, township, indicator.id, period);
  const workbook = new ExcelJS.Workbook();
  const sheet = addTableSheet(
    workbook,
    '目标值',
    [
      { header: HEADERS[0], key: 'code', width: 16, style: { numFmt: '@' } },
      { header: HEADERS[1], key: 'name', width: 18 },
      { header: HEADERS[2], key: 'value', width: 14 },
    ],
    table.items.map((i) => ({ code: i.orgUnit.code, name: i.orgUnit.name, value: i.value ?? undefined })),
  );
  const help = workbook.addWorksheet('填写说明');
  const p = parsePeriod(period)!;
  help.addRows([
    [`指标：${indicator.name}${indicator.unit ? `（${indicator.unit}）` : ''}`],
    [`期间：${periodLabel(p)}（${period}）`],
    ['在“目标值”列填写数字；留空表示不设目标（镇的目标留空时按各村目标之和计算）。'],
    ['不要修改单位代码。'],
  ]);
  help.getColumn(1).width = 70;
  sheet.getColumn(1).alignment = { horizontal: 'left' };
  return { fileName: `${indicator.name}-${period}-目标值.xlsx`, buffer: await workbookBuffer(workbook) };
}

/** Reads the template back: every bad row is reported (row, column, value, reason) and nothing is stored. */
export async function importTargets(ctx: ServiceContext, key: string, period: string, fileName: string, bytes: Buffer) {
  // who may set targets, and for which indicator, before the file is opened at all
  const township = await requireTownship(ctx, 'indicator.target', ctx.db, INDICATORS);
  await indicatorOf(ctx.db, township.id, key);
  if (importFileKind(fileName, bytes) !== 'xlsx') throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请上传从本页面下载的 .xlsx 目标值模板');
  await checkXlsx(bytes);
  // The ledger import's streaming reader: the same limits on shared text, the same refusal of hostile XML.
  const rows: SheetRow[] = [];
  for await (const batch of importRows('xlsx', bytes)) rows.push(...batch);
  const cellText = (cell: SheetRow['cells'][number] | undefined) =>
    cell === null || cell === undefined ? '' : typeof cell === 'object' && !(cell instanceof Date) ? '' : String(cell).trim();
  const [head, ...body] = rows;
  const header = [0, 1, 2].map((c) => cellText(head?.cells[c]));
  if (!head || head.row !== 1 || header[0] !== HEADERS[0] || header[2] !== HEADERS[2]) {
    throw invalid([{ field: 'file', message: `第 1 行应为表头：${HEADERS.join('、')}，请使用本页面下载的模板` }], '表头不对');
  }
  const items: { orgUnit: string; value: number | null }[] = [];
  const rowNumbers: number[] = [];
  const errors: FieldError[] = [];
  for (const { row: n, cells } of body) {
    const problem = cells.slice(0, 3).find((c): c is { problem: string } => typeof c === 'object' && c !== null && 'problem' in c);
    if (problem) {
      errors.push({ field: '文件', row: n, message: problem.problem });
      continue;
    }
    const code = cellText(cells[0]);
    const text = cellText(cells[2]);
    if (!code && text === '') continue;
    const value = text === '' ? null : Number(text.replace(/,/g, ''));
    if (!/^\d{12}$/.test(code)) errors.push({ field: '单位代码', row: n, message: `“${code}”不是12位单位代码` });
    else if (value !== null && (!Number.isFinite(value) || value < 0)) errors.push({ field: '目标值', row: n, message: `“${text}”不是非负数字` });
    else {
      items.push({ orgUnit: code, value });
      rowNumbers.push(n);
    }
  }
  // Unknown and repeated units in the same round as the bad cells, by row number.
  const units = new Map((await targetUnits(ctx.db, township)).map((u) => [u.code, u]));
  for (const e of unitProblems(items, units)) {
    errors.push({ ...e, field: '单位代码', row: rowNumbers[Number(/^items\.(\d+)\./.exec(e.field)![1])] });
  }
  errors.sort((a, b) => a.row! - b.row!);
  const badRows = new Set(errors.map((e) => e.row)).size;
  if (errors.length) throw invalid(errors, `有 ${badRows} 行需要修改，未导入任何目标值`);
  if (items.length === 0) throw invalid([{ field: 'file', message: '文件中没有目标值' }]);
  return saveTargets(ctx, key, period, items, `import:${fileName}`);
}
