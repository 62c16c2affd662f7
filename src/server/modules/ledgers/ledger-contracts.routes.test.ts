// The ledger and indicator answers are held to their contracts (core/contracts/ledgers.ts, indicators.ts): OpenAPI
// publishes them, a stored key the contract does not name never leaves the server, a stored value outside it is a
// 500 rather than an answer the web mistypes, and refusals stay problem+json beside the declared schemas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../testing/test-app.js';
import { buildHouseholdFields, buildIdCard, buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';

let t: TestApp;
let leader: string;
let cadre: string;
const KEY = 'households';
const RECORDS = `/api/ledgers/${KEY}/records`;

beforeAll(async () => {
  t = await buildTestApp();
  const township = await buildTownship(t.system);
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: township.townshipCode }]);
  await buildUser(t.system, 'cun202', [{ role: 'village_cadre', orgUnitCode: township.villageCodes[1] }]);
  [leader, cadre] = await Promise.all([t.login('shuji', TEST_PASSWORD), t.login('cun202', TEST_PASSWORD)]);
  await t.ok('POST', '/api/ledgers', leader, { key: KEY, name: '防返贫监测户', kind: 'register', fields: buildHouseholdFields() }, 201);
});
afterAll(() => t.close());

interface JsonSchema {
  required?: string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
}

describe('the ledger and indicator contracts', () => {
  it('are published in OpenAPI', async () => {
    const doc = (await t.ok('GET', '/api/openapi.json', '')) as {
      paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: JsonSchema }> }> }>>;
    };
    const answer = (path: string, method = 'get', status = '200') => doc.paths[path][method].responses[status].content['application/json'].schema;
    const list = answer('/api/ledgers/{key}/records');
    expect(list.required).toEqual(expect.arrayContaining(['items', 'total', 'totals']));
    expect(list.properties!.items.items!.required).toEqual(expect.arrayContaining(['id', 'orgUnit', 'values', 'version', 'masked']));
    expect(answer('/api/ledgers/{key}/records', 'post', '201').required).toContain('version');
    expect(answer('/api/indicators/values').properties).toHaveProperty('indicators');
    expect(answer('/api/rankings/{key}/board').properties!.items.items!.properties).toHaveProperty('previousRank');
  });

  it('drop a key that a stored definition holds but the contract does not name', async () => {
    await t.db.execute(sql`
      UPDATE ledger_versions SET fields = jsonb_set(fields, '{0,note}', '"kept in the database only"')
      WHERE ledger_id = (SELECT id FROM ledgers WHERE key = ${KEY})`);
    const ledger = await t.ok('GET', `/api/ledgers/${KEY}`, cadre);
    expect(ledger.fields[0]).toMatchObject({ key: 'name', label: '户主姓名' });
    expect(ledger.fields[0]).not.toHaveProperty('note');
  });

  it('keep refusals, invalid input and conflicts as problem+json, with their members', async () => {
    const invalid = await t.call('GET', `${RECORDS}?pageSize=1000`, cadre);
    expect(invalid.statusCode).toBe(400);
    expect(invalid.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(invalid.json()).toMatchObject({ code: 'VALIDATION', errors: [expect.objectContaining({ field: 'pageSize' })] });

    const refused = await t.call('POST', '/api/indicators', cadre, {
      name: '户数',
      source: { type: 'records', ledger: KEY, aggregate: 'count', timing: 'stock' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN', status: 403 });

    const values = { name: '户主甲', idcard: buildIdCard(1), members: 3 };
    const created = await t.ok('POST', RECORDS, cadre, { orgUnit: '430681105202', values }, 201);
    await t.ok('PATCH', `${RECORDS}/${created.id}`, cadre, { version: 1, values: { members: 4 } });
    const stale = await t.call('PATCH', `${RECORDS}/${created.id}`, cadre, { version: 1, values: { members: 5 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toMatch(/^application\/problem\+json/);
    // the conflict's current record rides along: problem documents are not held to the 200 schema
    expect(stale.json()).toMatchObject({ code: 'CONFLICT', current: { id: created.id, version: 2 } });
  });

  it('answer 500 rather than send a stored value outside the contract', async () => {
    await t.db.execute(sql`UPDATE ledgers SET kind = 'ad-hoc' WHERE key = ${KEY}`);
    const res = await t.call('GET', `/api/ledgers/${KEY}`, cadre);
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'INTERNAL' });
    expect(res.body).not.toContain('防返贫监测户');
  });
});
