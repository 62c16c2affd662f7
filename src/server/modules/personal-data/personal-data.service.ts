// The steps that bring stored personal values to their sealed form: at start-up, plain values written before
// encryption existed (records and, once, audit snapshots); in `zhenwu rotate-key`, values sealed under an older key.
// Both work in batches, change no meaning (the same value, sealed again) and can be interrupted and run again.
import type { Queryable } from '../../db/connection.js';
import { recordAudit, SYSTEM_ACTOR } from '../audit/index.js';
import { isSealed, keyedHash, open, seal } from './data-cipher.js';
import { addCurrentKey, dataKeys, dropUnusedKeys, keyRingFromFile, readKeyFile, useDataKeys, type DataKeyRing } from './data-keys.js';
import * as repo from './personal-data.repository.js';

const BATCH = 500;

type Field = { key: string; type: string };
type Progress = (message: string) => void;

/** The values re-sealed under the ring's current key (plain ones sealed), with their hashes; null when unchanged. */
function resealed(fields: Field[], values: Record<string, unknown>, ring: DataKeyRing) {
  const prefix = `enc:v1:${ring.current.id}:`;
  const next = { ...values };
  const hashes: Record<string, string> = {};
  let changed = false;
  for (const f of fields) {
    const value = values[f.key];
    if (typeof value !== 'string' || value === '') continue;
    const plain = open(value, ring);
    if (!value.startsWith(prefix)) {
      next[f.key] = seal(plain, ring);
      changed = true;
    }
    hashes[f.key] = keyedHash(f.type, plain, ring.current);
  }
  return changed ? { values: next, hashes } : null;
}

/** Re-seals the records' stale personal values; answers how many records were written. */
async function resealRecords(db: Queryable, ring: DataKeyRing, onlyPlain: boolean, progress: Progress) {
  let written = 0;
  for (const ledger of await repo.personalLedgers(db)) {
    const keys = ledger.fields.map((f) => f.key);
    // A record changed by someone while it was being re-sealed is skipped and found again by the next pass.
    for (let pass = 0; pass < 5; pass++) {
      let found = 0;
      let after = 0;
      for (;;) {
        const rows = await repo.staleRecords(db, ledger.ledgerId, keys, onlyPlain ? null : `enc:v1:${ring.current.id}:`, after, BATCH);
        if (rows.length === 0) break;
        found += rows.length;
        for (const row of rows) {
          const next = resealed(ledger.fields, row.values, ring);
          if (next && (await repo.resealRecord(db, row, next.values, next.hashes))) written++;
        }
        after = Number(rows.at(-1)!.id);
        progress(`  台账 ${ledger.ledgerId}：已处理 ${written} 条记录 (records re-sealed)`);
      }
      if (found === 0) break;
    }
  }
  return written;
}

/** A snapshot's record values and personal-export filter with their personal values re-sealed. */
function resealSnapshot(snapshot: unknown, fields: Field[], ring: DataKeyRing): unknown {
  if (!snapshot || typeof snapshot !== 'object' || Array.isArray(snapshot)) return snapshot;
  const entry = { ...(snapshot as Record<string, unknown>) };
  if (entry.values && typeof entry.values === 'object' && !Array.isArray(entry.values)) {
    entry.values = resealed(fields, entry.values as Record<string, unknown>, ring)?.values ?? entry.values;
  }
  // A personal export's filter: `fieldFilters.<key>` and the query string's own `f.<key>`.
  const filter = entry.filter as Record<string, unknown> | undefined;
  if (filter && typeof filter === 'object' && !Array.isArray(filter)) {
    const top = Object.fromEntries(Object.entries(filter).flatMap(([k, v]) => (k.startsWith('f.') ? [[k.slice(2), v]] : [])));
    const next: Record<string, unknown> = { ...filter };
    for (const [k, v] of Object.entries(resealed(fields, top, ring)?.values ?? {})) next[`f.${k}`] = v;
    const byKey = filter.fieldFilters as Record<string, unknown> | undefined;
    if (byKey && typeof byKey === 'object') next.fieldFilters = resealed(fields, byKey, ring)?.values ?? byKey;
    entry.filter = next;
  }
  return entry;
}

/** Any sealed text of a snapshot, wherever it is, sealed again under the current key (rotation). */
function resealEverySealed(snapshot: unknown, ring: DataKeyRing): unknown {
  if (isSealed(snapshot)) return snapshot.startsWith(`enc:v1:${ring.current.id}:`) ? snapshot : seal(open(snapshot, ring), ring);
  if (Array.isArray(snapshot)) return snapshot.map((v) => resealEverySealed(v, ring));
  if (snapshot && typeof snapshot === 'object') return Object.fromEntries(Object.entries(snapshot).map(([k, v]) => [k, resealEverySealed(v, ring)]));
  return snapshot;
}

