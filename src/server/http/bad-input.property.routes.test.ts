// Property-based bad input against every route the app registers (issue 12, security suite item 2). Each route is
// asked as a principal the authorisation matrix lets through (the township leader where he may), starting from the
// matrix's own realistic request, with one thing made hostile: a path parameter, a query, filter (`f.<field>`) or
// sort parameter, one field of the body, an unknown field, a whole arbitrary JSON body, or a raw body no JSON parser
// should trust. Properties: the answer is 2xx or 4xx, never 5xx; every 4xx is problem+json with a Chinese detail;
// after a 4xx the database holds exactly what it held before (a checksum of every table); afterwards every list
// and export still answers, and every .xlsx opens. Seeded and bounded: the same requests on every run, on PGlite and,
// with TEST_DATABASE_URL, on PostgreSQL. ZW_BAD_INPUT_RUNS=<n> asks more of each route.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/connection.js';
import { MATRIX, outcomeOf, type Principal } from './authorization-matrix.js';
import { buildWorld, type World } from '../testing/authorization-world.js';
import { buildProbes, type ProbeRequest, type Probes } from '../testing/authorization-probes.js';
import { listRoutes } from '../testing/route-list.js';
import { testBackend } from '../testing/test-app.js';

let w: World;
let probes: Probes;
let routes: string[];

let worldSeconds = 0;
let started = 0;
beforeAll(async () => {
  const start = Date.now();
  w = await buildWorld();
  probes = buildProbes(w);
  routes = listRoutes(w.t.app);
  worldSeconds = (Date.now() - start) / 1000;
  started = Date.now();
}, 300_000);
afterAll(() => w?.t.close());

/** Runs per route: small, so that 146 routes stay under a minute per database; the seed makes them the same each run. */
const RUNS = Number(process.env.ZW_BAD_INPUT_RUNS ?? 3);
const SEED = 20261203;

// Tables a refused request may legitimately write, left out of the checksum:
const VOLATILE = {
  // every authenticated request may move its session's last_seen_at (at most once a minute), whatever the answer
  sessions: 'last_seen_at moves on any request',
  // a refused login counts against the username typed (brute-force lock): 401 by design
  login_throttle: 'failed logins are counted',
  // append-only; a refused login is recorded as login.failed. Checked separately: no other entry after a 4xx
  audit_log: 'failed logins are audited (checked apart)',
};

/** md5 of every row of every table of the public schema but the volatile ones, by table. */
async function checksum(): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(
    w.t.db,
    sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const parts = tables
    .map((t) => t.name)
    .filter((name) => !(name in VOLATILE))
    .map((name) => `SELECT '${name}' AS name, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS sum FROM "${name}" x`);
  const rows = await queryRows<{ name: string; sum: string }>(w.t.db, sql.raw(parts.join(' UNION ALL ')));
  return Object.fromEntries(rows.map((r) => [r.name, r.sum]));
}
const lastAuditId = async () => (await queryRows<{ id: number | null }>(w.t.db, sql`SELECT max(id)::int AS id FROM audit_log`))[0].id ?? 0;
const auditSince = async (id: number) =>
  (await queryRows<{ action: string }>(w.t.db, sql`SELECT action FROM audit_log WHERE id > ${id} ORDER BY id`)).map((r) => r.action);

// ---- hostile values -------------------------------------------------------------------------------------------

