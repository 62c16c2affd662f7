// Draws docs/img/indicator-scale.svg from the figures of bench/indicator-scale.bench.ts (its SCALE_OUT files, one or
// several: the results are merged by size, later files winning) and keeps the merged figures beside it as JSON, so
// the plot can be redrawn and checked. Medians of each read, time against records, on linear axes so that a straight
// line means linear growth.
// Run: npx tsx bench/indicator-scale-plot.ts /tmp/indicator-scale.json [more.json …]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './bench-kit.js';

interface Read {
  scope: string;
  values: number;
  coldMs: number[];
  warmMs: number[];
  baselineMs: number[];
}
interface SizeResult {
  records: number;
  townships: number;
  villages: number;
  reads: Read[];
  load: string;
}
interface Figures {
  date: string;
  results: SizeResult[];
}

const OUT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/img');

const files = process.argv.slice(2);
if (!files.length) throw new Error('usage: npx tsx bench/indicator-scale-plot.ts <figures.json> [more.json …]');
const bySize = new Map<number, SizeResult & { date: string }>();
for (const file of files) {
  const figures = JSON.parse(fs.readFileSync(file, 'utf8')) as Figures;
  for (const r of figures.results) bySize.set(r.townships, { ...r, date: figures.date });
}
const results = [...bySize.values()].sort((a, b) => a.records - b.records);

// ---- the series: two reads × (cold, warm, SQL) ---------------------------------------------------------------------

const SERIES = [
  { read: 0, pick: (r: Read) => r.coldMs, label: 'roll-up, cold', color: '#c0392b', dash: '' },
  { read: 0, pick: (r: Read) => r.warmMs, label: 'roll-up, warm', color: '#e67e22', dash: '' },
  { read: 0, pick: (r: Read) => r.baselineMs, label: 'roll-up, hand-written SQL', color: '#2c3e50', dash: '6 4' },
  { read: 1, pick: (r: Read) => r.coldMs, label: 'one township, cold', color: '#27ae60', dash: '' },
  { read: 1, pick: (r: Read) => r.warmMs, label: 'one township, warm', color: '#16a085', dash: '' },
  { read: 1, pick: (r: Read) => r.baselineMs, label: 'one township, hand-written SQL', color: '#7f8c8d', dash: '6 4' },
];
const points = SERIES.map((s) => results.map((r) => ({ x: r.records, y: median(s.pick(r.reads[s.read])) })));

// ---- the drawing ----------------------------------------------------------------------------------------------------

const [W, H] = [760, 440];
const M = { left: 70, right: 250, top: 40, bottom: 55 };
const maxX = Math.max(...results.map((r) => r.records));
const maxY = Math.max(...points.flat().map((p) => p.y));
const niceStep = (max: number, ticks: number) => {
  const raw = max / ticks;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= raw)!;
};
const [stepX, stepY] = [niceStep(maxX, 5), niceStep(maxY, 6)];
const [topX, topY] = [Math.ceil(maxX / stepX) * stepX, Math.ceil(maxY / stepY) * stepY];
const sx = (x: number) => M.left + (x / topX) * (W - M.left - M.right);
const sy = (y: number) => H - M.bottom - (y / topY) * (H - M.top - M.bottom);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const fmtMs = (ms: number) => (ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${ms.toFixed(0)} ms`);

const out: string[] = [];
out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
out.push(
  `<text x="${M.left}" y="22" font-size="14" font-weight="bold">Indicator read (20 indicators × villages × 12 months) vs records, PostgreSQL, medians</text>`,
);
out.push(
  `<text x="${M.left}" y="${H - 2}" font-size="10" fill="#777">load average at the end of each size: ${esc(results.map((r) => r.load.split(' ')[0]).join(', '))} (docs/benchmarks.md)</text>`,
);
for (let x = 0; x <= topX; x += stepX) {
  out.push(`<line x1="${sx(x)}" y1="${sy(0)}" x2="${sx(x)}" y2="${sy(topY)}" stroke="#eee"/>`);
  out.push(`<text x="${sx(x)}" y="${sy(0) + 18}" text-anchor="middle">${x === 0 ? '0' : `${x / 1e6} M`}</text>`);
}
for (let y = 0; y <= topY; y += stepY) {
  out.push(`<line x1="${sx(0)}" y1="${sy(y)}" x2="${sx(topX)}" y2="${sy(y)}" stroke="#eee"/>`);
  out.push(`<text x="${sx(0) - 8}" y="${sy(y) + 4}" text-anchor="end">${fmtMs(y)}</text>`);
}
out.push(`<line x1="${sx(0)}" y1="${sy(0)}" x2="${sx(topX)}" y2="${sy(0)}" stroke="#333"/>`);
out.push(`<line x1="${sx(0)}" y1="${sy(0)}" x2="${sx(0)}" y2="${sy(topY)}" stroke="#333"/>`);
out.push(
  `<text x="${(sx(0) + sx(topX)) / 2}" y="${H - 14}" text-anchor="middle">ledger records in the database (townships grow with them: 15 per million)</text>`,
);
SERIES.forEach((s, i) => {
  const ps = points[i];
  out.push(
    `<polyline fill="none" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''} points="${ps
      .map((p) => `${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`)
      .join(' ')}"/>`,
  );
  for (const p of ps)
    out.push(
      `<circle cx="${sx(p.x).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="3.5" fill="${s.color}"><title>${esc(s.label)}: ${fmtMs(p.y)} at ${p.x.toLocaleString('en-US')} records</title></circle>`,
    );
  const ly = M.top + 10 + i * 22;
  out.push(
    `<line x1="${W - M.right + 16}" y1="${ly}" x2="${W - M.right + 44}" y2="${ly}" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`,
  );
  out.push(`<text x="${W - M.right + 50}" y="${ly + 4}">${esc(s.label)}</text>`);
});
const notes = results.map(
  (r) => `${Number((r.records / 1e6).toFixed(2))} M: ${r.townships} townships, ${r.villages.toLocaleString('en-US')} villages`,
);
notes.forEach((n, i) => out.push(`<text x="${W - M.right + 16}" y="${M.top + 10 + SERIES.length * 22 + 14 + i * 18}" fill="#555">${esc(n)}</text>`));
out.push('</svg>');

fs.mkdirSync(OUT_DIR, { recursive: true });
fs.writeFileSync(path.join(OUT_DIR, 'indicator-scale.svg'), out.join('\n') + '\n');
fs.writeFileSync(path.join(OUT_DIR, 'indicator-scale.json'), JSON.stringify({ results }, null, 2) + '\n');
console.log(`docs/img/indicator-scale.svg and .json written from ${results.length} sizes`);

// The table for docs/benchmarks.md, from the same figures.
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
console.log('\n| records | townships | villages | read | values | cold ms | warm ms | SQL baseline ms | cold / SQL | warm / SQL |');
console.log('|--:|--:|--:|:--|--:|--:|--:|--:|--:|--:|');
for (const r of results)
  for (const read of r.reads) {
    const [c, w, b] = [median(read.coldMs), median(read.warmMs), median(read.baselineMs)];
    console.log(
      `| ${r.records.toLocaleString('en-US')} | ${r.townships} | ${r.villages.toLocaleString('en-US')} | ${read.scope} | ` +
        `${read.values.toLocaleString('en-US')} | ${c.toFixed(0)} | ${w.toFixed(0)} | ${b.toFixed(0)} | ${ratio(c, b)} | ${ratio(w, b)} |`,
    );
  }
