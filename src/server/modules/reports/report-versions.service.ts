// Saved reports: a version keeps the rendered document with every figure and its source as it was, so later data
// changes never alter it. Versions are compared figure by figure (with each other or with today's data); a final
// version (定稿) is never changed, only followed by a new one.
import type { VersionComparison, VersionDetail, VersionSummary } from '../../../core/contracts/reports.js';
import type { SaveVersionBody } from '../../../core/contracts/reports-requests.js';
import { MISSING_TEXT, type ReportBlock, type ReportDocument, type Run } from '../../../core/report-document.js';
import { periodPhrase } from '../../../core/report-format.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { mayAccess, requireTownship, requireUnit } from '../../policy/access.js';
import { scopesFor } from '../../policy/policy.js';
import { recordAudit } from '../audit/index.js';
import { renderReport, reportUnit } from './report-render.service.js';
import * as repo from './reports.repository.js';

const REPORTS = { what: '报告' };

function summaryOf(row: repo.VersionRow, document?: ReportDocument): VersionSummary {
  const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());
  return {
    id: row.id,
    templateKey: row.templateKey,
    templateName: row.templateName,
    number: row.number,
    period: row.period,
    periodLabel: periodPhrase(row.period) ?? row.period,
    asOf: row.asOf,
    orgUnit: { code: row.orgUnitCode, name: row.orgUnitName },
    note: row.note,
    final: row.final,
    finalizedBy: row.finalizedBy,
    finalizedAt: iso(row.finalizedAt),
    createdBy: row.createdBy,
    createdAt: iso(row.createdAt)!,
    warnings: document?.warnings.length ?? 0,
  };
}

export async function saveVersion(ctx: ServiceContext, input: SaveVersionBody): Promise<VersionDetail> {
  const township = await requireTownship(ctx, 'report.generate', ctx.db, REPORTS);
  await reportUnit(ctx, township, input.orgUnit, 'report.generate');
  const rendered = await renderReport(ctx, { template: input.template, period: input.period, asOf: input.asOf, orgUnit: input.orgUnit });
  const id = await ctx.db.transaction(async (tx) => {
    // the template's row lock numbers versions one after the other
    const template = await repo.findTemplate(tx, township.id, input.template, true);
    if (!template) throw notFound(`报告模板“${input.template}”`);
    const number = await repo.nextVersionNumber(tx, template.id, rendered.period.id, rendered.unit.id);
    const versionId = await repo.insertVersion(tx, {
      townshipId: township.id,
      templateId: template.id,
      number,
      period: rendered.period.id,
      asOf: rendered.asOf,
      orgUnitId: rendered.unit.id,
      templateBody: rendered.template.body,
      document: rendered.document,
      note: input.note ?? '',
      createdBy: ctx.principal.userId,
    });
    await recordAudit(tx, ctx.actor, {
      action: 'report.version.create',
      entity: 'report_version',
      entityId: String(versionId),
      townshipId: township.id,
      unitPath: rendered.unit.path,
      after: { template: template.key, period: rendered.period.id, asOf: rendered.asOf, orgUnit: rendered.unit.code, number },
    });
    return versionId;
  });
  return getVersion(ctx, id);
}

export async function listVersions(
  ctx: ServiceContext,
  query: { template?: string; period?: string; orgUnit?: string; page: number; pageSize: number },
) {
  const township = await requireTownship(ctx, 'report.read', ctx.db, REPORTS);
  const scopePaths = scopesFor(ctx.principal, 'report.read')
    .map((p) => (p.startsWith(township.path) ? p : township.path.startsWith(p) ? township.path : null))
    .filter((p): p is string => p !== null);
  const { items, total } = await repo.listVersions(
    ctx.db,
    { townshipId: township.id, scopePaths, templateKey: query.template, period: query.period, orgUnitCode: query.orgUnit },
    query.page,
    query.pageSize,
  );
  return { items: items.map((r) => summaryOf(r)), total, page: query.page, pageSize: query.pageSize };
}

async function versionOf(ctx: ServiceContext, id: number, lock = false) {
  const township = await requireTownship(ctx, 'report.read', ctx.db, REPORTS);
  const row = await repo.findVersion(ctx.db, township.id, id, lock);
  if (!row) throw notFound(`报告版本 ${id} `);
  requireUnit(ctx, 'report.read', { name: row.orgUnitName, path: row.unitPath });
  return { township, row };
}

export async function getVersion(ctx: ServiceContext, id: number): Promise<VersionDetail> {
  const { row } = await versionOf(ctx, id);
  return {
    ...summaryOf(row, row.document),
    document: row.document,
    mayFinalize: !row.final && mayAccess(ctx, 'report.finalize', { path: row.unitPath }),
  };
}