const SQL_TEXT = ["'; drop table users; --", "' OR '1'='1", '%', '_', '\\', '%_\\', '"', '$1', '--', '/*', "\\'", 'NULL', '*'];
const BAD_TEXT = ['a\u0000b', '\u0000', 'a\uD800', '\uDC00b', '\uFFFE', '\uFFFF', 'a\u0007', '\u202Eevil', '\uFEFF', ''];
const ODD_TEXT = [' ', '\t\n', '𠮷野家', 'é', '__proto__', 'constructor', '../../etc/passwd', '<img src=x onerror=alert(1)>', 'x'.repeat(5000)];
const NUMBER_TEXT = ['1e308', '-1e308', '1e309', '-0', 'NaN', 'Infinity', '-Infinity', '0x1F', '9'.repeat(40), '-1', '0', '1.5', '2147483648'];
const RANGE_TEXT = ['..', '5..1', '1e308..', '..-0', 'NaN..NaN', 'a..b', '1..2..3', '2024-12-31..2024-01-01', ' .. '];
const DATE_TEXT = ['2024-02-30', '0000-00-00', '9999-99-99', '2024-13-01', '20241301', '2024'];
const TEXTS = [...SQL_TEXT, ...BAD_TEXT, ...ODD_TEXT, ...NUMBER_TEXT, ...RANGE_TEXT, ...DATE_TEXT];

const hostileText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TEXTS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: 'binary' }) },
);
const hostileNumber = fc.constantFrom(1e308, -1e308, -0, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53 + 2, -1, 0.5, 2 ** 31, 2 ** 63);
const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileText },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { '': 1 }, 'x'.repeat(200_000)) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);
/** Bodies no parser should trust: broken JSON, numbers JSON.parse turns into Infinity, deep nesting, prototype keys. */
const RAW_BODIES = [
  '{',
  '{"a":1e999}',
  '[1e999, -1e999]',
  '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}',
  '['.repeat(5000) + ']'.repeat(5000),
  'null',
  '""',
  '"\\u0000"',
  '{"a":"\\ud800"}',
  '\u0000',
  '{"a":1,"a":2}',
];

// ---- mutations of the matrix's request ---------------------------------------------------------------------------

type Mutation =
  | { kind: 'path'; index: number; value: string }
  | { kind: 'query'; name: string; value: string }
  | { kind: 'bodyField'; index: number; value: unknown }
  | { kind: 'bodyUnknown'; name: string; value: unknown }
  | { kind: 'bodyWhole'; value: unknown }
  | { kind: 'raw'; body: string };

/** Parameters the app's routes read, filters of the households ledger and names no route knows. */
const QUERY_NAMES = [
  'q',
  'sort',
  'order',
  'page',
  'pageSize',
  'period',
  'orgUnit',
  'parent',
  'township',
  'from',
  'to',
  'asOf',
  'deleted',
  'format',
  'keys',
  'action',
  'year',
  'status',
  'f.name',
  'f.idcard',
  'f.phone',
  'f.members',
  'f.category',
  'f.photos',
  'f.',
  'f.__proto__',
  'f.nope',
  'unknown',
  '__proto__',
];
const SORT_VALUES = ['name', 'idcard', 'members', 'nope', '__proto__', 'values', "name'; --", 'name,id', '-name'];

function mutations(method: string, path: string): fc.Arbitrary<Mutation> {
  const params = path.split('/').flatMap((segment, index) => (segment.startsWith(':') ? [index] : []));
  const options: fc.Arbitrary<Mutation>[] = [
    fc.record({
      kind: fc.constant('query' as const),
      name: fc.constantFrom(...QUERY_NAMES),
      value: fc.oneof(hostileText, fc.constantFrom(...SORT_VALUES)),
    }),
  ];
  if (params.length) options.push(fc.record({ kind: fc.constant('path' as const), index: fc.constantFrom(...params), value: hostileText }));
  if (method !== 'GET' && method !== 'DELETE') {
    options.push(
      fc.record({ kind: fc.constant('bodyWhole' as const), value: fc.jsonValue({ maxDepth: 3 }) }),
      fc.record({ kind: fc.constant('raw' as const), body: fc.constantFrom(...RAW_BODIES) }),
      fc.record({
        kind: fc.constant('bodyUnknown' as const),
        name: fc.constantFrom('unknown', '__proto__', 'id', 'townshipId', 'version', ''),
        value: hostileJson,
      }),
    );
    // one field of the matrix's body made hostile (an upload or a body-less request gets it as an unknown field)
    options.push(fc.record({ kind: fc.constant('bodyField' as const), index: fc.nat(), value: hostileJson }));
  }
  return fc.oneof(...options);
}

