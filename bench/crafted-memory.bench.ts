// Benchmark: the server's peak memory while four crafted files are uploaded at once (a zip bomb, a flood of shared
// strings just under the upload limit, a .docx bomb, a sheet whose zip entry lies about its size), against the same
// server's peak after one honest import of a file of the same size class, measured in the same run.
// The product server runs as users meet it (`bin/zhenwu.mjs start`, its own process); the peak is its VmHWM.
// Run: npx tsx bench/crafted-memory.bench.ts   (env: TEST_DATABASE_URL / DATABASE_URL, default the local test server)
import os from 'node:os';
import { buildXlsx, buildZip, sharedStringsXml, sheetXml } from '../src/server/testing/zip-builder.js';
import { emitResult, withScratchDatabase } from './bench-kit.js';
import { peakRss, prepareDemoDatabase, signIn, startZhenwu } from './bench-server.js';
import { printMarkdownTable } from './markdown-table.js';

const baseUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const LEDGER = 'bench_memory';
const MB = 1024 * 1024;

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const HEAD = `<row r="1">${inline('A1', '组织单元')}${inline('B1', '姓名*')}${inline('C1', '备注')}</row>`;
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const filler = (bytes: number) => `<!--${'a'.repeat(bytes)}-->`;
const wordXml = (body: string) =>
  `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;

/** Text that deflate cannot shrink much (so the file stays near its uncompressed size), from a fixed seed. */
function noisyText(chars: number, seed: number): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < chars; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out += String.fromCharCode(0x4e00 + (x % 0x5000));
  }
  return out;
}

function craftedFiles(village: string) {
  // shared strings: ~18 MB of zipped, hard-to-compress Chinese, just under the 20 MB upload limit
  const strings = Array.from({ length: 25_000 }, (_, i) => noisyText(1_000, i + 1));
  return [
    {
      name: '炸弹.xlsx',
      route: `/api/ledgers/${LEDGER}/imports`,
      content: buildXlsx(sheetXml(`${HEAD}<row r="2">${inline('A2', village)}${inline('B2', '张三')}</row>${filler(60_000_000)}`)),
    },
    {
      name: '共享字符串.xlsx',
      route: `/api/ledgers/${LEDGER}/imports`,
      content: buildXlsx(sheetXml(`${HEAD}<row r="2">${inline('A2', village)}<c r="B2" t="s"><v>0</v></c></row>`), [
        { name: 'xl/sharedStrings.xml', content: sharedStringsXml(strings) },
      ]),
    },
    {
      name: '炸弹.docx',
      route: '/api/reports/suggestions/upload',
      content: buildZip([{ name: 'word/document.xml', content: wordXml(`<w:p><w:r><w:t>正文</w:t></w:r></w:p>${filler(200_000_000)}`) }]),
    },
    {
      // a 40 MB sheet whose zip entry declares 100 bytes
      name: '谎报大小.xlsx',
      route: `/api/ledgers/${LEDGER}/imports`,
      content: buildZip([
        {
          name: 'xl/workbook.xml',
          content: `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="填报" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        },
        {
          name: 'xl/_rels/workbook.xml.rels',
          content: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
        },
        {
          name: 'xl/worksheets/sheet1.xml',
          content: sheetXml(`${HEAD}<row r="2">${inline('A2', village)}${inline('B2', '李四')}</row>${filler(40_000_000)}`),
          declaredSize: 100,
        },
      ]),
    },
  ];
}

/** An honest import of ~100,000 rows as CSV (about the size of the shared-strings file): the baseline's load. */
function honestCsv(village: string): Buffer {
  const lines = ['组织单元,姓名*,备注'];
  for (let i = 0; i < 100_000; i++) lines.push(`${village},${noisyText(3, i + 7)},${noisyText(40, i + 11)}`);
  return Buffer.from(lines.join('\n'), 'utf8');
}

