// Renders a template for a unit, a period and an as-of date into a ReportDocument: every placeholder becomes its
// text and keeps its source, a missing value becomes "—" with a warning, never "undefined" or an empty string.
import {
  MISSING_TEXT,
  type FigureSource,
  type RenderWarning,
  type ReportBlock,
  type ReportDocument,
  type Run,
} from '../../../core/report-document.js';
import {
  chineseDate,
  figureFormat,
  formatFigure,
  growthPhrase,
  joinChinese,
  periodPhrase,
  rankText,
  type DateFormat,
} from '../../../core/report-format.js';
import { errorText, parseTemplate, type ParsedTemplate, type Placeholder, type Segment } from '../../../core/report-template.js';
import { parsePeriod, periodWindow } from '../../../core/periods.js';
import { invalid, notFound } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { requireTownship, requireUnit } from '../../policy/access.js';
import { findUnit, townshipToday, type OrgUnitRef } from '../org/index.js';
import { readFigures, windowOf, type Figures } from './report-figures.js';
import * as repo from './reports.repository.js';

export interface RenderInput {
  /** A saved template's key, or the text of one being edited. */
  template?: string;
  body?: string;
  period: string;
  asOf?: string;
  orgUnit?: string;
  /** Preview: unknown names are warnings beside the text instead of a 400. */
  lenient?: boolean;
}

export interface Rendered {
  document: ReportDocument;
  template: { key: string | null; name: string; body: string; id: number | null };
  period: { id: string; label: string };
  asOf: string;
  orgUnit: { code: string; name: string; level: string };
  township: OrgUnitRef;
  unit: OrgUnitRef;
}

/** The template text parsed, or a 400 listing every error with its line and column. */
export function parseOrRefuse(body: string): ParsedTemplate {
  const parsed = parseTemplate(body);
  if (parsed.errors.length)
    throw invalid(
      parsed.errors.map((e) => ({ field: 'template', message: errorText(e) })),
      `模板有${parsed.errors.length}处错误`,
    );
  return parsed;
}

/** The unit a report is about (the township by default), inside the township and readable by the user. */
export async function reportUnit(ctx: ServiceContext, township: OrgUnitRef, code: string | undefined, action: 'report.read' | 'report.generate') {
  const unit = code ? await findUnit(ctx.db, { code }) : township;
  // another township's unit is as unknown as a missing one
  if (!unit || !unit.path.startsWith(township.path)) throw notFound(`单位“${code}”`);
  requireUnit(ctx, action, unit);
  return unit;
}

export async function renderReport(ctx: ServiceContext, input: RenderInput): Promise<Rendered> {
  const township = await requireTownship(ctx, 'report.read', ctx.db, { what: '报告' });
  let template: Rendered['template'];
  if (input.template) {
    const row = await repo.findTemplate(ctx.db, township.id, input.template);
    if (!row) throw notFound(`报告模板“${input.template}”`);
    template = { key: row.key, name: row.name, body: row.body, id: row.id };
  } else {
    template = { key: null, name: '未保存的模板', body: input.body ?? '', id: null };
  }
  const parsed = parseOrRefuse(template.body);
  const asOf = input.asOf ?? (await townshipToday(ctx.db, township.code));
  const period = parsePeriod(input.period);
  if (!period || !periodWindow(input.period, asOf))
    throw invalid([{ field: 'period', message: `“${input.period}”不是有效的报告期（例：2022S1、2022、2022Q2、202206）` }], '报告期有误');
  const unit = await reportUnit(ctx, township, input.orgUnit, 'report.read');
  const [figures, profile] = await Promise.all([
    readFigures(ctx, { township, unit, period: period.id, asOf, placeholders: parsed.placeholders }),
    repo.profileOf(ctx.db, township.code),
  ]);
  const fatal = figures.problems.filter((x) => !x.soft);
  if (fatal.length && !input.lenient)
    throw invalid(
      fatal.map(({ placeholder: p, message }) => ({ field: 'template', message: `第${p.line}行第${p.column}列（${p.raw}）：${message}` })),
      '模板中有无法读取的占位符',
    );
  const document = assemble(parsed, {
    figures,
    township,
    unit,
    profile,
    period: period.id,
    asOf,
    start: period.start,
    end: period.end < asOf ? period.end : asOf,
  });
  return {
    document,
    template,
    period: { id: period.id, label: periodPhrase(period.id)! },
    asOf,
    orgUnit: { code: unit.code, name: unit.name, level: unit.level },
    township,
    unit,
  };
}

