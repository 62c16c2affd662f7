// Resilience: a real server process (`zhenwu start`) killed with SIGKILL in the middle of (a) the commit of a
// 100,000-row ledger import and (b) a burst of record saves and report generations, then started again on the same
// data. Nothing half-done survives, nothing acknowledged is lost, the audit has exactly one entry per stored write,
// and the restarted server takes over the dead one's data-directory lock and answers. Runs on PGlite and, with
// TEST_DATABASE_URL, on PostgreSQL (issue 12, resilience suite item 1).
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../db/connection.js';
import { SYSTEM_ACTOR } from '../modules/audit/audit.service.js';
import type { ServiceContext } from '../http/context.js';
import { buildTownship, buildUser, TEST_PASSWORD } from '../testing/builders.js';
import { createBackend, HttpSession, startServer, type Backend, type ServerProcess } from '../testing/server-process.js';

const TOWN = '430681105000';
const VILLAGES = ['川山村', '燕塘村', '桥坪村'];
const IMPORT_ROWS = 100_000;
const EDITED_RECORDS = 8;
const FIELDS = [
  { key: 'name', label: '户主姓名', type: 'text', required: true },
  { key: 'members', label: '家庭人口', type: 'integer', min: 1, max: 100_000, unit: '人' },
];
const RECORDS = '/api/ledgers/households/records';

let backend: Backend;
let server: ServerProcess | undefined;
/** Relation file of ledger_records inside the PGlite data directory, to watch the commit write. */
let recordsFile = '';
const timings: Record<string, number> = {};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await fn();
  } finally {
    timings[label] = Date.now() - started;
  }
}

/** Bytes the ledger_records table takes on disk now, committed or not. */
async function recordsBytes(database: Database | undefined): Promise<number> {
  if (database) return Number((await queryRows<{ n: string }>(database.db, sql`SELECT pg_relation_size('ledger_records') AS n`))[0].n);
  return fs.statSync(recordsFile).size;
}

async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await backend.open();
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  backend = await createBackend();
  await timed('seed', () =>
    withDatabase(async (database) => {
      const system: ServiceContext = {
        db: database.db,
        principal: { userId: 0, username: 'system', grants: [{ role: 'admin', scopePaths: ['/'] }] },
        actor: SYSTEM_ACTOR,
        townshipId: null,
      };
      await buildTownship(system, VILLAGES);
      await buildUser(system, 'shuji', [{ role: 'leader', orgUnitCode: TOWN }]);
      const [{ file }] = await queryRows<{ file: string }>(database.db, sql`SELECT pg_relation_filepath('ledger_records') AS file`);
      recordsFile = backend.dataDir ? path.join(backend.dataDir, file) : '';
    }),
  );
}, 240_000);

afterAll(async () => {
  await server?.kill();
  await backend?.dispose();
  console.log(`sigkill suite (${backend?.kind}) ms:`, JSON.stringify(timings));
});

/** Starts the server on the backend's data, checking that a killed predecessor's lock was taken over. */
async function restart(label: string, afterKill: boolean) {
  server = await timed(label, () => startServer(backend.env));
  if (afterKill && backend.kind === 'pglite') expect(server.output()).toContain('已接管');
  return server;
}

interface Ack {
  id: number;
  members: number;
  version: number;
}

