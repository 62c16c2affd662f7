// Photos and attachments of ledger records. Stored in the database (one backup holds everything), identified by
// a random UUID, and only accepted when their first bytes say they are what a cadre uploads: an image or a PDF.
import crypto from 'node:crypto';
import type { Queryable } from '../../db/connection.js';
import { forbidden, invalid, notFound } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { requireTownship } from '../../policy/access.js';
import { can } from '../../policy/policy.js';
import { recordAudit } from '../audit/index.js';
import * as repo from './attachments.repository.js';

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

const SIGNATURES: { mime: string; matches: (b: Buffer) => boolean }[] = [
  { mime: 'image/jpeg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/png', matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: 'image/gif', matches: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  { mime: 'image/webp', matches: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  { mime: 'application/pdf', matches: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
];

/** The MIME type the content really has, or undefined for anything else (scripts, HTML, office files). */
export function sniffMimeType(content: Buffer): string | undefined {
  return SIGNATURES.find((s) => s.matches(content))?.mime;
}

/** Attachments belong to a township; anyone who may write ledger data somewhere in it may upload. */
async function townshipOf(ctx: ServiceContext, action: 'ledger.write' | 'ledger.read'): Promise<number> {
  const township = await requireTownship(ctx, action, ctx.db, {
    what: '附件',
    denied: action === 'ledger.write' ? '您无权上传附件' : '您无权查看附件',
  });
  return township.id;
}

export async function saveAttachment(ctx: ServiceContext, fileName: string, content: Buffer) {
  const townshipId = await townshipOf(ctx, 'ledger.write');
  if (content.length === 0) throw invalid([{ field: 'file', message: '文件是空的' }], '文件是空的');
  if (content.length > ATTACHMENT_MAX_BYTES) throw invalid([{ field: 'file', message: '单个附件不能超过 10 MB' }], '文件过大');
  const mimeType = sniffMimeType(content);
  if (!mimeType) throw invalid([{ field: 'file', message: '只能上传图片（JPG、PNG、GIF、WebP）或 PDF 文件' }], '文件类型不支持');
  const name = fileName.replace(/[\\/\r\n]/g, '_').slice(-120) || '附件';
  return ctx.db.transaction(async (tx) => {
    const id = crypto.randomUUID();
    await repo.insertAttachment(tx, { id, townshipId, fileName: name, mimeType, size: content.length, content, createdBy: ctx.actor.userId });
    const view = { id, fileName: name, mimeType, size: content.length };
    await recordAudit(tx, ctx.actor, { action: 'attachment.upload', entity: 'attachment', entityId: id, townshipId, after: view });
    return view;
  });
}

/**
 * A file as its reader may open it: one attached to a record by those who may read that unit's records; one not
 * attached yet by its uploader and township-wide readers (a cadre of another village never).
 */
export async function readAttachment(ctx: ServiceContext, id: string) {
  const townshipId = await townshipOf(ctx, 'ledger.read');
  const row = await repo.findAttachment(ctx.db, townshipId, id);
  if (!row) throw notFound(`附件 ${id} `);
  const readable = row.ownerPath
    ? can(ctx.principal, 'ledger.read', { path: row.ownerPath })
    : row.file.createdBy === ctx.actor.userId || can(ctx.principal, 'ledger.read', { path: row.townshipPath });
  if (!readable) throw forbidden('您无权查看这个附件');
  return row.file;
}

/** The ids among `ids` that are not files of the township usable by a record of the unit. */
export async function missingAttachments(q: Queryable, townshipId: number, unitId: number, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)].filter((id) => /^[0-9a-f-]{36}$/.test(id));
  const usable = await repo.usableAttachmentIds(q, townshipId, unitId, unique);
  return ids.filter((id) => !usable.has(id));
}

/** Files named by a record of the unit belong to that unit from now on. */
export function claimAttachments(q: Queryable, townshipId: number, unitId: number, ids: string[]) {
  return repo.claimForUnit(q, townshipId, unitId, [...new Set(ids)]);
}
