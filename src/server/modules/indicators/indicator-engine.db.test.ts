// The engine directly, for what the one-township API tests cannot show: townships of a county that define the
// same key differently. On PGlite and, with TEST_DATABASE_URL, PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDatabase } from '../../testing/test-app.js';
import { queryRows, type Database } from '../../db/connection.js';
import { computeValues, type Catalog, type Subject } from './indicator-engine.js';
import type { IndicatorSource } from '../../../core/indicators.js';

let database: Database & { dispose: () => Promise<void> };
const catalogs: Catalog[] = [];
const subjects: Subject[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  // Two townships, each with a monthly ledger "basics" whose stock item has another name and its own figures.
  for (const [code, item, figures] of [
    ['430681105000', 'area', [7, 9]],
    ['430681106000', 'acreage', [20, 5]],
  ] as const) {
    const [unit] = await queryRows<{ id: number }>(
      db,
      sql`
      INSERT INTO org_units (code, name, level, path) VALUES (${code}, ${`镇${code.slice(6, 9)}`}, 'town', '/') RETURNING id`,
    );
    await db.execute(sql`UPDATE org_units SET township_id = id, path = '/' || id || '/' WHERE id = ${unit.id}`);
    const [ledger] = await queryRows<{ id: number }>(
      db,
      sql`
      INSERT INTO ledgers (township_id, key, name, kind, period_type) VALUES (${unit.id}, 'basics', '村情', 'periodic', 'month') RETURNING id`,
    );
    for (const [i, value] of figures.entries()) {
      await db.execute(sql`INSERT INTO ledger_records (township_id, ledger_id, org_unit_id, values, period, definition_version)
        VALUES (${unit.id}, ${ledger.id}, ${unit.id}, ${JSON.stringify({ [item]: value })}::jsonb, ${`20220${i + 1}`}, 1)`);
    }
    const source: IndicatorSource = { type: 'items', ledger: 'basics', item, aggregate: 'sum', timing: 'stock' };
    catalogs.push({
      townshipId: unit.id,
      ledgers: new Map([['basics', { id: ledger.id, key: 'basics', name: '村情', kind: 'periodic', periodType: 'month', fields: new Map() }]]),
      indicators: new Map([['land', { id: catalogs.length + 1, source }]]),
    });
    subjects.push({ id: code, unitIds: [unit.id], townshipIds: [unit.id] });
  }
  subjects.push({ id: 'county', unitIds: subjects.flatMap((s) => s.unitIds), townshipIds: subjects.flatMap((s) => s.townshipIds) });
});
afterAll(() => database.dispose());

describe('townships defining a key differently', () => {
  it('gives each township the stock of its own definition, and the county their sum', async () => {
    const value = await computeValues(database.db, {
      catalogs,
      keys: ['land'],
      subjects,
      windows: [
        { id: '202201', start: '2022-01-01', end: '2022-01-31' },
        { id: '2022Q1', start: '2022-01-01', end: '2022-03-31' },
      ],
    });
    expect(value('land', '430681105000', '202201')).toBe(7);
    expect(value('land', '430681106000', '202201')).toBe(20);
    expect(value('land', '430681105000', '2022Q1')).toBe(9);
    expect(value('land', '430681106000', '2022Q1')).toBe(5);
    expect(value('land', 'county', '2022Q1')).toBe(14);
  });
});
