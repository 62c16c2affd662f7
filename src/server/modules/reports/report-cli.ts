// `zhenwu report`: renders a template to a file on the server, without the browser, as the township's reports
// office would (a leader's reading of the township). Same renderer, same files as the API.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { documentText } from '../../../core/report-document.js';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../http/app-error.js';
import { SYSTEM_ACTOR } from '../audit/index.js';
import { reportDocx } from './report-docx.js';
import { reportHtml } from './report-html.js';
import { renderReport } from './report-render.service.js';
import { townshipsWithTemplate } from './reports.repository.js';

export const REPORT_USAGE =
  'usage: zhenwu report --template <key> --period <2022S1> [--as-of <YYYY-MM-DD>] [--unit <code>] [--township <code>] --format docx|html|txt --out <file>';

export async function reportCommand(db: Db, argv: string[]): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    options: {
      template: { type: 'string' },
      period: { type: 'string' },
      'as-of': { type: 'string' },
      unit: { type: 'string' },
      township: { type: 'string' },
      format: { type: 'string', default: 'docx' },
      out: { type: 'string' },
    },
  });
  if (!values.template || !values.period || !values.out) throw new Error(REPORT_USAGE);
  if (!['docx', 'html', 'txt'].includes(values.format!)) throw new Error(`--format 应为 docx、html 或 txt\n${REPORT_USAGE}`);
  const holders = (await townshipsWithTemplate(db, values.template)).filter((t) => !values.township || t.code === values.township);
  if (holders.length === 0) throw new Error(`没有找到报告模板“${values.template}”${values.township ? `（乡镇 ${values.township}）` : ''}`);
  if (holders.length > 1) throw new Error(`多个乡镇有模板“${values.template}”，请用 --township 指定：${holders.map((h) => h.code).join('、')}`);
  const township = holders[0];
  const ctx = {
    db,
    principal: { userId: 0, username: 'system', grants: [{ role: 'leader' as const, scopePaths: [township.path] }] },
    actor: SYSTEM_ACTOR,
    townshipId: township.townshipId,
  };
  try {
    const { document } = await renderReport(ctx, { template: values.template, period: values.period, asOf: values['as-of'], orgUnit: values.unit });
    const body = values.format === 'docx' ? await reportDocx(document) : values.format === 'html' ? reportHtml(document) : documentText(document);
    fs.writeFileSync(values.out, body);
    const warnings = document.warnings.map((w) => `  第${w.line}行第${w.column}列 ${w.placeholder ?? ''}：${w.message}`);
    return [`已写入 ${values.out}（${document.title}）`, ...(warnings.length ? [`${warnings.length} 处没有数据：`, ...warnings] : [])].join('\n');
  } catch (e) {
    // the API's refusal, in the same Chinese words, without a stack
    if (e instanceof AppError) throw new Error([e.detail, ...(e.errors ?? []).map((x) => `  ${x.message}`)].join('\n'), { cause: e });
    throw e;
  }
}
