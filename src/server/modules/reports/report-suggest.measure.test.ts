// Measures the suggestion engine on the real half-year report: for each of its 155 stars, is the top suggestion
// what docs/report-mapping.md says holds the figure? The rule for "right" is written in docs/reports.md.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_PROJECTS } from '../../../../demo/demo-supervision-catalogue.js';
import { suggestBindings, type SuggestCatalogue, type SuggestTask } from '../../../core/report-suggest.js';
import { parseTemplate } from '../../../core/report-template.js';
import { BUILTIN_INDICATORS } from '../indicators/library/index.js';
import { BUILTIN_LEDGERS } from '../ledgers/library/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const report = fs.readFileSync(path.resolve(root, '../shared/seed/half-year-report-2022.txt'), 'utf8');
const rows = fs
  .readFileSync(path.join(root, 'docs/report-mapping.md'), 'utf8')
  .split('\n')
  .filter((line) => /^\| \d+ \|/.test(line))
  .map((line) => {
    const cells = line.split('|').map((c) => c.trim());
    return { n: Number(cells[1]), context: cells[2], held: cells[3] };
  });

const villages = fs
  .readFileSync(path.join(root, 'demo/divisions-chuanshanping.csv'), 'utf8')
  .split('\n')
  .map((l) => l.split(','))
  .filter((c) => c[2] === 'village')
  .map((c) => c[1]);

/** The demo's task titles and deadline nodes, read from its generator (which needs a database to run). */
function demoTasks(): SuggestTask[] {
  const source = fs.readFileSync(path.join(root, 'demo/demo-supervision-tasks.ts'), 'utf8');
  return [...source.matchAll(/\n\s+title: '([^']+)',[\s\S]*?nodes: \[([\s\S]*?)\]/g)].map((m) => ({
    title: m[1],
    nodes: [...m[2].matchAll(/\{ title: '([^']+)'/g)].map((n) => n[1]),
  }));
}

const catalogue: SuggestCatalogue = {
  indicators: BUILTIN_INDICATORS.map((d) => ({ key: d.key, name: d.name, unit: d.unit, aliases: d.aliases, workLine: d.workLine })),
  ledgers: BUILTIN_LEDGERS.map((l) => ({
    key: l.key,
    name: l.name,
    fields: l.fields.map((f) => ({ key: f.key, label: f.label, type: f.type, unit: f.unit, choices: f.choices })),
  })),
  projects: DEMO_PROJECTS.map((p) => p.name),
  tasks: demoTasks(),
  villages,
  townshipShort: '川山坪',
  townshipName: '川山坪镇',
  period: '2022S1',
  asOf: '2022-06-30',
};

type Verdict = { cls: string; right: boolean; expected: string };

const PERIODS: Record<string, string[]> = {
  '2022S1': ['report', '2022S1'],
  '2021S1': ['ly', '2021S1', 'LY:2022S1'],
  '2022': ['year', 'ytd', 'report', '2022', '2022S1'],
  YESTERDAY: ['yesterday'],
  LAST_7_DAYS: ['last7'],
};
const MERGE: [RegExp, string][] = [
  [/open before the merge/, 'groups_before'],
  [/planned group counts/, 'groups_planned'],
  [/villages in the merge campaign/, 'villages'],
  [/open groups equal their plan/, 'villages_done'],
  [/merged groups created/, 'merged'],
  [/merged groups ÷ planned/, 'progress'],
];

let lastTask: string | undefined;