interface RenderContext {
  figures: Figures;
  township: OrgUnitRef;
  unit: OrgUnitRef;
  profile: repo.TownshipProfile;
  period: string;
  asOf: string;
  start: string;
  end: string;
}

/** One placeholder's answer: its text, or null for "no value" (rendered "—" and warned about). */
interface Answer {
  text: string | null;
  source: FigureSource;
  /** Why there is no value, when the reason is known. */
  why?: string;
}

function assemble(parsed: ParsedTemplate, rc: RenderContext): ReportDocument {
  const warnings: RenderWarning[] = [];
  const problems = new Map<number, string>();
  for (const { placeholder, message } of rc.figures.problems) problems.set(placeholder.index, message);
  const runOf = (p: Placeholder): Run => {
    const problem = problems.get(p.index);
    const answer = problem ? { text: null, source: { kind: p.kind, target: p.target }, why: problem } : answerOf(p, rc);
    const text = answer.text;
    if (text === null || text === '') {
      warnings.push({ index: p.index, placeholder: p.raw, line: p.line, column: p.column, message: answer.why ?? '没有数据' });
      return { text: MISSING_TEXT, figure: { index: p.index, placeholder: p.raw, source: answer.source, missing: true } };
    }
    return { text, figure: { index: p.index, placeholder: p.raw, source: answer.source } };
  };
  const runsOf = (segments: Segment[]): Run[] => segments.map((s) => ('text' in s ? { text: s.text } : runOf(s.placeholder)));
  let title = '';
  const blocks: ReportBlock[] = [];
  for (const block of parsed.blocks) {
    if (block.type === 'title') {
      if (!title)
        title = runsOf(block.segments)
          .map((r) => r.text)
          .join('');
    } else if (block.type === 'heading') blocks.push({ type: 'heading', level: block.level, runs: runsOf(block.segments) });
    else if (block.type === 'paragraph') blocks.push({ type: 'paragraph', runs: runsOf(block.segments) });
    else {
      const table = tableOf(block.placeholder, rc);
      if (table.rows.length === 0)
        warnings.push({
          index: block.placeholder.index,
          placeholder: block.placeholder.raw,
          line: block.line,
          column: 1,
          message: table.why ?? '表格没有数据',
        });
      blocks.push({ type: 'table', header: table.header, rows: table.rows, caption: block.placeholder.options.caption });
    }
  }
  return { title, blocks, warnings };
}

// ---- one placeholder --------------------------------------------------------------------------------------

