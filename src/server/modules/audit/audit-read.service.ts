// Reading the audit trail: administrators and township leaders, each within his townships.
import ExcelJS from 'exceljs';
import { chinaTimestamp } from '../../../core/china-time.js';
import { maskAuditSnapshot } from '../../../core/masking.js';
import { forbidden } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { can, scopesFor } from '../../policy/policy.js';
import { personalFieldsOfRecords } from '../ledgers/index.js';
import { openSnapshot } from '../personal-data/index.js';
import { listAudit, type AuditFilter } from './audit.repository.js';
import { recordAudit } from './audit.service.js';
import { addTableSheet, workbookBuffer } from '../../http/xlsx.js';

const EXPORT_LIMIT = 50_000;

/** Subtrees whose entries the reader may see; undefined = every entry (a deployment-wide reader). */
function readableScopes(ctx: ServiceContext): string[] | undefined {
  const scopes = scopesFor(ctx.principal, 'audit.read');
  if (scopes.length === 0) throw forbidden('您无权查看审计日志');
  return scopes.includes('/') ? undefined : scopes;
}

type Entry = Awaited<ReturnType<typeof listAudit>>['items'][number];

/**
 * Entries as the reader may see them: snapshots masked exactly as the records they show, unless he may read
 * personal data at the entry's unit (the deployment administrator may read the log, never household data).
 */
async function presented(ctx: ServiceContext, entries: Entry[]) {
  const masked = entries.filter((e) => !can(ctx.principal, 'personal.read', { path: e.path ?? '/' }));
  const recordIds = masked.filter((e) => e.entity === 'ledger_record' && /^\d{1,15}$/.test(e.entityId ?? '')).map((e) => Number(e.entityId));
  const fieldsOf = await personalFieldsOfRecords(ctx.db, [...new Set(recordIds)]);
  const maskedIds = new Set(masked.map((e) => e.id));
  return entries.map(({ path: _path, ...stored }) => {
    // Personal values are stored encrypted in the snapshots: opened here, then masked as the records they show.
    const e = { ...stored, before: openSnapshot(stored.before), after: openSnapshot(stored.after) };
    if (!maskedIds.has(e.id)) return e;
    const fields = e.entity === 'ledger_record' ? (fieldsOf.get(Number(e.entityId)) ?? []) : [];
    return { ...e, before: maskAuditSnapshot(e.before, fields), after: maskAuditSnapshot(e.after, fields) };
  });
}

export async function readAudit(ctx: ServiceContext, filter: Omit<AuditFilter, 'scopePaths'>, page: number, pageSize: number) {
  const { items, total } = await listAudit(ctx.db, { ...filter, scopePaths: readableScopes(ctx) }, page, pageSize);
  return { items: (await presented(ctx, items)).map((e) => ({ ...e, at: e.at.toISOString() })), total };
}

export async function exportAudit(ctx: ServiceContext, filter: Omit<AuditFilter, 'scopePaths'>): Promise<Buffer> {
  const { items: entries } = await listAudit(ctx.db, { ...filter, scopePaths: readableScopes(ctx) }, 1, EXPORT_LIMIT);
  const items = await presented(ctx, entries);
  const workbook = new ExcelJS.Workbook();
  const sheet = addTableSheet(workbook, '审计日志', [
    { header: '时间', key: 'at', width: 20 },
    { header: '用户', key: 'username', width: 14 },
    { header: '操作', key: 'action', width: 20 },
    { header: '对象', key: 'entity', width: 12 },
    { header: '对象ID', key: 'entityId', width: 16 },
    { header: 'IP', key: 'ip', width: 16 },
    { header: '修改前', key: 'before', width: 40 },
    { header: '修改后', key: 'after', width: 40 },
  ]);
  for (const e of items) {
    sheet.addRow({
      at: chinaTimestamp(e.at),
      username: e.username,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      ip: e.ip,
      before: e.before == null ? '' : JSON.stringify(e.before),
      after: e.after == null ? '' : JSON.stringify(e.after),
    });
  }
  // The log names people and addresses: taking a copy of it out is itself recorded.
  await recordAudit(ctx.db, ctx.actor, { action: 'audit.export', entity: 'audit_log', after: { filter, rows: items.length } });
  return workbookBuffer(workbook);
}