/** Percent-encodes text for a URL; a lone surrogate becomes the bytes of its (invalid) UTF-8 form. */
function encode(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    out +=
      char.length === 1 && code >= 0xd800 && code <= 0xdfff
        ? `%ED%${(0xa0 + ((code >> 6) & 0x1f)).toString(16).toUpperCase()}%80`
        : encodeURIComponent(char);
  }
  return out;
}

/** Every (dotted) path to a leaf of a JSON body, objects and arrays alike. */
function leaves(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
    const inner = entries.flatMap(([k, v]) => leaves(v, [...prefix, k]));
    return prefix.length ? [prefix, ...inner] : inner;
  }
  return prefix.length ? [prefix] : [];
}
function replaced(body: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}

interface Request {
  method: string;
  url: string;
  payload?: string | object | Buffer;
  headers: Record<string, string>;
}
/** The matrix's request with the mutation applied; a description to name it in a failure. */
function apply(method: string, base: ProbeRequest, m: Mutation): Request {
  const [pathPart, query = ''] = base.url.split('?');
  const headers: Record<string, string> = { ...base.raw?.headers };
  let url = base.url;
  let payload: Request['payload'] = base.raw ? base.raw.payload : base.payload;
  switch (m.kind) {
    case 'path': {
      const segments = pathPart.split('/');
      segments[m.index] = encode(m.value);
      url = segments.join('/') + (query ? `?${query}` : '');
      break;
    }
    case 'query': {
      const kept = query.split('&').filter((p) => p && p.split('=')[0] !== m.name);
      url = `${pathPart}?${[...kept, `${m.name}=${encode(m.value)}`].join('&')}`;
      break;
    }
    case 'bodyField': {
      const paths = leaves(base.payload);
      payload = paths.length ? (replaced(base.payload, paths[m.index % paths.length], m.value) as object) : { unknown: m.value };
      break;
    }
    case 'bodyUnknown':
      payload = { ...(base.payload ?? {}), [m.name]: m.value };
      break;
    case 'bodyWhole':
      payload = JSON.stringify(m.value);
      headers['content-type'] = 'application/json';
      break;
    case 'raw':
      payload = m.body;
      headers['content-type'] = 'application/json';
      break;
  }
  return { method, url, payload, headers };
}

/** The principal and case each route is asked as: the leader where the matrix lets him through, else the first who may. */
const PREFERRED: Principal[] = [
  'leader',
  'admin',
  'village_admin',
  'line_lead',
  'village_cadre',
  'viewer',
  'group_leader',
  'grid_worker',
  'other_leader',
  'anonymous',
];
function askedAs(route: string): { caseName: string; principal: Principal } {
  // through the access check to the handler (ok), else at least to the file check (invalid), else the leader: a
  // route nobody may use (a step-up the suite cannot give) must still refuse hostile input without a 5xx
  for (const outcome of ['ok', 'invalid'])
    for (const principal of PREFERRED)
      for (const [caseName, spec] of Object.entries(MATRIX[route]))
        if (outcomeOf(spec, principal) === outcome && probes[route]?.[caseName]) return { caseName, principal };
  return { caseName: Object.keys(MATRIX[route])[0], principal: 'leader' };
}

const HAN = /[\u4e00-\u9fff]/;

