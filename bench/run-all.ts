// The whole benchmark suite in one command (`npm run bench`): runs each benchmark as its own process, passes its
// output through, collects the machine-readable result lines each prints (bench-kit.ts emitResult) and ends with
// one summary table: figure, baseline measured in the same run, ratio, target.
// Usage: npx tsx bench/run-all.ts [name ...]    (names filter the suite, e.g. `api-load web-load`)
import { spawn } from 'node:child_process';
import os from 'node:os';
import { RESULT_PREFIX, type BenchResult } from './bench-kit.js';
import { printMarkdownTable } from './markdown-table.js';

interface Bench {
  name: string;
  args: string[];
}

const TSX = ['--import', 'tsx'];
const SUITE: Bench[] = [
  { name: 'import-divisions', args: [...TSX, 'bench/import-divisions.bench.ts'] },
  { name: 'ledger-import', args: ['--expose-gc', ...TSX, 'bench/ledger-import.bench.ts'] },
  { name: 'indicator-values', args: [...TSX, 'bench/indicator-values.bench.ts'] },
  { name: 'supervision-tasks', args: [...TSX, 'bench/supervision-tasks.bench.ts'] },
  { name: 'report-render', args: [...TSX, 'bench/report-render.bench.ts'] },
  { name: 'api-load', args: [...TSX, 'bench/api-load.bench.ts'] },
  { name: 'web-load', args: [...TSX, 'bench/web-load.bench.ts', '--build'] },
  { name: 'crafted-memory', args: [...TSX, 'bench/crafted-memory.bench.ts'] },
];

function run(bench: Bench): Promise<{ code: number; results: BenchResult[]; seconds: number }> {
  const start = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, bench.args, { stdio: ['ignore', 'pipe', 'inherit'] });
    const results: BenchResult[] = [];
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) if (line.startsWith(RESULT_PREFIX)) results.push(JSON.parse(line.slice(RESULT_PREFIX.length)) as BenchResult);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, results, seconds: (Date.now() - start) / 1000 }));
  });
}

const number = (n: number | undefined, unit = '') =>
  n === undefined ? '—' : `${n.toLocaleString('en-US', { maximumFractionDigits: n >= 100 ? 0 : 1 })}${unit}`;

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const suite = only.length ? SUITE.filter((b) => only.includes(b.name)) : SUITE;
  const rows: string[][] = [];
  const failed: string[] = [];
  for (const bench of suite) {
    console.log(`\n==== ${bench.name} (${new Date().toISOString()}, load average ${os.loadavg()[0].toFixed(2)})\n`);
    const { code, results, seconds } = await run(bench);
    if (code !== 0) failed.push(`${bench.name} (exit ${code})`);
    console.log(`\n==== ${bench.name}: ${results.length} results in ${seconds.toFixed(0)} s`);
    for (const r of results) {
      const verdict = r.pass === undefined ? '' : r.pass ? 'PASS' : 'FAIL';
      rows.push([
        r.bench,
        r.case,
        number(r.figure, ` ${r.unit}`),
        number(r.baseline, r.baseline === undefined ? '' : ` ${r.unit}`),
        r.ratio === undefined ? '—' : `${r.ratio.toFixed(2)}x`,
        r.target ?? '',
        verdict,
      ]);
    }
  }
  console.log(
    `\n==== Summary (${new Date().toISOString()}, ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')})`,
  );
  printMarkdownTable(['benchmark', 'case', 'figure', 'baseline (same run)', 'ratio', 'target', 'verdict'], rows);
  if (failed.length) {
    console.log(`Benchmarks that did not finish: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}

await main();
