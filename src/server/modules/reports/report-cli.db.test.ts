import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnit } from '../org/index.js';
import { buildTestApp, type TestApp } from '../../testing/test-app.js';
import { buildTownship } from '../../testing/builders.js';
import { reportCommand } from './report-cli.js';
import * as repo from './reports.repository.js';

describe('zhenwu report', () => {
  let t: TestApp;
  let dir: string;
  const BODY =
    '# {{township unit}}{{date period}}工作小结\n## 一、基本情况\n截至{{date asof format=full}}，{{township name}}共有{{merge villages}}个村参与合组。';

  beforeAll(async () => {
    t = await buildTestApp();
    const { townshipCode } = await buildTownship(t.system, ['川山村', '燕塘村']);
    const township = (await t.db.query.orgUnits.findFirst({ where: (u, { eq }) => eq(u.code, townshipCode) }))!;
    await repo.insertTemplate(t.db, { townshipId: township.id, key: 'summary', name: '工作小结', body: BODY });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zw-report-cli-'));
  });
  afterAll(async () => {
    await t?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes the report as text, Word and print view', async () => {
    const txt = path.join(dir, 'r.txt');
    const said = await reportCommand(t.db, ['--template', 'summary', '--period', '2022S1', '--as-of', '2022-06-30', '--format', 'txt', '--out', txt]);
    expect(said).toContain('已写入');
    expect(fs.readFileSync(txt, 'utf8')).toBe('川山坪镇2022年上半年工作小结\n\n一、基本情况\n截至2022年6月30日，川山坪镇共有2个村参与合组。\n');
    const docx = path.join(dir, 'r.docx');
    await reportCommand(t.db, [
      '--template',
      'summary',
      '--period',
      '2022S1',
      '--as-of',
      '2022-06-30',
      '--unit',
      '430681105202',
      '--format',
      'docx',
      '--out',
      docx,
    ]);
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    const html = path.join(dir, 'r.html');
    await reportCommand(t.db, ['--template', 'summary', '--period', '2022', '--as-of', '2022-06-30', '--format', 'html', '--out', html]);
    expect(fs.readFileSync(html, 'utf8')).toContain('川山坪镇2022年工作小结');
  });

  it('says what is wrong in Chinese and writes nothing', async () => {
    const out = path.join(dir, 'bad.txt');
    const run = (...args: string[]) => reportCommand(t.db, [...args, '--out', out]);
    await expect(run('--template', 'nope', '--period', '2022S1')).rejects.toThrow('没有找到报告模板“nope”');
    await expect(run('--template', 'summary', '--period', '2022H3')).rejects.toThrow('“2022H3”不是有效的报告期');
    await expect(run('--template', 'summary', '--period', '2022S1', '--format', 'pdf')).rejects.toThrow('--format 应为 docx、html 或 txt');
    await expect(run('--template', 'summary', '--period', '2022S1', '--unit', '430681999999')).rejects.toThrow('单位“430681999999”');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('asks which township when two hold the template', async () => {
    const other = await createUnit(t.system, { parentCode: '430681000000', name: '白水镇', level: 'town', code: '430681106000' });
    const row = (await t.db.query.orgUnits.findFirst({ where: (u, { eq }) => eq(u.code, other.code) }))!;
    await repo.insertTemplate(t.db, { townshipId: row.id, key: 'summary', name: '工作小结', body: BODY });
    const out = path.join(dir, 'b.txt');
    await expect(reportCommand(t.db, ['--template', 'summary', '--period', '2022S1', '--out', out])).rejects.toThrow('请用 --township 指定');
    await reportCommand(t.db, [
      '--template',
      'summary',
      '--period',
      '2022S1',
      '--as-of',
      '2022-06-30',
      '--township',
      '430681106000',
      '--format',
      'txt',
      '--out',
      out,
    ]);
    expect(fs.readFileSync(out, 'utf8')).toContain('白水镇2022年上半年工作小结');
  });
});