function answerOf(p: Placeholder, rc: RenderContext): Answer {
  const f = rc.figures;
  switch (p.kind) {
    case 'value': {
      const subject = f.subjectOf(p)!;
      const window = windowOf(p.options.period, rc.period);
      const value = f.value(p.target, subject.code, window) ?? null;
      const meta = f.meta.get(p.target)!;
      const source = { kind: 'value', target: p.target, orgUnit: subject.code, period: window, value };
      return {
        text: formatFigure(value, figureFormat(p.options, p.flags, meta.decimals)),
        source,
        why: value === null ? `${meta.name}没有数据` : undefined,
      };
    }
    case 'growth': {
      const subject = f.subjectOf(p)!;
      const window = windowOf(p.options.period, rc.period);
      const now = f.value(p.target, subject.code, window) ?? null;
      const before = f.value(p.target, subject.code, `LY:${window}`) ?? null;
      const meta = f.meta.get(p.target)!;
      const form = p.options.form === 'amount' ? 'amount' : 'rate';
      const text = growthPhrase(now, before, {
        form,
        dp: p.options.dp ? Number(p.options.dp) : form === 'rate' ? 1 : meta.decimals,
        unit: meta.unit,
      });
      return {
        text,
        source: { kind: 'growth', target: p.target, orgUnit: subject.code, period: window, value: now },
        why: text === null ? '上年同期没有数据或为零，无法计算同比' : undefined,
      };
    }
    case 'top': {
      const window = windowOf(p.options.period, rc.period);
      const by = (p.options.by as 'village' | 'cadre_group') ?? 'village';
      const list = f.split(p.target, window, by) ?? [];
      const meta = f.meta.get(p.target)!;
      const better = (a: number, b: number) => (meta.higherIsBetter ? b - a : a - b);
      const ranked = list.filter((s) => s.value !== null).sort((a, b) => better(a.value!, b.value!));
      if (p.options.order === 'worst') ranked.reverse();
      const names = ranked.slice(0, Number(p.options.n ?? 3)).map((s) => s.name);
      return {
        text: joinChinese(names) || null,
        source: { kind: 'top', target: p.target, orgUnit: rc.unit.code, period: window },
        why: '没有可排名的数据',
      };
    }
    case 'rank': {
      const r = f.rank(p);
      const window = windowOf(p.options.period, rc.period);
      const why = r && r.of < 2 ? `${r.among}内没有其他单位的数据，无法排名` : '没有数据，无法排名';
      return {
        text: r?.rank && r.of >= 2 ? rankText(r.rank) : null,
        source: { kind: 'rank', target: p.target, orgUnit: rc.unit.code, period: window, value: r?.rank ?? null },
        why,
      };
    }
    case 'field': {
      const [, field] = p.target.split('.');
      const record = f.records(p)?.[0];
      const raw = record?.[field];
      const source = { kind: 'field', target: p.target, orgUnit: rc.unit.code };
      if (!record) return { text: null, source, why: '没有符合条件的记录' };
      if (typeof raw === 'number') return { text: formatFigure(raw, figureFormat(p.options, p.flags, 2)), source: { ...source, value: raw } };
      const text = Array.isArray(raw)
        ? raw.join('、')
        : raw === null || raw === undefined
          ? null
          : typeof raw === 'boolean'
            ? raw
              ? '是'
              : '否'
            : String(raw);
      return { text, source, why: '记录的这一项是空的' };
    }
    case 'count': {
      const n = f.count(p) ?? null;
      return { text: n === null ? null : String(n), source: { kind: 'count', target: p.target, orgUnit: rc.unit.code, value: n } };
    }
    case 'project':
      return projectAnswer(p, rc);
    case 'task': {
      const task = f.tasks(p)?.[0];
      const node = p.options.node ? task?.nodes.find((n) => n.title.includes(p.options.node)) : task?.nodes[task.nodes.length - 1];
      const source = { kind: 'task', target: p.target };
      if (!task) return { text: null, source, why: `没有找到标题含“${p.target}”的督办任务` };
      if (!node) return { text: null, source, why: `任务没有含“${p.options.node}”的节点` };
      return { text: chineseDate(node.due, (p.options.format as DateFormat) ?? 'md'), source };
    }
    case 'township': {
      const short = rc.profile.short ?? rc.township.name.replace(/(镇|乡|街道|苏木)$/, '');
      const facts: Record<string, string | undefined> = {
        unit: rc.unit.name,
        name: rc.township.name,
        short,
        goal: rc.profile.goal,
        motto: rc.profile.motto,
        campaign: rc.profile.campaign,
      };
      return { text: facts[p.target] ?? null, source: { kind: 'township', target: p.target }, why: '乡镇概况中没有填写这一项' };
    }
    case 'date': {
      const format = p.options.format as DateFormat | undefined;
      const source = { kind: 'date', target: p.target };
      if (p.target === 'period') return { text: format && format !== 'label' ? chineseDate(rc.end, format) : periodPhrase(rc.period), source };
      const day = p.target === 'asof' ? rc.asOf : p.target === 'start' ? rc.start : rc.end;
      return { text: chineseDate(day, format ?? 'md'), source };
    }
    case 'merge': {
      const t = f.merge?.totals;
      const value: number | null = !t
        ? null
        : {
            groups_before: t.groupsBefore,
            groups_planned: t.groupsPlanned,
            groups_now: t.groupsNow,
            villages: t.villages,
            villages_done: t.villagesDone,
            merged: t.mergedGroups,
            progress: t.progressPercent,
          }[p.target as 'merged'];
      return {
        text: formatFigure(value, { dp: p.options.dp ? Number(p.options.dp) : 1 }),
        source: { kind: 'merge', target: p.target, value },
        why: '没有合组数据',
      };
    }
    case 'unbound':
      return { text: null, source: { kind: 'unbound', target: p.target }, why: `待绑定：原文“${p.target || '*'}”还没有对应的数据` };
    case 'table':
      return { text: null, source: { kind: 'table', target: p.target }, why: '表格占位符应单独占一行' };
  }
}

/** A number stated in the project's description or stage titles right after the label: 总进尺1,260米 → 1260. */
export function figureAfter(texts: string[], label: string): number | null {
  for (const text of texts) {
    let at = text.indexOf(label);
    while (at >= 0) {
      const m = /^[^\d，。；]{0,4}?(\d[\d,]*(?:\.\d+)?)/.exec(text.slice(at + label.length));
      if (m) return Number(m[1].replace(/,/g, ''));
      at = text.indexOf(label, at + 1);
    }
  }
  return null;
}

