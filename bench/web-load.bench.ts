// Web (issue 12): the JavaScript and CSS a first visit loads — the login page, and the 工作台 (home) of a signed-in
// leader — summed over the requests headless Chromium makes (bytes gzip-compressed here, level 9, as the build
// reports them; the wire bytes are printed too), and the time from opening the 工作台 to its first figure.
// Each visit starts with an empty cache. The server is `bin/zhenwu.mjs start` on PGlite with the demo township,
// serving dist/web: build it first (`npx vite build`), or pass --build.
// Target: the login page loads <= 300 KB of JS and CSS (gzip).
//
//   npx vite build && npx tsx bench/web-load.bench.ts
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { emitResult, median } from './bench-kit.js';
import { BENCH_PASSWORD, prepareDemoDatabase, startZhenwu } from './bench-server.js';
import { printMarkdownTable } from './markdown-table.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const REPS = Math.max(1, Number(process.env.BENCH_REPS ?? 5));
const LOGIN_BUDGET_KB = 300;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Asset {
  url: string;
  kind: 'js' | 'css';
  bytes: number;
  gzip: number;
  wire: number;
}

/** Records every JS and CSS response of a page: raw size, gzip-9 size and the bytes on the wire. */
function recordAssets(page: Page): Asset[] {
  const assets: Asset[] = [];
  page.on('response', async (response) => {
    const url = response.url();
    const kind = /\.js(\?|$)/.test(url) ? 'js' : /\.css(\?|$)/.test(url) ? 'css' : null;
    if (!kind) return;
    try {
      const body = await response.body();
      const sizes = await response.request().sizes();
      assets.push({ url, kind, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length, wire: sizes.responseBodySize });
    } catch {
      // a response whose body went away with a navigation
    }
  });
  return assets;
}

const sum = (assets: Asset[], pick: (a: Asset) => number) => assets.reduce((n, a) => n + pick(a), 0);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

interface Visit {
  assets: Asset[];
  firstFigureMs?: number;
}

async function loginVisit(browser: Browser, url: string): Promise<Visit> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const assets = recordAssets(page);
  await page.goto(`${url}/login`);
  await page.getByLabel('用户名').waitFor();
  await page.waitForLoadState('networkidle');
  await context.close();
  return { assets };
}

/** A leader, already signed in (session cookie), opens the 工作台 with an empty cache. */
async function homeVisit(browser: Browser, url: string): Promise<Visit> {
  const context = await browser.newContext();
  const login = await context.request.post(`${url}/api/auth/login`, { data: { username: 'bench-leader-01', password: BENCH_PASSWORD } });
  if (!login.ok()) throw new Error(`login answered ${login.status()}`);
  const page = await context.newPage();
  const assets = recordAssets(page);
  const start = Date.now();
  await page.goto(`${url}/`);
  // the first key-indicator card showing a number (DashboardParts.tsx IndicatorCards)
  await page.waitForFunction(
    () => [...document.querySelectorAll('.ant-card div[style*="font-size: 20px"]')].some((e) => /\d/.test(e.textContent ?? '')),
    null,
    { timeout: 60_000 },
  );
  const firstFigureMs = Date.now() - start;
  await page.waitForLoadState('networkidle');
  await context.close();
  return { assets, firstFigureMs };
}

function printAssets(name: string, assets: Asset[]): void {
  console.log(`\n${name}: ${assets.length} JS/CSS files`);
  printMarkdownTable(
    ['file', 'kind', 'KB', 'gzip KB', 'wire KB'],
    [...assets].sort((a, b) => b.gzip - a.gzip).map((a) => [new URL(a.url).pathname, a.kind, kb(a.bytes), kb(a.gzip), kb(a.wire)]),
  );
}

async function main(): Promise<void> {
  if (process.argv.includes('--build')) {
    const build = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (build.status !== 0) throw new Error('the web build failed');
  }
  if (!fs.existsSync(path.join(root, 'dist/web/index.html'))) throw new Error('dist/web is missing: run `npx vite build` first (or pass --build)');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install -y chromium fonts-noto-cjk)`);
  const built = fs.statSync(path.join(root, 'dist/web/index.html')).mtime.toISOString();
  console.log(
    `Web: first visits in headless Chromium, empty cache; dist/web built ${built}; ${REPS} home visits; load average ${os.loadavg()[0].toFixed(2)}`,
  );

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zw-bench-web-'));
  const target = { backend: 'pglite' as const, dataDir };
  await prepareDemoDatabase(target, 1);
  const server = await startZhenwu(target);
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const login = await loginVisit(browser, server.url);
    const homes: Visit[] = [];
    for (let i = 0; i < REPS; i++) homes.push(await homeVisit(browser, server.url));
    printAssets('Login page', login.assets);
    printAssets('工作台 (home), first visit', homes[0].assets);

    const rows = [
      { name: 'login page', visit: login },
      { name: '工作台', visit: homes[0] },
    ].map(({ name, visit }) => {
      const js = visit.assets.filter((a) => a.kind === 'js');
      const css = visit.assets.filter((a) => a.kind === 'css');
      return [
        name,
        String(visit.assets.length),
        kb(sum(js, (a) => a.gzip)),
        kb(sum(css, (a) => a.gzip)),
        kb(sum(visit.assets, (a) => a.gzip)),
        kb(sum(visit.assets, (a) => a.wire)),
      ];
    });
    printMarkdownTable(['page', 'files', 'JS gzip KB', 'CSS gzip KB', 'total gzip KB', 'wire KB'], rows);
    const firstFigure = median(homes.map((h) => h.firstFigureMs!));
    console.log(`工作台 first figure (ms): median ${firstFigure.toFixed(0)}; samples ${homes.map((h) => h.firstFigureMs).join(', ')}`);

    const loginKb = sum(login.assets, (a) => a.gzip) / 1024;
    emitResult({
      bench: 'web-load',
      case: 'login page JS+CSS gzip (baseline: the budget)',
      figure: loginKb,
      unit: 'KB',
      baseline: LOGIN_BUDGET_KB,
      ratio: loginKb / LOGIN_BUDGET_KB,
      target: `<= ${LOGIN_BUDGET_KB} KB`,
      pass: loginKb <= LOGIN_BUDGET_KB,
    });
    emitResult({ bench: 'web-load', case: '工作台 first visit JS+CSS gzip', figure: sum(homes[0].assets, (a) => a.gzip) / 1024, unit: 'KB' });
    emitResult({ bench: 'web-load', case: '工作台 time to first figure (median)', figure: firstFigure, unit: 'ms' });
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