describe('SIGKILL of a running server', () => {
  let leader: HttpSession;
  const acknowledged = { updates: new Map<number, Ack>(), creates: [] as Ack[], reports: [] as number[] };
  /** Saves that were sent but never answered: they may or may not have been stored. */
  const unanswered = { updates: new Map<number, number>(), creates: 0, reports: 0 };
  const recordIds: number[] = [];

  it('loses no acknowledged record save and no acknowledged report version, and audits each exactly once', async () => {
    let s = await restart('start', false);
    leader = await HttpSession.login(s.baseUrl, 'shuji', TEST_PASSWORD);
    await leader.ok('POST', '/api/ledgers', { key: 'households', name: '监测户', kind: 'register', fields: FIELDS }, 201);
    await leader.ok('POST', '/api/ledgers', { key: 'imports', name: '导入户', kind: 'register', fields: FIELDS }, 201);
    await leader.ok('POST', '/api/reports/templates', { key: 'brief', name: '简报', body: '# 简报\n监测户共{{count households}}户。' }, 201);
    for (let i = 0; i < EDITED_RECORDS; i++) {
      const created = await leader.ok<{ id: number; version: number }>(
        'POST',
        RECORDS,
        { orgUnit: '430681105201', values: { name: `户${i}`, members: 1 } },
        201,
      );
      recordIds.push(created.id);
      acknowledged.updates.set(created.id, { id: created.id, members: 1, version: created.version });
    }

    // The burst: one editor per record saving 2, 3, 4 … with the version of its last answer, one clerk creating
    // records, one leader saving report versions; all at once, until the kill.
    let killed = false;
    const editor = async (id: number) => {
      let { version, members } = acknowledged.updates.get(id)!;
      while (!killed) {
        unanswered.updates.set(id, members + 1);
        const res = await leader.call('PATCH', `${RECORDS}/${id}`, { version, values: { members: members + 1 } }).catch(() => undefined);
        if (!res) return;
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        const body = res.body as { version: number; values: { members: number } };
        ({ version } = body);
        members = body.values.members;
        unanswered.updates.delete(id);
        acknowledged.updates.set(id, { id, members, version });
      }
    };
    const clerk = async () => {
      for (let n = 1; !killed; n++) {
        unanswered.creates++;
        const res = await leader.call('POST', RECORDS, { orgUnit: '430681105202', values: { name: `新户${n}`, members: n } }).catch(() => undefined);
        if (!res) return;
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        unanswered.creates--;
        const body = res.body as { id: number; version: number };
        acknowledged.creates.push({ id: body.id, members: n, version: body.version });
      }
    };
    const reporter = async () => {
      while (!killed) {
        unanswered.reports++;
        const res = await leader
          .call('POST', '/api/reports/versions', { template: 'brief', period: '2024S1', asOf: '2024-06-30' })
          .catch(() => undefined);
        if (!res) return;
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        unanswered.reports--;
        acknowledged.reports.push((res.body as { id: number }).id);
      }
    };
    const workers = [...recordIds.map(editor), clerk(), reporter()];
    const savedSoFar = () => [...acknowledged.updates.values()].reduce((n, a) => n + a.version - 1, 0) + acknowledged.creates.length;
    const burstStarted = Date.now();
    while (Date.now() - burstStarted < 30_000 && (savedSoFar() < 60 || acknowledged.reports.length < 3)) await sleep(20);
    await s.kill();
    killed = true;
    await Promise.all(workers);
    timings.burst = Date.now() - burstStarted;
    const inFlight = unanswered.updates.size + unanswered.creates + unanswered.reports;
    console.log(
      `burst (${backend.kind}): ${savedSoFar()} saves and ${acknowledged.reports.length} report versions acknowledged, ${inFlight} requests in flight at the kill`,
    );
    expect(savedSoFar()).toBeGreaterThanOrEqual(60);
    expect(inFlight).toBeGreaterThan(0);

    s = await restart('restart after the burst', true);
    leader = leader.on(s.baseUrl);
    for (const ack of acknowledged.updates.values()) {
      const record = await leader.ok<{ version: number; values: { members: number } }>('GET', `${RECORDS}/${ack.id}`);
      // the acknowledged value, or the one sent after it whose answer the kill cut off
      const lost = unanswered.updates.get(ack.id);
      expect([ack.members, lost], `record ${ack.id}`).toContain(record.values.members);
      expect(record.version - ack.version).toBe(record.values.members - ack.members);
    }
    for (const ack of acknowledged.creates) {
      expect((await leader.ok<{ values: { members: number } }>('GET', `${RECORDS}/${ack.id}`)).values.members).toBe(ack.members);
    }
    for (const id of acknowledged.reports) {
      expect((await leader.ok<{ id: number; document: unknown }>('GET', `/api/reports/versions/${id}`)).document).toBeTruthy();
    }
  }, 240_000);

  it('keeps a 100,000-row import whole or not at all when killed during its commit', async () => {
    let s = server!;
    leader = leader.on(s.baseUrl);
    const lines = ['组织单元*,户主姓名*,家庭人口（人）'];
    for (let n = 0; n < IMPORT_ROWS; n++) lines.push(`${VILLAGES[n % 3]},导入户${n},${1 + (n % 9)}`);
    const form = new FormData();
    form.append('file', new Blob([`${lines.join('\n')}\n`]), '导入户.csv');
    const job = await timed('upload and check', async () => {
      const started = await leader.ok<{ id: string; phase: string }>('POST', '/api/ledgers/imports/imports', form, 202);
      for (;;) {
        const status = await leader.ok<{ id: string; phase: string; errorRows: number }>('GET', `/api/ledgers/imports/imports/${started.id}`);
        if (status.phase !== 'parsing' && status.phase !== 'validating') return status;
        await sleep(200);
      }
    });
    expect(job).toMatchObject({ phase: 'ready', errorRows: 0 });

    // Killed once the commit has written part of the rows (the table's file grows before the transaction ends).
    const probe = backend.kind === 'postgresql' ? await backend.open() : undefined;
    /** The commit's answer: none when the kill cut it off. */
    const commitAnswer = { status: 0 };
    try {
      const before = await recordsBytes(probe);
      const commitStarted = Date.now();
      const commit = leader.call('POST', `/api/ledgers/imports/imports/${job.id}/commit`).then(
        (res) => (commitAnswer.status = res.status),
        () => undefined,
      );
      let grown = 0;
      while (Date.now() - commitStarted < 120_000 && commitAnswer.status === 0) {
        grown = (await recordsBytes(probe)) - before;
        if (grown > 4 * 1024 * 1024) break;
        await sleep(backend.kind === 'pglite' ? 20 : 50);
      }
      await s.kill();
      await commit;
      timings['commit until the kill'] = Date.now() - commitStarted;
      console.log(
        `import (${backend.kind}): killed ${Date.now() - commitStarted} ms into the commit, ledger_records grew ${grown} bytes, answer: ${commitAnswer.status || 'none'}`,
      );
    } finally {
      await probe?.close();
    }

    s = await restart('restart after the import', true);
    leader = leader.on(s.baseUrl);
    const { total } = await leader.ok<{ total: number }>('GET', '/api/ledgers/imports/records?pageSize=1');
    expect([0, IMPORT_ROWS]).toContain(total);
    if (commitAnswer.status === 200) expect(total).toBe(IMPORT_ROWS);
    const audit = await leader.ok<{ total: number }>('GET', '/api/audit?action=ledger_record.import');
    expect(audit.total).toBe(total === IMPORT_ROWS ? 1 : 0);
    // the checked upload lived in the dead process's memory: the user is told to upload again
    const forgotten = await leader.call('GET', `/api/ledgers/imports/imports/${job.id}`);
    expect(forgotten.status).toBe(404);
    expect((forgotten.body as { detail: string }).detail).toContain('请重新上传');
    // the same user carries on: the restarted server answers and writes
    await leader.ok('POST', RECORDS, { orgUnit: '430681105203', values: { name: '重启后', members: 3 } }, 201);
    await timed('stop', () => s.stop());
    expect(s.child.exitCode).toBe(0);
    server = undefined;
    if (backend.dataDir) expect(fs.existsSync(path.join(backend.dataDir, 'zhenwu.lock'))).toBe(false);
  }, 240_000);

  it('has exactly one audit entry for every stored write, with the stored value', async () => {
    await withDatabase(async (database) => {
      const records = await queryRows<{ id: number; version: number; members: number; audits: number; audited: number | null }>(
        database.db,
        sql`
        SELECT r.id::int AS id, r.version, (r."values"->>'members')::int AS members,
               (SELECT count(*)::int FROM audit_log a WHERE a.entity = 'ledger_record' AND a.entity_id = r.id::text) AS audits,
               (SELECT (a.after->'values'->>'members')::int FROM audit_log a
                 WHERE a.entity = 'ledger_record' AND a.entity_id = r.id::text ORDER BY a.id DESC LIMIT 1) AS audited
        FROM ledger_records r JOIN ledgers l ON l.id = r.ledger_id WHERE l.key = 'households'`,
      );
      // one create and one update per stored version; the last entry holds the stored value
      for (const r of records) expect(r, `record ${r.id}`).toMatchObject({ audits: r.version, audited: r.members });
      const byId = new Map(records.map((r) => [r.id, r]));
      for (const ack of [...acknowledged.updates.values(), ...acknowledged.creates])
        expect(byId.get(ack.id)!.version).toBeGreaterThanOrEqual(ack.version);
      // every stored report version has one audit entry, and no entry names a version that is not stored
      const [versions] = await queryRows<{ stored: number; audits: number; unaudited: number }>(
        database.db,
        sql`SELECT (SELECT count(*)::int FROM report_versions) AS stored,
                   (SELECT count(*)::int FROM audit_log WHERE action = 'report.version.create') AS audits,
                   (SELECT count(*)::int FROM report_versions v WHERE NOT EXISTS (
                      SELECT 1 FROM audit_log a WHERE a.action = 'report.version.create' AND a.entity_id = v.id::text)) AS unaudited`,
      );
      expect(versions).toMatchObject({ audits: versions.stored, unaudited: 0 });
      expect(versions.stored - acknowledged.reports.length).toBeGreaterThanOrEqual(0);
      expect(versions.stored - acknowledged.reports.length).toBeLessThanOrEqual(unanswered.reports);
      const created = records.length - EDITED_RECORDS - 1; // the record saved after the last restart
      expect(created - acknowledged.creates.length).toBeGreaterThanOrEqual(0);
      expect(created - acknowledged.creates.length).toBeLessThanOrEqual(unanswered.creates);
    });
  }, 120_000);
});