/** What is wrong with an answer to a hostile request, or null. */
function wrongAnswer(res: LightMyRequestResponse): string | null {
  if (res.statusCode >= 500) return `answered ${res.statusCode}: ${res.body.slice(0, 300)}`;
  if (res.statusCode < 200 || res.statusCode >= 500) return `answered ${res.statusCode}`;
  if (res.statusCode < 400) return null;
  if (!String(res.headers['content-type']).includes('application/problem+json'))
    return `${res.statusCode} as ${res.headers['content-type']}, not problem+json: ${res.body.slice(0, 200)}`;
  const problem = res.json() as { title?: string; detail?: string };
  if (!HAN.test(problem.detail ?? '') || !HAN.test(problem.title ?? ''))
    return `${res.statusCode} without a Chinese title and detail: ${res.body.slice(0, 200)}`;
  return null;
}

const counts = { requests: 0, accepted: 0, refused: 0 };

describe('hostile input on every route', () => {
  it('covers every route the app registers', () => {
    expect(routes.filter((r) => !MATRIX[r] || !probes[r])).toEqual([]);
    expect(routes.length).toBeGreaterThan(100);
  });

  for (const route of Object.keys(MATRIX)) {
    it(route, async () => {
      const [method, path] = route.split(' ');
      const { caseName, principal } = askedAs(route);
      const probe = probes[route][caseName];
      await fc.assert(
        fc.asyncProperty(mutations(method, path), async (mutation) => {
          const base = await probe(principal);
          const request = apply(method, base, mutation);
          const cookie = base.cookie ?? w.cookies[principal];
          const before = await checksum();
          const auditBefore = await lastAuditId();
          const res = await w.t.app.inject({
            method: request.method as 'GET',
            url: request.url,
            headers: { ...(cookie ? { cookie } : {}), ...request.headers },
            ...(request.payload === undefined ? {} : { payload: request.payload }),
          });
          counts.requests++;
          const where = `${method} ${request.url.slice(0, 200)} ${typeof request.payload === 'string' ? request.payload.slice(0, 100) : Buffer.isBuffer(request.payload) ? '<file>' : JSON.stringify(request.payload)?.slice(0, 200)}`;
          const wrong = wrongAnswer(res);
          if (wrong) throw new Error(`${where}: ${wrong}`);
          if (res.statusCode >= 400) {
            counts.refused++;
            const after = await checksum();
            const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
            if (changed.length) throw new Error(`${where}: answered ${res.statusCode} but changed ${changed.join(', ')}`);
            const logged = (await auditSince(auditBefore)).filter((action) => action !== 'login.failed');
            if (logged.length) throw new Error(`${where}: answered ${res.statusCode} but audited ${logged.join(', ')}`);
          } else counts.accepted++;
          await base.after?.(res.statusCode);
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    });
  }
});

const SPREADSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('what the hostile requests left behind', () => {
  it('is listed and exported by every read route, and every .xlsx opens', async () => {
    const wrong: string[] = [];
    let workbooks = 0;
    for (const route of Object.keys(MATRIX).filter((r) => r.startsWith('GET '))) {
      const { caseName, principal } = askedAs(route);
      if (outcomeOf(MATRIX[route][caseName], principal) !== 'ok') continue; // nobody reads it here
      const request = await probes[route][caseName](principal);
      const res = await w.t.app.inject({ method: 'GET', url: request.url, headers: { cookie: request.cookie ?? w.cookies[principal] } });
      if (res.statusCode >= 300) {
        wrong.push(`${route}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        continue;
      }
      if (String(res.headers['content-type']).includes(SPREADSHEET)) {
        const workbook = new ExcelJS.Workbook();
        try {
          await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
          workbooks++;
          if (!workbook.worksheets.length) wrong.push(`${route}: a workbook without sheets`);
        } catch (error) {
          wrong.push(`${route}: the .xlsx does not open: ${(error as Error).message}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(workbooks).toBeGreaterThan(5);
    console.log(
      `bad input (${testBackend()}): ${Object.keys(MATRIX).length} routes, ${counts.requests} hostile requests (${counts.accepted} accepted, ${counts.refused} refused), ${workbooks} exports opened, ${((Date.now() - started) / 1000).toFixed(1)} s (the world: ${worldSeconds.toFixed(1)} s)`,
    );
  });
});