/** Seals the plain personal values of audit entries written before encryption existed (once). */
async function sealOldAuditEntries(db: Queryable, ring: DataKeyRing, progress: Progress) {
  const fieldsByLedger = new Map((await repo.personalLedgers(db)).map((l) => [l.ledgerId, l.fields]));
  let written = 0;
  let after = 0;
  for (;;) {
    const entries = await repo.entriesToSeal(db, after, BATCH);
    if (entries.length === 0) break;
    const ledgerOfRecord = await repo.ledgersOfRecords(
      db,
      entries.filter((e) => e.entity === 'ledger_record' && /^\d{1,15}$/.test(e.entityId ?? '')).map((e) => Number(e.entityId)),
    );
    const changed: { id: number; before: unknown; after: unknown }[] = [];
    for (const e of entries) {
      const ledgerId = e.entity === 'ledger_record' ? ledgerOfRecord.get(String(e.entityId)) : Number(e.entityId);
      const personal = fieldsByLedger.get(ledgerId ?? -1) ?? [];
      if (personal.length === 0) continue;
      const before = resealSnapshot(e.before, personal, ring);
      const afterSnapshot = resealSnapshot(e.after, personal, ring);
      if (JSON.stringify(before) !== JSON.stringify(e.before) || JSON.stringify(afterSnapshot) !== JSON.stringify(e.after)) {
        changed.push({ id: e.id, before, after: afterSnapshot });
      }
    }
    await repo.resealEntries(db, changed);
    written += changed.length;
    after = Number(entries.at(-1)!.id);
    progress(`  审计日志：已加密 ${written} 条 (audit entries sealed)`);
  }
  return written;
}

/**
 * At start-up: seals plain personal values of records (written before this version, or by a loader that wrote
 * the table directly) and, once, of the audit trail. Nothing to do costs one scan of the personal ledgers' records.
 */
export async function sealPlainPersonalData(db: Queryable, progress: Progress = () => {}) {
  const ring = dataKeys();
  const records = await resealRecords(db, ring, true, progress);
  let entries = 0;
  if (!(await repo.auditSealed(db))) {
    entries = await sealOldAuditEntries(db, ring, progress);
    await recordAudit(db, SYSTEM_ACTOR, {
      action: 'personal_data.encrypt',
      entity: 'personal_data',
      entityId: 'v1',
      after: { records, entries, key: ring.current.id },
    });
  }
  return { records, entries };
}

/** Re-seals every audit snapshot holding a value sealed under another key than the current one. */
async function resealAuditUnderOtherKeys(db: Queryable, ring: DataKeyRing, progress: Progress) {
  let written = 0;
  let after = 0;
  for (;;) {
    const entries = await repo.entriesUnderOtherKeys(db, ring.current.id, after, BATCH);
    if (entries.length === 0) break;
    await repo.resealEntries(
      db,
      entries.map((e) => ({ id: e.id, before: resealEverySealed(e.before, ring), after: resealEverySealed(e.after, ring) })),
    );
    written += entries.length;
    after = Number(entries.at(-1)!.id);
    progress(`  审计日志：已重新加密 ${written} 条 (audit entries re-encrypted)`);
  }
  return written;
}

export interface RotationResult {
  key: string;
  records: number;
  entries: number;
  /** Keys no value names any longer, removed from the key file. */
  dropped: string[];
  /** Keys still named by some value (written meanwhile by a server that had not yet read the new key). */
  kept: string[];
}

/**
 * `zhenwu rotate-key`: with a key file, a new key becomes current unless an earlier rotation was interrupted
 * (the file then still holds older keys, and this run finishes that one); every value is sealed again under the
 * current key; the older keys leave the file once nothing names them. With ZHENWU_DATA_KEY ("new,old"), values
 * are re-sealed under the first key and the operator removes the old one from the environment afterwards.
 */
export async function rotateDataKey(db: Queryable, ring: DataKeyRing, progress: Progress, settleMs = 3000): Promise<RotationResult> {
  const fromFile = ring.source !== 'ZHENWU_DATA_KEY';
  if (fromFile && readKeyFile(ring.source).keys.length === 1) {
    ring = addCurrentKey(ring.source);
    progress(`新密钥 ${ring.current.id} 已写入 ${ring.source}，旧密钥保留到不再使用为止 (new key is current)`);
  } else if (ring.keys.size > 1) {
    progress(`继续：把数据重新加密到当前密钥 ${ring.current.id} (re-encrypting to the current key)`);
  } else {
    throw new Error('ZHENWU_DATA_KEY 只有一个密钥：请设置为 "新密钥,旧密钥"（base64，逗号分隔）后再运行 rotate-key');
  }
  useDataKeys(ring);
  let records = await resealRecords(db, ring, false, progress);
  let entries = await resealAuditUnderOtherKeys(db, ring, progress);
  // Servers read a changed key file within a second; what one wrote under the old key meanwhile is caught here.
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  records += await resealRecords(db, ring, false, progress);
  entries += await resealAuditUnderOtherKeys(db, ring, progress);
  const used = await repo.keyIdsInUse(db);
  const old = [...ring.keys.keys()].filter((id) => id !== ring.current.id);
  const kept = old.filter((id) => used.has(id));
  const dropped = fromFile ? dropUnusedKeys(ring.source, used) : [];
  if (fromFile) useDataKeys(keyRingFromFile(ring.source));
  await recordAudit(db, SYSTEM_ACTOR, {
    action: 'personal_data.rotate',
    entity: 'personal_data',
    entityId: 'v1',
    after: { key: ring.current.id, records, entries, dropped, kept },
  });
  return { key: ring.current.id, records, entries, dropped, kept };
}
