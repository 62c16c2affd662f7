// Benchmark: rendering a report (issue 11) against the indicator engine asked for the same values directly, in the
// same run on the same data.
//   1. The demo township 川山坪镇 (demo/demo-township.ts, ~31,000 records) and its built-in half-year template
//      (≈150 figures): renderReport for 2022S1 as of 2022-06-30, against indicatorValues called once per unit with
//      the keys and periods the template's indicator placeholders name, and once per split (villages) for its top
//      lists and grids: the figures a report cannot do without.
//   2. The county of the indicators benchmark (bench/county-data.ts, 15 townships, BENCH_RECORDS records): a
//      template over its 20 indicators for the demo township — each for the report's period, last year and the
//      year, a growth phrase, the first and last three villages and a village grid — against the same direct calls.
// Every value figure of the rendered document is checked against the direct answer first; a difference stops it.
// Targets (issue 11): rendering takes no more than 1.5x its baseline, and under 1 s on PGlite for the demo township.
// Run: npx tsx bench/report-render.bench.ts
//   env: TEST_DATABASE_URL / DATABASE_URL, BENCH_BACKENDS (default "pglite,postgresql"), BENCH_REPS (default 7),
//        BENCH_RECORDS (county records, default 200,000; 0 skips the county)
// It is a measurement, not a test: it exits 0 whatever the figures, and 1 when the two answers differ.
process.env.LOG_LEVEL ??= 'warn';
import os from 'node:os';
import type { ReportDocument } from '../src/core/report-document.js';
import { parseTemplate } from '../src/core/report-template.js';
import { openDatabase, runMigrations, type Database } from '../src/server/db/connection.js';
import { SYSTEM_ACTOR } from '../src/server/modules/audit/audit.service.js';
import { indicatorValues } from '../src/server/modules/indicators/index.js';
import { renderReport } from '../src/server/modules/reports/index.js';
import { windowOf } from '../src/server/modules/reports/report-figures.js';
import { HALF_YEAR_TEMPLATE } from '../src/server/modules/reports/demo-template/half-year.js';
import type { ServiceContext } from '../src/server/http/context.js';
import { findUnit } from '../src/server/modules/org/index.js';
import { loadDemoTownship } from '../demo/demo-township.js';
import { buildCounty, insertRecords, countyRecords } from './county-data.js';
import { BENCH_KEYS, installBenchIndicators } from './county-indicators.js';
import { emitResult, median, timed, withScratchDatabase } from './bench-kit.js';
import { printMarkdownTable } from './markdown-table.js';

const TARGET_RATIO = 1.5;
const TARGET_PGLITE_MS = 1_000;
const REPS = Math.max(1, Number(process.env.BENCH_REPS ?? 7));
const RECORDS = Math.max(0, Number(process.env.BENCH_RECORDS ?? 200_000));
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'pglite,postgresql').split(',').map((b) => b.trim());
const baseUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DEMO = '430681105000';
const PERIOD = '2022S1';
const AS_OF = '2022-06-30';

/** A leader of the township, as the office renders it. */
async function leaderOf(database: Database, code: string): Promise<ServiceContext> {
  const township = (await findUnit(database.db, { code }))!;
  return {
    db: database.db,
    principal: { userId: 0, username: 'bench', grants: [{ role: 'leader', scopePaths: [township.path] }] },
    actor: SYSTEM_ACTOR,
    townshipId: township.id,
  };
}

/**
 * The direct calls: the units, keys and periods the rendered figures name (value and growth figures, a growth
 * also reading last year), grouped per unit as the renderer groups them, and the village split of the template's
 * top lists and grids.
 */
function directCalls(ctx: ServiceContext, body: string, document: ReportDocument) {
  const byUnit = new Map<string, { keys: Set<string>; windows: Set<string> }>();
  for (const block of document.blocks) {
    for (const run of block.type === 'table' ? [] : block.runs) {
      const s = run.figure?.source;
      if (!s || (s.kind !== 'value' && s.kind !== 'growth') || !s.orgUnit || !s.period) continue;
      const e = byUnit.get(s.orgUnit) ?? { keys: new Set<string>(), windows: new Set<string>() };
      e.keys.add(s.target);
      e.windows.add(s.period);
      if (s.kind === 'growth') e.windows.add(`LY:${s.period}`);
      byUnit.set(s.orgUnit, e);
    }
  }
  const split = { keys: new Set<string>(), windows: new Set<string>() };
  for (const p of parseTemplate(body).placeholders) {
    if (p.kind !== 'top' && !(p.kind === 'table' && p.target === 'grid')) continue;
    for (const key of p.kind === 'top' ? [p.target] : (p.options.keys ?? '').split(',')) split.keys.add(key);
    split.windows.add(windowOf(p.options.period, PERIOD));
  }
  return async () => {
    const answers = await Promise.all([
      ...[...byUnit].map(([unit, e]) => indicatorValues(ctx, { keys: [...e.keys], period: [...e.windows], asOf: AS_OF, orgUnit: unit })),
      ...(split.keys.size
        ? [indicatorValues(ctx, { keys: [...split.keys], period: [...split.windows], asOf: AS_OF, orgUnit: DEMO, by: 'village' })]
        : []),
    ]);
    return answers.flatMap((a) => a.items);
  };
}

