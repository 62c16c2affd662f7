// Route-level authorisation matrix: every route the app registers, asked by every kind of user for targets in
// and out of his scope, answers as authorization-matrix.ts says. A route without an entry fails here, so a new
// route enters the matrix the day it is written. Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL; the
// last test writes the matrix's counts to docs/security.md. ZW_MATRIX_LOG=<file> appends every cell's answer to
// the file (route, case, principal, status, outcome, start of the body), for whoever fixes a red cell.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MATRIX, matrixCounts, outcomeOf, PRINCIPALS, type Outcome, type Principal } from './authorization-matrix.js';
import { HOUSEHOLDS, buildWorld, type World } from '../testing/authorization-world.js';
import { buildProbes, type Probes } from '../testing/authorization-probes.js';
import { listRoutes } from '../testing/route-list.js';
import { readSheet, testBackend } from '../testing/test-app.js';

let w: World;
let probes: Probes;

beforeAll(async () => {
  w = await buildWorld();
  probes = buildProbes(w);
}, 300_000);
afterAll(() => w?.t.close());

/** What a refusal inside an answer says: outside the user's scope, or not of his township. */
const REFUSAL = /无权|超出您的管理范围|不属于本镇|不是本镇/;

/** The outcome an answer shows, or its status when it is none of them. */
function observed(res: LightMyRequestResponse): Outcome | string {
  const { statusCode: status, body } = res;
  if (status === 401) return 'unauth';
  if (status === 403) return 'deny';
  // a path that matches no route is a 404 too: that is a broken probe, not a hidden target
  if (status === 404) return body.includes('请求的地址不存在') ? 'no-such-route' : 'hidden';
  if (status === 400) return REFUSAL.test(body) ? 'refused' : 'invalid';
  if (status === 413 || status === 415) return 'invalid';
  if (status >= 200 && status < 300) {
    // an import answers 200 with its rows checked: refused rows make it a refusal, not a success
    const errorRows =
      res.headers['content-type']?.toString().includes('json') && body ? (JSON.parse(body) as { errorRows?: number }).errorRows : undefined;
    if (errorRows) return REFUSAL.test(body) ? 'refused' : `${status}-with-bad-rows`;
    return 'ok';
  }
  return String(status);
}

