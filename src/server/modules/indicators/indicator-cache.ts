// Results of the engine's aggregate statements, reused while the records they read are unchanged.
//
// Values are still computed from current data on every read: a cached result is used only if no record of its
// ledgers under a subject's units has changed since it was computed, and recomputed — for the changed subjects
// only — otherwise. The ledgers module keeps a data version per (ledger, org unit): change notes written by triggers
// in the records' own transaction (`dataVersions`). A result is kept per statement (its SQL and parameters:
// definitions, windows, the unit → subject mapping) and per subject, with the version it was computed at. Reading
// the versions is one small query.
//
// Why this is safe: versions are read before the statement runs, so a result is never older than the version
// stored with it; a write commits its change note with its records, so any later change makes the version
// differ. Inside a transaction (which may see its own uncommitted writes) nothing is cached.
import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect, PgTransaction } from 'drizzle-orm/pg-core';
import { LRUCache } from 'lru-cache';
import type { Queryable } from '../../db/connection.js';
import { compactDataChanges, dataVersions, type AggregateRow, type DataVersion, type UnitMapping } from '../ledgers/index.js';

export type Row = AggregateRow;

/** Which org units make up each subject (by index in the request). */
export type Mapping = UnitMapping;

export interface Statement {
  ledgerIds: number[];
  /** The statement over the given mapping; `onlyUnits` narrows the scan to those units' records. */
  build(mapping: Mapping, onlyUnits?: number[]): SQL | null;
}

interface Entry {
  versions: Map<number, string>;
  rows: Map<number, Row[]>;
}

// Bounded by what an entry holds, a row or a subject's version each (~140 bytes): ~60 MB at most. A county's 253
// villages × 12 months is ~3,000 rows a statement.
const MAX_CACHED_ITEMS = 400_000;
// Above this many redundant change notes among the ledgers read, all notes are folded into one per pair.
const COMPACT_AFTER = 2_000;
// Recomputing a few subjects narrows the scan to their units; past this share of the request's units a full scan
// is cheaper.
const PARTIAL_SHARE = 0.25;

/** How statements were answered since the cache was made: what tests and benchmarks observe. */
export interface CacheStats {
  cached: number;
  partly: number;
  computed: number;
}

interface Cache {
  entries: LRUCache<string, Entry>;
  stats: CacheStats;
}
const caches = new WeakMap<object, Cache>();
const dialect = new PgDialect();

function cacheOf(q: Queryable): Cache | null {
  if (q instanceof PgTransaction) return null;
  let cache = caches.get(q);
  if (!cache) {
    const entries = new LRUCache<string, Entry>({
      maxSize: MAX_CACHED_ITEMS,
      sizeCalculation: (e) => 1 + e.versions.size + [...e.rows.values()].reduce((n, r) => n + r.length, 0),
    });
    cache = { entries, stats: { cached: 0, partly: 0, computed: 0 } };
    caches.set(q, cache);
  }
  return cache;
}

/** Forgets every cached result of this database (benchmarks measure the cold path with it). */
export function clearIndicatorCache(q: Queryable) {
  cacheOf(q)?.entries.clear();
}

export function indicatorCacheStats(q: Queryable): CacheStats {
  return { ...(cacheOf(q)?.stats ?? { cached: 0, partly: 0, computed: 0 }) };
}

function statementKey(statement: SQL): string {
  const { sql: text, params } = dialect.sqlToQuery(statement);
  return createHash('sha1').update(text).update('\u0000').update(JSON.stringify(params)).digest('base64');
}

/** Data versions per statement and subject: "weights/highest id" of the change notes of the subject's units. */
async function readVersions(q: Queryable, ledgerIds: number[], mapping: Mapping) {
  const { bySubject, everything, redundant } = await dataVersions(q, ledgerIds, mapping);
  const byLedger = new Map<number, Map<number, DataVersion>>();
  for (const { ledgerId, subjectIndex, version } of bySubject) {
    const subjects = byLedger.get(ledgerId) ?? new Map<number, DataVersion>();
    subjects.set(subjectIndex, version);
    byLedger.set(ledgerId, subjects);
  }
  const versionOf = (statement: Statement, si: number) => {
    let { weight, top } = everything;
    for (const ledgerId of statement.ledgerIds) {
      const v = byLedger.get(ledgerId)?.get(si);
      if (v) {
        weight += v.weight;
        if (v.top > top) top = v.top;
      }
    }
    return `${weight}/${top}`;
  };
  return { versionOf, redundant };
}

/** Folds repeated change notes; a failure only postpones the folding: the values are computed already. */
async function compactChanges(q: Queryable) {
  await compactDataChanges(q).catch((error: Error) => {
    console.warn(`indicator cache: folding change notes failed, retried at a later read: ${error.message}`);
  });
}

function subMapping(mapping: Mapping, subjects: Set<number>): Mapping {
  const sub: Mapping = { unitIds: [], subjectIndexes: [] };
  mapping.unitIds.forEach((u, i) => {
    if (subjects.has(mapping.subjectIndexes[i])) {
      sub.unitIds.push(u);
      sub.subjectIndexes.push(mapping.subjectIndexes[i]);
    }
  });
  return sub;
}

function bySubject(rows: Row[]): Map<number, Row[]> {
  const out = new Map<number, Row[]>();
  for (const row of rows) {
    const list = out.get(row.si);
    if (list) list.push(row);
    else out.set(row.si, [row]);
  }
  return out;
}

/**
 * The rows of every statement, in order: from the cache where the subjects' data is unchanged, from the
 * database (through `run`) for the rest; `runAll` decides how many statements run at once.
 */
export async function statementRows(
  q: Queryable,
  statements: Statement[],
  mapping: Mapping,
  subjectCount: number,
  run: (statement: SQL) => Promise<Row[]>,
  runAll: (jobs: (() => Promise<void>)[]) => Promise<void>,
): Promise<Row[][]> {
  const results: Row[][] = statements.map(() => []);
  const cache = cacheOf(q);
  if (!cache) {
    await runAll(
      statements.map((s, i) => async () => {
        const statement = s.build(mapping);
        if (statement) results[i] = await run(statement);
      }),
    );
    return results;
  }
  const ledgerIds = [...new Set(statements.flatMap((s) => s.ledgerIds))];
  const { versionOf, redundant } = await readVersions(q, ledgerIds, mapping);
  await runAll(
    statements.map((s, i) => async () => {
      const full = s.build(mapping);
      if (!full) return;
      const key = statementKey(full);
      const now = new Map<number, string>();
      for (let si = 0; si < subjectCount; si++) now.set(si, versionOf(s, si));
      const entry = cache.entries.get(key);
      const stale = entry ? [...now.keys()].filter((si) => entry.versions.get(si) !== now.get(si)) : [];
      const partial = entry && stale.length ? subMapping(mapping, new Set(stale)) : null;
      let rows: Map<number, Row[]>;
      if (entry && stale.length === 0) {
        rows = entry.rows;
        cache.stats.cached++;
      } else if (entry && partial && partial.unitIds.length <= mapping.unitIds.length * PARTIAL_SHARE) {
        cache.stats.partly++;
        const fresh = bySubject(await run(s.build(partial, [...new Set(partial.unitIds)])!));
        rows = new Map(entry.rows);
        for (const si of stale) rows.set(si, fresh.get(si) ?? []);
      } else {
        cache.stats.computed++;
        rows = bySubject(await run(full));
      }
      if (rows !== entry?.rows) cache.entries.set(key, { versions: now, rows });
      results[i] = [...rows.values()].flat();
    }),
  );
  if (redundant > COMPACT_AFTER) await compactChanges(q);
  return results;
}