interface Row {
  data: string;
  backend: string;
  figures: number;
  render: number;
  baseline: number;
}

async function measure(database: Database, data: string, backend: string, body: string): Promise<Row> {
  const ctx = await leaderOf(database, DEMO);
  const render = () => renderReport(ctx, { body, period: PERIOD, asOf: AS_OF });
  const rendered = await render();
  const direct = directCalls(ctx, body, rendered.document);
  // the check: every value figure equals the engine's answer for its key, unit and period
  const items = await direct();
  let figures = 0;
  for (const block of rendered.document.blocks) {
    const runs = block.type === 'table' ? block.rows.flat() : block.runs;
    for (const run of runs) {
      if (!run.figure) continue;
      figures++;
      const s = run.figure.source;
      if (s.kind !== 'value') continue;
      const item = items.find((i) => i.indicator === s.target && i.orgUnit === s.orgUnit && i.period === s.period);
      if (!item || item.value !== s.value) {
        console.error(`different: ${run.figure.placeholder} rendered ${s.value}, engine ${item?.value}`);
        process.exit(1);
      }
    }
  }
  const renderMs: number[] = [];
  const baselineMs: number[] = [];
  for (let i = 0; i < REPS; i++) {
    // alternate, so that neither side always runs on a warmer cache
    if (i % 2) {
      baselineMs.push((await timed(direct)).ms);
      renderMs.push((await timed(render)).ms);
    } else {
      renderMs.push((await timed(render)).ms);
      baselineMs.push((await timed(direct)).ms);
    }
  }
  return { data, backend, figures, render: median(renderMs), baseline: median(baselineMs) };
}

/** A template over the county benchmark's 20 indicators, for the demo township. */
function countyTemplate(): string {
  const lines = ['# {{township unit}}{{date period}}指标汇报', '## 一、主要指标'];
  for (const key of BENCH_KEYS) {
    lines.push(
      `${key}：本期{{value ${key}}}，上年同期{{value ${key} period=ly}}，全年{{value ${key} period=year sep}}，{{growth ${key}}}；靠前的是{{top ${key} n=3}}，靠后的是{{top ${key} n=3 order=worst}}。`,
    );
  }
  lines.push('## 二、分村情况', `{{table grid keys=${BENCH_KEYS.slice(0, 8).join(',')}}}`);
  return lines.join('\n');
}

async function onBackend(backend: string, url: string | undefined, rows: Row[]) {
  const demo = await openDatabase(url ? { url } : {});
  try {
    await runMigrations(demo);
    await loadDemoTownship(demo.db, { adminPassword: 'Bench-pass-2022', demoPassword: 'Bench-pass-2022' });
    rows.push(await measure(demo, '川山坪镇 演示数据', backend, HALF_YEAR_TEMPLATE.body));
  } finally {
    await demo.close();
  }
}

async function onCounty(backend: string, url: string | undefined, rows: Row[]) {
  if (!RECORDS) return;
  const database = await openDatabase(url ? { url } : {});
  try {
    await runMigrations(database);
    const county = await buildCounty(database);
    await installBenchIndicators(database, county);
    await insertRecords(database, countyRecords(county, backend === 'pglite' ? Math.min(RECORDS, 100_000) : RECORDS));
    rows.push(await measure(database, `县级数据集（${county.villages}个村）`, backend, countyTemplate()));
  } finally {
    await database.close();
  }
}

async function main() {
  console.log(
    `report render benchmark — ${os.cpus().length} CPUs, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, reps ${REPS}`,
  );
  const rows: Row[] = [];
  for (const backend of BACKENDS) {
    if (backend === 'pglite') {
      await onBackend(backend, undefined, rows);
      await onCounty(backend, undefined, rows);
    } else {
      await withScratchDatabase(baseUrl, 'zw_bench_report', (url) => onBackend(backend, url, rows));
      await withScratchDatabase(baseUrl, 'zw_bench_report_county', (url) => onCounty(backend, url, rows));
    }
  }
  printMarkdownTable(
    ['data', 'backend', 'figures', 'render (ms)', 'baseline (ms)', 'ratio', 'target'],
    rows.map((r) => {
      const ratio = r.render / r.baseline;
      const ok = ratio <= TARGET_RATIO && (r.backend !== 'pglite' || !r.data.startsWith('川山坪') || r.render < TARGET_PGLITE_MS);
      emitResult({
        bench: 'report-render',
        case: `${r.backend}, ${r.data}`,
        figure: r.render,
        unit: 'ms',
        baseline: r.baseline,
        ratio,
        target: `<= ${TARGET_RATIO}x`,
        pass: ok,
      });
      return [r.data, r.backend, String(r.figures), r.render.toFixed(1), r.baseline.toFixed(1), `${ratio.toFixed(2)}x`, ok ? 'met' : 'MISSED'];
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