const patternOf = (path: string) => new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/:[a-zA-Z]+/g, '[^/]+')}$`);

/** Runs one cell; answers what went wrong, or null. */
async function cell(route: string, caseName: string, principal: Principal): Promise<string | null> {
  const [method, path] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', string];
  const expected = outcomeOf(MATRIX[route][caseName], principal);
  const where = `${principal} / ${caseName}`;
  let request;
  try {
    request = await probes[route][caseName](principal);
  } catch (error) {
    return `${where}: preparing the request failed: ${(error as Error).message}`;
  }
  if (!patternOf(path).test(request.url.split('?')[0])) return `${where}: the probe asks ${request.url}, not ${path}`;
  const cookie = request.cookie ?? w.cookies[principal];
  const res = await w.t.app.inject({
    method,
    url: request.url,
    headers: { ...(cookie ? { cookie } : {}), ...request.raw?.headers },
    ...(request.raw ? { payload: request.raw.payload } : request.payload ? { payload: request.payload } : {}),
  });
  await request.after?.(res.statusCode);
  const got = observed(res);
  if (process.env.ZW_MATRIX_LOG)
    fs.appendFileSync(
      process.env.ZW_MATRIX_LOG,
      `${route}\t${caseName}\t${principal}\t${res.statusCode}\t${got}\t${res.body.slice(0, 150).replace(/\s+/g, ' ')}\n`,
    );
  return got === expected ? null : `${where}: expected ${expected}, got ${got.split(' ')[0]} (${res.statusCode} ${res.body.slice(0, 200)})`;
}

describe('the route inventory', () => {
  it('has a matrix entry for every route the app registers, and none for a route that is gone', () => {
    const routes = listRoutes(w.t.app);
    const problems = [
      ...routes.filter((r) => !(r in MATRIX)).map((r) => `new route without a matrix entry: ${r}`),
      ...Object.keys(MATRIX)
        .filter((r) => !routes.includes(r))
        .map((r) => `matrix entry for a route that no longer exists: ${r}`),
      ...Object.entries(MATRIX).flatMap(([route, cases]) =>
        Object.keys(cases)
          .filter((c) => !probes[route]?.[c])
          .map((c) => `matrix case without a request to send: ${route} — ${c}`),
      ),
      ...Object.entries(probes).flatMap(([route, cases]) =>
        Object.keys(cases)
          .filter((c) => !MATRIX[route]?.[c])
          .map((c) => `request without a matrix case: ${route} — ${c}`),
      ),
    ];
    expect(problems).toEqual([]);
  });
});

// Lists, exports and the log answer 200 to every reader: what must differ is what they show. Each answer names
// exactly the markers of the principal's scope. Checked before the matrix's writes fill the log.
const { g1, v3, b } = HOUSEHOLDS;
const LOCAL = {
  leader: [g1, v3],
  line_lead: [g1, v3],
  viewer: [g1, v3],
  group_leader: [g1],
  village_cadre: [g1],
  grid_worker: [g1],
  other_leader: [b],
};
const LOGGED = { admin: [g1, v3, b], village_admin: [g1], leader: [g1, v3], other_leader: [b] };
const SHOWN: { url: string; sheet?: string; markers: string[]; sees: Partial<Record<Principal, string[]>> }[] = [
  { url: '/api/ledgers/households/records?pageSize=200', markers: [g1, v3, b], sees: LOCAL },
  { url: '/api/ledgers/households/records.xlsx', sheet: '防返贫监测户', markers: [g1, v3, b], sees: LOCAL },
  { url: '/api/audit?action=ledger_record.create&pageSize=200', markers: [g1, v3, b], sees: LOGGED },
  { url: '/api/audit/export?action=ledger_record.create', sheet: '审计日志', markers: [g1, v3, b], sees: LOGGED },
  { url: '/api/users?pageSize=200', markers: ['target201', 'target203'], sees: { admin: ['target201', 'target203'], village_admin: ['target201'] } },
  {
    url: `/api/org-units/search?q=${encodeURIComponent('村')}`,
    markers: ['川山村', '燕塘村', '桥坪村', '白水村'],
    sees: {
      admin: ['川山村', '燕塘村', '桥坪村', '白水村'],
      village_admin: ['川山村'],
      leader: ['川山村', '燕塘村', '桥坪村'],
      line_lead: ['川山村', '燕塘村', '桥坪村'],
      viewer: ['川山村', '燕塘村', '桥坪村'],
      group_leader: ['川山村', '燕塘村'],
      village_cadre: ['川山村'],
      other_leader: ['白水村'],
    },
  },
];

describe('what lists, exports and the log show', () => {
  for (const { url, sheet, markers, sees } of SHOWN) {
    it(url.split('?')[0] + (sheet ? ' (sheet)' : ''), async () => {
      const wrong: string[] = [];
      for (const [principal, expected] of Object.entries(sees) as [Principal, string[]][]) {
        const res = await w.t.app.inject({ method: 'GET', url, headers: { cookie: w.cookies[principal] } });
        if (res.statusCode !== 200) {
          wrong.push(`${principal}: ${res.statusCode} ${res.body.slice(0, 160)}`);
          continue;
        }
        const text = sheet ? JSON.stringify(await readSheet(res.rawPayload, sheet)) : res.body;
        const shown = markers.filter((m) => text.includes(m));
        if (shown.join() !== expected.join())
          wrong.push(`${principal}: shows ${shown.join('、') || 'nothing'}, should show ${expected.join('、') || 'nothing'}`);
      }
      expect(wrong).toEqual([]);
    });
  }
});

describe('the authorisation matrix', () => {
  for (const [route, cases] of Object.entries(MATRIX)) {
    it(route, async () => {
      const wrong: string[] = [];
      for (const caseName of Object.keys(cases)) {
        if (!probes[route]?.[caseName]) continue; // reported by the inventory
        for (const principal of PRINCIPALS) {
          const problem = await cell(route, caseName, principal);
          if (problem) wrong.push(problem);
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});

/** The text with its section under the heading replaced (up to the next heading of its level or above), or appended. */
function withSection(text: string, heading: string, section: string): string {
  const start = text.indexOf(`${heading}\n`);
  if (start < 0) return `${text.replace(/\n*$/, '')}\n\n${section}`;
  const rest = text.slice(start + heading.length);
  const next = rest.search(/\n#{1,2} /);
  return text.slice(0, start) + section + (next < 0 ? '' : `\n${rest.slice(next + 1)}`);
}

describe('docs/security.md', () => {
  const HEADING = '## Authorisation matrix (generated by the test)';

  it('replaces its own section and leaves the others', () => {
    const section = `${HEADING}\n\nnew\n`;
    expect(withSection('# T\n\n## A\n\ntext\n', HEADING, section)).toBe(`# T\n\n## A\n\ntext\n\n${section}`);
    expect(withSection(`# T\n\n${HEADING}\n\nold\n### sub\nold\n\n## B\nb\n`, HEADING, section)).toBe(`# T\n\n${section}\n## B\nb\n`);
    expect(withSection(`# T\n\n${HEADING}\n\nold\n`, HEADING, section)).toBe(`# T\n\n${section}`);
  });

  // Written once per run (by the PGlite project, which always runs), in one rename: never half a file.
  it.skipIf(testBackend() !== 'pglite')('holds the matrix counts', () => {
    const counts = matrixCounts();
    const section = [
      HEADING,
      '',
      'Written by `src/server/http/authorization-matrix.routes.test.ts` on every run; do not edit by hand. The test asks every',
      "route the app registers, as each kind of user, for targets inside and outside the user's scope (his village, another",
      "village, another township's ids), and compares each answer with the table in `src/server/http/authorization-matrix.ts`.",
      'A route missing from the table, or an entry for a route that is gone, fails the suite.',
      '',
      '| routes | cases | principals | cells | allowed | denied |',
      '|---|---|---|---|---|---|',
      `| ${counts.routes} | ${counts.cases} | ${counts.principals} | ${counts.cells} | ${counts.allowed} | ${counts.denied} |`,
      '',
      `Allowed cells: ${counts.byOutcome.ok} answered 2xx, ${counts.byOutcome.invalid} refused a bad file after the access check let the user through.`,
      `Denied cells: ${counts.byOutcome.deny} refused with 403, ${counts.byOutcome.hidden} answered 404 (another township's id, another user's import),`,
      `${counts.byOutcome.refused} refused in the answer (a batch row outside the scope), ${counts.byOutcome.unauth} answered 401 (no session).`,
      `Principals: ${PRINCIPALS.join(', ')}. Besides, ${SHOWN.length} lists, exports and the audit log are checked to show each`,
      'reader exactly the households, units and users of his scope.',
      '',
    ].join('\n');
    console.log(
      `authorisation matrix: ${counts.routes} routes, ${counts.principals} principals, ${counts.cells} cells, ${counts.allowed} allowed, ${counts.denied} denied`,
    );
    const file = fileURLToPath(new URL('../../../docs/security.md', import.meta.url));
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    const updated = withSection(text, HEADING, section);
    if (updated !== text) {
      fs.writeFileSync(`${file}.tmp`, updated);
      fs.renameSync(`${file}.tmp`, file);
    }
    expect(fs.readFileSync(file, 'utf8')).toContain(section);
  });
});
