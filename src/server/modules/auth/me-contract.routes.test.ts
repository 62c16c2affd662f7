// The contract of /api/me (core/contracts/auth.ts) is enforced: OpenAPI publishes it, the answer carries exactly
// the abilities of core/abilities.ts, a key the contract does not name never leaves the server, and refusals stay
// problem+json beside the declared schemas. Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { ABILITIES } from '../../../core/abilities.js';
import { me } from '../../../core/contracts/auth.js';
import { problemHandler } from '../../http/problem.js';
import { buildTestApp, type TestApp } from '../../testing/test-app.js';
import { buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';

let t: TestApp;
let cadre: string;

beforeAll(async () => {
  t = await buildTestApp();
  const township = await buildTownship(t.system);
  await buildUser(t.system, 'cun201', [{ role: 'village_cadre', orgUnitCode: township.villageCodes[0] }]);
  cadre = await t.login('cun201', TEST_PASSWORD);
});
afterAll(() => t.close());

describe('the /api/me contract', () => {
  it('is published in OpenAPI with every ability', async () => {
    interface JsonSchema {
      required?: string[];
      properties?: Record<string, JsonSchema>;
    }
    const doc = (await t.ok('GET', '/api/openapi.json', '')) as {
      paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: JsonSchema }> }> }>>;
    };
    const answer = (path: string) => doc.paths[path].get.responses['200'].content['application/json'].schema;
    expect(answer('/api/me').required).toEqual(expect.arrayContaining(['id', 'username', 'township', 'roles', 'abilities']));
    expect(Object.keys(answer('/api/me').properties!.abilities.properties!).sort()).toEqual([...ABILITIES].sort());
    expect(answer('/api/org-units/{code}').properties).toHaveProperty('ancestors');
  });

  it('answers exactly the abilities of core/abilities.ts', async () => {
    const answer = await t.ok('GET', '/api/me', cadre);
    expect(Object.keys(answer.abilities).sort()).toEqual([...ABILITIES].sort());
    expect(answer.abilities).toMatchObject({ ledgerWrite: true, usersManage: false });
  });

  it('keeps refusals and invalid input as problem+json', async () => {
    const refused = await t.call('GET', '/api/users', cadre);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN', status: 403 });

    const invalid = await t.call('POST', '/api/org-units', cadre, { parentCode: '', name: '' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(invalid.json().errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['parentCode', 'name']));
  });
});

describe('a response schema', () => {
  const answer = {
    id: 1,
    username: 'cun201',
    displayName: '村干部',
    mustChangePassword: false,
    township: null,
    roles: [],
    abilities: Object.fromEntries(ABILITIES.map((a) => [a, false])),
    twoFactor: { enabled: false, required: false },
  };
  async function serving(body: unknown) {
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    app.setErrorHandler(problemHandler);
    app.get('/me', { schema: { response: { 200: me } } }, async () => body);
    return app.inject({ method: 'GET', url: '/me' });
  }

  it('drops keys the contract does not name', async () => {
    const res = await serving({ ...answer, passwordHash: '$argon2id$…', abilities: { ...answer.abilities, secret: true } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(answer);
  });

  it('turns an answer that breaks the contract into a 500 problem', async () => {
    const res = await serving({ ...answer, township: { code: '430681105000' } });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'INTERNAL' });
  });
});