/** Whether the top suggestion is what the mapping row says holds the figure (rows in order: "the same task"). */
function judge(held: string, placeholder: string): Verdict {
  const p = placeholder ? parseTemplate(`# t\n${placeholder}`).placeholders[0] : undefined;
  const is = (kind: string, target?: string) => !!p && p.kind === kind && (target === undefined || p.target === target);
  if (/^indicator /.test(held)) {
    const key = /indicator \*\*([a-z0-9_]+)\*\*/.exec(held)![1];
    const period = /, period (\S+?)(,|$)/.exec(held)![1];
    const right = (is('value', key) || is('growth', key)) && PERIODS[period].includes(p!.options.period ?? 'report');
    return { cls: 'indicator', right, expected: `${key} ${period}` };
  }
  if (/^record field /.test(held)) {
    const target = /`([a-z_]+\.[a-z_]+)`/.exec(held)![1];
    return { cls: 'record field', right: is('field', target), expected: target };
  }
  if (/^record: /.test(held)) {
    const ledger = /`([a-z_]+)`/.exec(held)![1];
    return { cls: 'record (village)', right: is('field', `${ledger}.village`), expected: `${ledger}.village` };
  }
  if (/township's name/.test(held))
    return { cls: 'org: township name', right: is('township', 'short') || is('township', 'name'), expected: 'township short' };
  if (/^org\/cadre data/.test(held)) {
    const fact = MERGE.find(([re]) => re.test(held))?.[1] ?? '?';
    return { cls: 'org: merge campaign', right: is('merge', fact), expected: `merge ${fact}` };
  }
  if (/^project \/ goal \/ task/.test(held)) {
    if (/the goals of 2022, 三个一/.test(held)) return { cls: 'project/goal/task', right: is('township', 'campaign'), expected: 'township campaign' };
    if (/count of the key projects/.test(held)) return { cls: 'project/goal/task', right: is('project', 'count'), expected: 'project count' };
    const task = /\btask (?!records)([^,(]+?)(,|$)/.exec(held)?.[1].trim() ?? (/the same task/.test(held) ? lastTask : undefined);
    if (task) lastTask = task;
    const project = /key project ([^\s,(]+)/.exec(held)?.[1];
    if (/deadline node/.test(held) && task) return { cls: 'project/goal/task', right: is('task', task), expected: `task ${task}` };
    const inName = /name of key project/.test(held) && project?.startsWith('川山坪');
    const right = is('project', project) || (!!task && is('task', task)) || (!!inName && is('township', 'short'));
    return { cls: 'project/goal/task', right, expected: `project ${project}` };
  }
  if (/^text: /.test(held)) {
    const asOf = /the report's as-of date/.test(held);
    return { cls: 'text', right: !p || (asOf && is('date', 'asof')), expected: asOf ? '保留原文 / date asof' : '保留原文' };
  }
  throw new Error(`unclassified row: ${held}`);
}

describe('suggestions on the 2022 half-year report', () => {
  const stars = suggestBindings(report, catalogue).filter((c) => c.original === '*');

  it('finds the 155 stars of the mapping, each with valid placeholders and 保留原文', () => {
    expect(rows).toHaveLength(155);
    expect(stars).toHaveLength(155);
    for (const s of stars) {
      expect(s.suggestions.filter((x) => x.placeholder === '')).toHaveLength(1);
      for (const x of s.suggestions.filter((y) => y.placeholder)) expect(parseTemplate(`# t\n${x.placeholder}`).errors, x.placeholder).toEqual([]);
    }
  });

  it('ranks the right binding first for at least 80% of them', () => {
    const verdicts = stars.map((s, i) => ({ ...judge(rows[i].held, s.suggestions[0].placeholder), n: rows[i].n, star: s }));
    const classes = new Map<string, { right: number; all: number }>();
    for (const v of verdicts) {
      const c = classes.get(v.cls) ?? { right: 0, all: 0 };
      c.all++;
      if (v.right) c.right++;
      classes.set(v.cls, c);
    }
    const right = verdicts.filter((v) => v.right).length;
    const inTopThree = stars.filter((s, i) => s.suggestions.slice(0, 3).some((x) => judge(rows[i].held, x.placeholder).right)).length;
    const table = [...classes].map(([cls, c]) => `${cls.padEnd(22)} ${String(c.right).padStart(3)} / ${String(c.all).padStart(3)}`);
    const misses = verdicts
      .filter((v) => !v.right)
      .map((v) => {
        const top = v.star.suggestions.slice(0, 3).map((x) => `${x.placeholder || '保留原文'} ${x.score}`);
        return `#${v.n} ${v.star.before.slice(-10)}*${v.star.after.slice(0, 6)} (want ${v.expected})\n    ${top.join('\n    ')}`;
      });
    console.log(
      [
        ...table,
        `overall ${right} / ${verdicts.length} = ${((100 * right) / verdicts.length).toFixed(1)}%`,
        `right among the first three: ${inTopThree}`,
        '',
        ...misses,
      ].join('\n'),
    );
    expect(right / verdicts.length).toBeGreaterThanOrEqual(0.8);
  });
});
