// Resilience: 20 editors, each with a session of his own, read the same records and save them at the same moment
// with the version they read. Per record and round exactly one save wins; the 19 others get 409 with a Chinese
// message and the record as stored; no update is lost (the stored values are the winners') and the audit holds one
// entry per win, with the winner's value. Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL (issue 12,
// resilience suite item 2).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/connection.js';
import { buildTownship, buildUser, TEST_PASSWORD } from '../testing/builders.js';
import { buildTestApp, type TestApp } from '../testing/test-app.js';

const EDITORS = 20;
const RECORDS = 3;
const ROUNDS = 3;
const TOWN = '430681105000';
const URL = '/api/ledgers/households/records';

let t: TestApp;
let sessions: string[];
let ids: number[];

interface StoredRecord {
  id: number;
  version: number;
  values: { name: string; members: number };
}

beforeAll(async () => {
  t = await buildTestApp();
  await buildTownship(t.system);
  const usernames = Array.from({ length: EDITORS }, (_, i) => `bianji${i + 1}`);
  for (const username of usernames) await buildUser(t.system, username, [{ role: 'leader', orgUnitCode: TOWN }]);
  sessions = await Promise.all(usernames.map((u) => t.login(u, TEST_PASSWORD)));
  const fields = [
    { key: 'name', label: '户主姓名', type: 'text', required: true },
    { key: 'members', label: '家庭人口', type: 'integer', min: 1, max: 100_000, unit: '人' },
  ];
  await t.ok('POST', '/api/ledgers', sessions[0], { key: 'households', name: '监测户', kind: 'register', fields }, 201);
  ids = [];
  for (let r = 0; r < RECORDS; r++) {
    const created = await t.ok('POST', URL, sessions[0], { orgUnit: '430681105201', values: { name: `户${r}`, members: 1 } }, 201);
    ids.push(created.id);
  }
}, 120_000);
afterAll(() => t.close());

/** The value editor e sends for record r in round n: distinct for every save, so the stored one names its editor. */
const valueOf = (round: number, record: number, editor: number) => 1000 * (round + 1) + 100 * record + editor + 1;

describe('20 concurrent editors on the same records', () => {
  it('let exactly one save win per record and round; the others get 409 and nothing is lost', async () => {
    const winners: number[][] = ids.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      // every editor reads every record, then all of them save all of them at once
      const read = await Promise.all(
        sessions.map((cookie) => Promise.all(ids.map(async (id) => (await t.ok('GET', `${URL}/${id}`, cookie)) as StoredRecord))),
      );
      const answers = await Promise.all(
        sessions.flatMap((cookie, editor) =>
          ids.map(async (id, record) => {
            const { version } = read[editor][record];
            const res = await t.call('PATCH', `${URL}/${id}`, cookie, { version, values: { members: valueOf(round, record, editor) } });
            return { record, editor, res };
          }),
        ),
      );
      for (let record = 0; record < RECORDS; record++) {
        const mine = answers.filter((a) => a.record === record);
        const won = mine.filter((a) => a.res.statusCode === 200);
        const lost = mine.filter((a) => a.res.statusCode !== 200);
        expect(won, `round ${round}, record ${record}`).toHaveLength(1);
        const winner = won[0];
        const stored = (await t.ok('GET', `${URL}/${ids[record]}`, sessions[0])) as StoredRecord;
        expect(stored.values.members).toBe(valueOf(round, record, winner.editor));
        expect(stored.version).toBe(read[0][record].version + 1);
        expect(winner.res.json()).toMatchObject({ version: stored.version, values: { members: stored.values.members } });
        for (const loser of lost) {
          expect(loser.res.statusCode, loser.res.body).toBe(409);
          expect(loser.res.headers['content-type']).toContain('application/problem+json');
          // the refused editor is told in Chinese and shown what the winner stored
          expect(loser.res.json()).toMatchObject({
            code: 'CONFLICT',
            detail: '这条记录已被他人修改，请查看对方的修改后再保存',
            current: { version: stored.version, values: { members: stored.values.members } },
          });
        }
        winners[record].push(valueOf(round, record, winner.editor));
      }
    }

    // The audit: per record one update entry per round, in order, each with the winner's value, by the winner.
    for (const [record, id] of ids.entries()) {
      const entries = await queryRows<{ username: string; before: number; after: number; version: number }>(
        t.db,
        sql`SELECT username, (before->'values'->>'members')::int AS before, (after->'values'->>'members')::int AS after,
                   (after->>'version')::int AS version
            FROM audit_log WHERE action = 'ledger_record.update' AND entity_id = ${String(id)} ORDER BY id`,
      );
      expect(entries.map((e) => e.after)).toEqual(winners[record]);
      expect(entries.map((e) => e.before)).toEqual([1, ...winners[record].slice(0, -1)]);
      expect(entries.map((e) => e.version)).toEqual(winners[record].map((_, round) => round + 2));
      expect(entries.map((e) => e.username)).toEqual(winners[record].map((v) => `bianji${v % 100}`));
    }
  }, 120_000);
});
