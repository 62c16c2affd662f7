// Reading the audit trail: administrators and township leaders, each within his townships.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { queryRows } from '../../db/connection.js';
import { forbidden } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { scopesFor } from '../../policy/policy.js';
import { listAudit, recordAudit, type AuditFilter } from './audit.service.js';
import { addTableSheet, workbookBuffer } from '../../http/xlsx.js';

const EXPORT_LIMIT = 50_000;

/** Townships whose entries the reader may see; undefined = every entry (deployment administrator). */
async function readableTownships(ctx: ServiceContext): Promise<number[] | undefined> {
  const scopes = scopesFor(ctx.principal, 'audit.read');
  if (scopes.length === 0) throw forbidden('您无权查看审计日志');
  if (scopes.includes('/')) return undefined;
  const rows = await queryRows<{ id: number }>(ctx.db, sql`
    SELECT DISTINCT township_id AS id FROM org_units
    WHERE township_id IS NOT NULL AND (${sql.join(scopes.map((p) => sql`path LIKE ${`${p}%`}`), sql` OR `)})`);
  return rows.map((r) => r.id);
}

export async function readAudit(ctx: ServiceContext, filter: Omit<AuditFilter, 'townshipIds'>, page: number, pageSize: number) {
  const townshipIds = await readableTownships(ctx);
  const { items, total } = await listAudit(ctx.db, { ...filter, townshipIds }, page, pageSize);
  return { items: items.map((e) => ({ ...e, at: e.at.toISOString() })), total };
}

export async function exportAudit(ctx: ServiceContext, filter: Omit<AuditFilter, 'townshipIds'>): Promise<Buffer> {
  const townshipIds = await readableTownships(ctx);
  const { items } = await listAudit(ctx.db, { ...filter, townshipIds }, 1, EXPORT_LIMIT);
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
      at: e.at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }),
      username: e.username, action: e.action, entity: e.entity, entityId: e.entityId, ip: e.ip,
      before: e.before == null ? '' : JSON.stringify(e.before), after: e.after == null ? '' : JSON.stringify(e.after),
    });
  }
  // The log names people and addresses: taking a copy of it out is itself recorded.
  await recordAudit(ctx.db, ctx.actor, { action: 'audit.export', entity: 'audit_log', after: { filter, rows: items.length } });
  return workbookBuffer(workbook);
}