/** The stored document of a version, for its Word, print and text files. */
export async function versionDocument(ctx: ServiceContext, id: number) {
  const { row } = await versionOf(ctx, id);
  return { document: row.document, fileName: `${row.templateName}-${row.orgUnitName}-${periodPhrase(row.period) ?? row.period}-第${row.number}版` };
}

export async function finalizeVersion(ctx: ServiceContext, id: number): Promise<VersionDetail> {
  const township = await requireTownship(ctx, 'report.read', ctx.db, REPORTS);
  await ctx.db.transaction(async (tx) => {
    const row = await repo.findVersion(tx, township.id, id, true);
    if (!row) throw notFound(`报告版本 ${id} `);
    requireUnit(ctx, 'report.finalize', { name: row.orgUnitName, path: row.unitPath });
    if (row.final)
      throw new AppError(
        'CONFLICT',
        `第${row.number}版已于${row.finalizedAt ? new Date(row.finalizedAt).toISOString().slice(0, 10) : ''}定稿，如需修改请生成新版本`,
      );
    await repo.finalizeVersion(tx, id, ctx.principal.userId);
    await recordAudit(tx, ctx.actor, {
      action: 'report.version.finalize',
      entity: 'report_version',
      entityId: String(id),
      townshipId: township.id,
      unitPath: row.unitPath,
      after: { template: row.templateKey, period: row.period, orgUnit: row.orgUnitCode, number: row.number },
    });
  });
  return getVersion(ctx, id);
}

// ---- comparison ----------------------------------------------------------------------------------------------

interface Located {
  index: number;
  placeholder: string;
  context: string;
  text: string;
}

/** The figures of a document outside tables, by placeholder index, each with the words before it. */
function figuresOf(doc: ReportDocument): Map<number, Located> {
  const out = new Map<number, Located>();
  const visit = (runs: Run[]) => {
    let before = '';
    for (const run of runs) {
      if (run.figure && !out.has(run.figure.index))
        out.set(run.figure.index, { index: run.figure.index, placeholder: run.figure.placeholder, context: before.slice(-16), text: run.text });
      before += run.text;
    }
  };
  for (const block of doc.blocks) if (block.type !== 'table') visit(block.runs);
  return out;
}

/** Table cells by placeholder index and position, so an annex compares cell by cell. */
function tableCells(doc: ReportDocument): Map<string, { block: ReportBlock & { type: 'table' }; row: number; col: number; text: string }> {
  const out = new Map<string, { block: ReportBlock & { type: 'table' }; row: number; col: number; text: string }>();
  doc.blocks.forEach((block, b) => {
    if (block.type !== 'table') return;
    block.rows.forEach((cells, r) => cells.forEach((cell, c) => out.set(`${b}:${r}:${c}`, { block, row: r, col: c, text: cell.text })));
  });
  return out;
}

export async function compareVersions(ctx: ServiceContext, id: number, withId?: number): Promise<VersionComparison> {
  const { row } = await versionOf(ctx, id);
  let right: { label: string; asOf: string; document: ReportDocument };
  if (withId) {
    const other = (await versionOf(ctx, withId)).row;
    right = { label: `第${other.number}版（${other.asOf}）`, asOf: other.asOf, document: other.document };
  } else {
    // today's data for the same template text, period, unit and as-of date: what changed in the records since
    const rendered = await renderReport(ctx, { body: row.templateBody, period: row.period, asOf: row.asOf, orgUnit: row.orgUnitCode, lenient: true });
    right = { label: '当前数据', asOf: rendered.asOf, document: rendered.document };
  }
  const left = figuresOf(row.document);
  const now = figuresOf(right.document);
  const changes: VersionComparison['changes'] = [];
  for (const [index, a] of left) {
    const b = now.get(index);
    const after = b?.text ?? MISSING_TEXT;
    if (a.text !== after) changes.push({ index, placeholder: a.placeholder, context: a.context, before: a.text, after });
  }
  for (const [index, b] of now)
    if (!left.has(index)) changes.push({ index, placeholder: b.placeholder, context: b.context, before: MISSING_TEXT, after: b.text });
  const leftCells = tableCells(row.document);
  for (const [key, cell] of tableCells(right.document)) {
    const before = leftCells.get(key)?.text ?? MISSING_TEXT;
    if (before !== cell.text)
      changes.push({
        index: -1,
        placeholder: cell.block.caption ?? '表格',
        context: `${cell.block.header[cell.col] ?? ''}（第${cell.row + 1}行）`,
        before,
        after: cell.text,
      });
  }
  changes.sort((x, y) => x.index - y.index);
  return {
    left: { label: `第${row.number}版（${row.asOf}）`, asOf: row.asOf },
    right: { label: right.label, asOf: right.asOf },
    figures: left.size,
    changes,
    document: right.document,
  };
}
