// The plan past one machine (docs/scaling.md) distributes every table of township data by its township on Citus:
// such a table needs a `township_id integer NOT NULL` column. This test reads the migrated database's own catalogue,
// so a new table fails it until it carries the key or is listed below with the reason it has none. On PGlite and,
// with TEST_DATABASE_URL, PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from './connection.js';
import { openTestDatabase } from '../testing/test-app.js';

type Placement = 'reference' | 'coordinator' | 'gap';

/**
 * The tables without a `township_id NOT NULL`, and where each goes on Citus: `reference` (copied to every node,
 * small and rarely written), `coordinator` (a plain table on the coordinator, read and written with the session,
 * never joined with township data on a worker), or `gap` (township data that lacks the key today: what would have
 * to change is in docs/scaling.md, "What would have to change").
 */
const WITHOUT_TOWNSHIP_KEY: Record<string, { placement: Placement; reason: string }> = {
  org_units: {
    placement: 'reference',
    reason: 'the whole tree, province to villager group: units above a township have no township (township_id null)',
  },
  users: {
    placement: 'reference',
    reason: 'accounts of county and city leaders belong to no township (township_id null); read by every scope check',
  },
  user_roles: { placement: 'reference', reason: "a grant's scope is an org unit at any level, often above a township" },
  sessions: { placement: 'coordinator', reason: 'one row per signed-in browser, written on every request; not township data' },
  login_throttle: { placement: 'coordinator', reason: 'failed logins by the username typed, which may belong to no account' },
  two_factor: { placement: 'coordinator', reason: "an account's second factor, read only at login and step-up" },
  two_factor_recovery_codes: { placement: 'coordinator', reason: "an account's recovery codes, read only at login" },
  jobs: { placement: 'coordinator', reason: 'the scheduler of the whole deployment: one row per (kind, key), claimed by one server' },
  audit_log: {
    placement: 'gap',
    reason: 'entries of the deployment (logins, accounts, units above a township) have no township; township_id is nullable',
  },
  settings: {
    placement: 'gap',
    reason: 'deployment-wide keys whose values hold per-township entries keyed by township code (township clock, report profile)',
  },
  ledger_data_changes: {
    placement: 'gap',
    reason: 'change notes written by triggers on ledger_records: (ledger, org unit) only; must live beside their records',
  },
};

let database: Awaited<ReturnType<typeof openTestDatabase>>;

beforeAll(async () => {
  database = await openTestDatabase();
});

afterAll(async () => {
  await database?.dispose();
});

async function tables(): Promise<{ table: string; keyType: string | null; keyNullable: boolean | null }[]> {
  return queryRows(
    database.db,
    sql`
    SELECT t.table_name AS "table", c.data_type AS "keyType", c.is_nullable = 'YES' AS "keyNullable"
    FROM information_schema.tables t
    LEFT JOIN information_schema.columns c
      ON c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = 'township_id'
    WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
    ORDER BY t.table_name`,
  );
}

describe('the township key (docs/scaling.md)', () => {
  it('every table carries township_id integer NOT NULL, or is listed with the reason it has none', async () => {
    const all = await tables();
    expect(all.length).toBeGreaterThan(20);
    const missing = all
      .filter((t) => !(t.table in WITHOUT_TOWNSHIP_KEY))
      .filter((t) => t.keyType !== 'integer' || t.keyNullable !== false)
      .map((t) => `${t.table}: ${t.keyType === null ? 'no township_id column' : `township_id is ${t.keyType}${t.keyNullable ? ', nullable' : ''}`}`);
    expect(
      missing,
      'a table of township data needs `township_id integer NOT NULL` (the Citus distribution column, docs/scaling.md); ' +
        'a table that holds none goes into WITHOUT_TOWNSHIP_KEY in src/server/db/township-key.db.test.ts with its reason',
    ).toEqual([]);
  });

  it('every listed exception exists and still lacks the key', async () => {
    const byName = new Map((await tables()).map((t) => [t.table, t]));
    const stale = Object.keys(WITHOUT_TOWNSHIP_KEY).flatMap((name) => {
      const t = byName.get(name);
      if (!t) return [`${name}: no such table`];
      if (t.keyType === 'integer' && t.keyNullable === false)
        return [`${name}: has township_id NOT NULL now, so it is distributed: remove it from the list`];
      return [];
    });
    expect(stale, 'WITHOUT_TOWNSHIP_KEY in src/server/db/township-key.db.test.ts lists tables that do not need it').toEqual([]);
  });
});