/** Uploads a file; a ledger import still being checked (202) is followed until its check ends. */
async function upload(url: string, cookie: string, route: string, name: string, content: Uint8Array): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)]), name);
  const res = await fetch(`${url}${route}`, { method: 'POST', headers: { cookie, origin: url }, body: form });
  const body = (await res.json().catch(() => ({}))) as { id?: string; phase?: string };
  if (res.status !== 202) return String(res.status);
  for (const deadline = Date.now() + 300_000; Date.now() < deadline;) {
    await new Promise((r) => setTimeout(r, 500));
    const job = (await (await fetch(`${url}${route}/${body.id}`, { headers: { cookie } })).json()) as { phase?: string };
    if (job.phase !== 'parsing' && job.phase !== 'validating') return `202 → ${job.phase}`;
  }
  return '202 → still checking after 5 min';
}

async function measure(url: string): Promise<string[][]> {
  await prepareDemoDatabase({ backend: 'postgresql', url }, 1);
  const rows: string[][] = [];
  // two servers on the same database: one for the honest import, one for the crafted files, so neither peak
  // carries the other's
  const phases: ['honest' | 'crafted', number, string][] = [];
  for (const phase of ['honest', 'crafted'] as const) {
    const server = await startZhenwu({ backend: 'postgresql', url });
    try {
      const cookie = await signIn(server.url, 'bench-leader-01');
      const village = (await (await fetch(`${server.url}/api/org-units?parent=430681105000`, { headers: { cookie } })).json()).items[0].name;
      if (phase === 'honest') {
        const fields = [
          { key: 'name', label: '姓名', type: 'text', required: true },
          { key: 'note', label: '备注', type: 'text' },
        ];
        const created = await fetch(`${server.url}/api/ledgers`, {
          method: 'POST',
          headers: { cookie, origin: server.url, 'content-type': 'application/json' },
          body: JSON.stringify({ key: LEDGER, name: '内存基准', kind: 'register', fields }),
        });
        if (created.status !== 201) throw new Error(`creating the ledger answered ${created.status}: ${await created.text()}`);
      }
      const idle = peakRss(server.process.pid!);
      const started = Date.now();
      let detail: string;
      if (phase === 'honest') {
        const csv = honestCsv(village);
        const status = await upload(server.url, cookie, `/api/ledgers/${LEDGER}/imports`, '户籍.csv', csv);
        detail = `one honest CSV import, ${(csv.length / MB).toFixed(1)} MB, 100,000 rows: ${status}`;
      } else {
        const files = craftedFiles(village);
        const statuses = await Promise.all(files.map((f) => upload(server.url, cookie, f.route, f.name, f.content)));
        detail = files.map((f, i) => `${f.name} ${(f.content.length / MB).toFixed(1)} MB → ${statuses[i]}`).join('; ');
        if (statuses.some((s) => s.startsWith('5'))) throw new Error(`a crafted file got a 5xx: ${detail}`);
      }
      await new Promise((r) => setTimeout(r, 2_000));
      const peak = await server.stop();
      phases.push([phase, peak, detail]);
      rows.push([phase, (idle / MB).toFixed(0), (peak / MB).toFixed(0), ((Date.now() - started) / 1000).toFixed(1), detail]);
    } catch (e) {
      await server.stop();
      throw e;
    }
  }
  const [, honestPeak] = phases[0];
  const [, craftedPeak] = phases[1];
  emitResult({
    bench: 'crafted-memory',
    case: 'server peak RSS, four crafted uploads at once vs one honest 100,000-row import',
    figure: craftedPeak / MB,
    unit: 'MB',
    baseline: honestPeak / MB,
    ratio: craftedPeak / honestPeak,
    target: '<= 1.5x the honest import',
    pass: craftedPeak <= 1.5 * honestPeak,
  });
  return rows;
}

console.log(`Server memory under crafted uploads; ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(2)}`);
const rows = await withScratchDatabase(baseUrl, 'zw_bench_mem', measure);
printMarkdownTable(['phase', 'RSS before MB', 'peak RSS MB', 'seconds', 'files and answers'], rows);