function projectAnswer(p: Placeholder, rc: RenderContext): Answer {
  const projects = rc.figures.projects;
  const source: FigureSource = { kind: 'project', target: p.target };
  if (p.target === 'count') return { text: String(projects.length), source: { ...source, value: projects.length } };
  const project = projects.find((x) => x.name === p.target) ?? projects.find((x) => x.name.includes(p.target));
  if (!project) return { text: null, source, why: `没有找到名称含“${p.target}”的重点项目` };
  if (p.options.figure) {
    const value = figureAfter([project.description, ...project.stages.map((s) => s.title)], p.options.figure);
    return {
      text: formatFigure(value, { dp: 2, sep: p.flags.includes('sep') }),
      source: { ...source, value },
      why: `项目说明中没有“${p.options.figure}”后面的数字`,
    };
  }
  const show = p.options.show ?? 'name';
  const text = {
    name: project.name,
    village: project.village,
    leader: project.leader,
    group: project.cadreGroup,
    investment: formatFigure(project.plannedInvestment, { dp: 2 }),
  }[show];
  return { text: text ?? null, source, why: '项目的这一项是空的' };
}

// ---- tables ------------------------------------------------------------------------------------------------

const QUARTERS = ['一', '二', '三', '四'];

function tableOf(p: Placeholder, rc: RenderContext): { header: string[]; rows: Run[][]; why?: string } {
  const cell = (text: string | null | undefined): Run => ({ text: text === null || text === undefined || text === '' ? MISSING_TEXT : text });
  if (p.target === 'projects') {
    const year = Number(rc.period.slice(0, 4));
    const header = ['序号', '项目名称', '责任领导', '责任组线', '所在村', ...QUARTERS.map((q) => `${q}季度任务`), '计划总投资（万元）'];
    const rows = rc.figures.projects.map((x, i) => [
      cell(String(i + 1)),
      cell(x.name),
      cell(x.leader),
      cell(x.cadreGroup),
      cell(x.village),
      ...[1, 2, 3, 4].map((q) =>
        cell(
          x.stages
            .filter((s) => s.year === year && s.quarter === q)
            .map((s) => s.title)
            .join('；'),
        ),
      ),
      {
        text: formatFigure(x.plannedInvestment, { dp: 2 }) ?? MISSING_TEXT,
        figure: { index: p.index, placeholder: p.raw, source: { kind: 'project', target: x.name, value: x.plannedInvestment } },
      },
    ]);
    return { header, rows, why: '没有重点项目' };
  }
  if (p.target === 'grid') {
    const keys = (p.options.keys ?? '').split(',').filter((k) => rc.figures.meta.has(k));
    const window = windowOf(p.options.period, rc.period);
    const by = (p.options.by as 'village' | 'cadre_group') ?? 'village';
    const header = [
      by === 'village' ? '村（社区）' : '包村小组',
      ...keys.map((k) => {
        const m = rc.figures.meta.get(k)!;
        return m.unit ? `${m.name}（${m.unit}）` : m.name;
      }),
    ];
    const subjects = rc.figures.split(keys[0] ?? '', window, by) ?? [];
    const rows = subjects.map((s) => [
      cell(s.name),
      ...keys.map((k): Run => {
        const value = rc.figures.split(k, window, by)?.find((x) => x.code === s.code)?.value ?? null;
        const text = formatFigure(value, { dp: rc.figures.meta.get(k)!.decimals });
        return {
          text: text ?? MISSING_TEXT,
          figure: {
            index: p.index,
            placeholder: p.raw,
            source: { kind: 'value', target: k, orgUnit: s.code, period: window, value },
            missing: text === null || undefined,
          },
        };
      }),
    ]);
    return { header, rows, why: '没有分村数据' };
  }
  // records
  const fields = rc.figures.recordFields.get(p.options.ledger ?? '') ?? [];
  const columns = (
    p.options.columns ??
    fields
      .slice(0, 6)
      .map((f) => f.key)
      .join(',')
  ).split(',');
  const header = ['序号', ...columns.map((c) => (c === 'village' ? '村（社区）' : (fields.find((f) => f.key === c)?.label ?? c)))];
  const list = (rc.figures.records(p) ?? []).slice(0, Number(p.options.limit ?? 100));
  const text = (v: unknown) => (Array.isArray(v) ? v.join('、') : typeof v === 'boolean' ? (v ? '是' : '否') : v == null ? '' : String(v));
  return { header, rows: list.map((r, i) => [cell(String(i + 1)), ...columns.map((c) => cell(text(r[c])))]), why: '没有符合条件的记录' };
}
