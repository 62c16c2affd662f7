// Reads what a template's placeholders ask for, in as few calls as possible: every indicator value through the
// indicators surface (one call per unit the template names, all keys and periods at once, so a figure is always
// the value the indicator API gives), and the records, projects, tasks and campaign figures through theirs.
import { recordsQuery } from '../../../core/contracts/ledgers-requests.js';
import { parseWhere, type Placeholder, type WhereCondition } from '../../../core/report-template.js';
import { AppError } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { smallGroupsWithVillages } from '../cadre/index.js';
import { indicatorValues, siblingRank, type SiblingRank } from '../indicators/index.js';
import { readRecords } from '../ledgers/index.js';
import { mergeFigures, unitsUnder, type OrgUnitRef } from '../org/index.js';
import { projectFacts, tasksTitled, type ProjectFact, type TaskFact } from '../supervision/index.js';

/** The window id a placeholder's period option reads, for a report of period P as of a date. */
export function windowOf(option: string | undefined, reportPeriod: string): string {
  switch (option ?? 'report') {
    case 'report':
      return reportPeriod;
    case 'ly':
      return `LY:${reportPeriod}`;
    case 'year':
      return reportPeriod.slice(0, 4);
    case 'ytd':
      return 'YEAR_TO_DATE';
    case 'yesterday':
      return 'YESTERDAY';
    case 'last7':
      return 'LAST_7_DAYS';
    default:
      return option!;
  }
}

export interface IndicatorMeta {
  key: string;
  name: string;
  unit: string;
  decimals: number;
  higherIsBetter: boolean;
}

/** A subject values are read for: an org unit, or a cadre group (its villages' sum). */
export interface SubjectRef {
  code: string;
  name: string;
  /** Set for a cadre group: values are read from the township split by cadre group. */
  cadreGroup?: boolean;
}

/**
 * Problems found while reading: the placeholder they belong to and a Chinese message. A soft one is about this
 * rendering, not the template (no villages to rank in a village's summary, records the user may not read): the
 * figure shows "—" with a warning instead of refusing the report.
 */
export type Problem = { placeholder: Placeholder; message: string; soft?: boolean };

export interface Figures {
  meta: Map<string, IndicatorMeta>;
  /** value(key, subject code, window id); undefined when it was not read. */
  value(key: string, subject: string, window: string): number | null | undefined;
  /** The report unit's villages (or cadre groups) with their values, for top lists and grids. */
  split(key: string, window: string, by: 'village' | 'cadre_group'): { code: string; name: string; value: number | null }[] | undefined;
  rank(p: Placeholder): SiblingRank | undefined;
  subjectOf(p: Placeholder): SubjectRef | undefined;
  records(p: Placeholder): Record<string, unknown>[] | undefined;
  recordFields: Map<string, { key: string; label: string; type: string }[]>;
  projects: ProjectFact[];
  tasks(p: Placeholder): TaskFact[] | undefined;
  merge?: Awaited<ReturnType<typeof mergeFigures>>;
  problems: Problem[];
}

const INDICATOR_KINDS = new Set(['value', 'growth', 'top', 'rank']);

export interface FigureRequest {
  township: OrgUnitRef;
  unit: OrgUnitRef;
  period: string;
  asOf: string;
  placeholders: Placeholder[];
}

/** Reads everything the placeholders need. Unknown names become problems; the caller decides if they are fatal. */
export async function readFigures(ctx: ServiceContext, req: FigureRequest): Promise<Figures> {
  const problems: Problem[] = [];
  const nodes = await unitsUnder(ctx.db, req.township.path);
  const groups = await smallGroupsWithVillages(ctx.db, req.township.id);
  const reportSubject: SubjectRef = { code: req.unit.code, name: req.unit.name };

  // Which subject each placeholder reads: the report's unit, or the unit / cadre group its unit= names.
  const subjects = new Map<number, SubjectRef>();
  const subjectOf = (p: Placeholder): SubjectRef | undefined => {
    if (subjects.has(p.index)) return subjects.get(p.index);
    const named = p.options.unit;
    let subject: SubjectRef | undefined = reportSubject;
    if (named) {
      const unit = nodes.find((n) => n.code === named) ?? nodes.find((n) => n.name === named && !n.validTo);
      const group = unit ? undefined : groups.find((g) => g.name === named);
      subject = unit ? { code: unit.code, name: unit.name } : group ? { code: `cg${group.id}`, name: group.name, cadreGroup: true } : undefined;
      if (!subject) problems.push({ placeholder: p, message: `单位或包村小组“${named}”不存在` });
    }
    subjects.set(p.index, subject!);
    return subject;
  };

  // ---- indicators: one values call per subject, every key and window at once
  const wanted = new Map<string, { subject: SubjectRef; keys: Set<string>; windows: Set<string> }>();
  const splits: { key: string; window: string; by: 'village' | 'cadre_group' }[] = [];
  const ranks = new Map<number, SiblingRank>();
  const rankRequests: Placeholder[] = [];
  const gridKeys = (p: Placeholder) => (p.kind === 'table' && p.target === 'grid' ? (p.options.keys ?? '').split(',').filter(Boolean) : []);
  for (const p of req.placeholders) {
    for (const key of gridKeys(p))
      splits.push({ key, window: windowOf(p.options.period, req.period), by: (p.options.by as 'village' | 'cadre_group') ?? 'village' });
    if (!INDICATOR_KINDS.has(p.kind)) continue;
    const window = windowOf(p.options.period, req.period);
    if (p.kind === 'top') {
      splits.push({ key: p.target, window, by: (p.options.by as 'village' | 'cadre_group') ?? 'village' });
      continue;
    }
    if (p.kind === 'rank') {
      rankRequests.push(p);
      continue;
    }
    const subject = subjectOf(p);
    if (!subject) continue;
    const entry = wanted.get(subject.code) ?? { subject, keys: new Set(), windows: new Set() };
    entry.keys.add(p.target);
    entry.windows.add(window);
    if (p.kind === 'growth') entry.windows.add(`LY:${window}`);
    wanted.set(subject.code, entry);
  }
  const knownKeys = await knownIndicatorKeys(ctx, req.township.code, [
    ...new Set(req.placeholders.flatMap((p) => (INDICATOR_KINDS.has(p.kind) ? [p.target] : gridKeys(p)))),
  ]);
  for (const p of req.placeholders) {
    for (const key of INDICATOR_KINDS.has(p.kind) ? [p.target] : gridKeys(p))
      if (!knownKeys.meta.has(key)) problems.push({ placeholder: p, message: `指标“${key}”不存在` });
  }
  const known = (keys: Iterable<string>) => [...keys].filter((k) => knownKeys.meta.has(k));
  const values = new Map<string, number | null>();
  const put = (key: string, subject: string, window: string, value: number | null) => values.set(`${key}|${subject}|${window}`, value);
  const calls: Promise<void>[] = [];
  for (const { subject, keys, windows } of wanted.values()) {
    const list = known(keys);
    if (!list.length) continue;
    calls.push(
      indicatorValues(ctx, {
        keys: list,
        period: [...windows],
        asOf: req.asOf,
        orgUnit: subject.cadreGroup ? req.township.code : subject.code,
        by: subject.cadreGroup ? 'cadre_group' : undefined,
      }).then((answer) => {
        for (const item of answer.items) if (item.orgUnit === subject.code) put(item.indicator, subject.code, item.period, item.value);
      }),
    );
  }
  const splitValues = new Map<string, { code: string; name: string; value: number | null }[]>();
  const splitGroups = new Map<string, { by: 'village' | 'cadre_group'; keys: Set<string>; windows: Set<string> }>();
  for (const s of splits) {
    if (!knownKeys.meta.has(s.key)) continue;
    const g = splitGroups.get(s.by) ?? { by: s.by, keys: new Set(), windows: new Set() };
    g.keys.add(s.key);
    g.windows.add(s.window);
    splitGroups.set(s.by, g);
  }
  for (const g of splitGroups.values()) {
    calls.push(
      indicatorValues(ctx, { keys: [...g.keys], period: [...g.windows], asOf: req.asOf, orgUnit: req.unit.code, by: g.by })
        .then((answer) => {
          const names = new Map(answer.orgUnits.map((u) => [u.code, u.name]));
          for (const item of answer.items) {
            const id = `${item.indicator}|${item.period}|${g.by}`;
            splitValues.set(id, [
              ...(splitValues.get(id) ?? []),
              { code: item.orgUnit, name: names.get(item.orgUnit) ?? item.orgUnit, value: item.value },
            ]);
          }
        })
        .catch((e: unknown) => {
          // a village's report has no villages to list: the placeholders say so, the rest still renders
          if (!(e instanceof AppError) || e.status >= 500) throw e;
          for (const p of req.placeholders)
            if (p.kind === 'top' || gridKeys(p).length) problems.push({ placeholder: p, message: e.message, soft: true });
        }),
    );
  }
  for (const p of rankRequests) {
    if (!knownKeys.meta.has(p.target)) continue;
    calls.push(
      siblingRank(ctx, p.target, { orgUnit: subjectOf(p)?.code ?? req.unit.code, period: windowOf(p.options.period, req.period), asOf: req.asOf })
        .then((r) => void ranks.set(p.index, r))
        .catch((e: unknown) => {
          if (!(e instanceof AppError) || e.status >= 500) throw e;
          problems.push({ placeholder: p, message: e.errors?.[0]?.message ?? e.message, soft: true });
        }),
    );
  }

  // ---- records
  const recordFields = new Map<string, { key: string; label: string; type: string }[]>();
  const records = new Map<number, Record<string, unknown>[]>();
  for (const p of req.placeholders) {
    if (p.kind !== 'field' && p.kind !== 'count' && !(p.kind === 'table' && p.target === 'records')) continue;
    const ledgerKey = p.kind === 'table' ? p.options.ledger : p.target.split('.')[0];
    if (!ledgerKey) {
      problems.push({ placeholder: p, message: '记录表需要 ledger=台账键' });
      continue;
    }
    calls.push(
      readLedgerRecords(ctx, ledgerKey, subjectOf(p)?.code ?? req.unit.code, p.options.where ? parseWhere(p.options.where)! : [])
        .then(({ rows, fields }) => {
          records.set(p.index, rows);
          recordFields.set(ledgerKey, fields);
          const field = p.kind === 'field' ? p.target.split('.')[1] : undefined;
          if (field && field !== 'village' && !fields.some((f) => f.key === field))
            problems.push({ placeholder: p, message: `台账“${ledgerKey}”没有字段“${field}”` });
          for (const c of p.options.where ? parseWhere(p.options.where)! : [])
            if (!fields.some((f) => f.key === c.field)) problems.push({ placeholder: p, message: `台账“${ledgerKey}”没有字段“${c.field}”` });
        })
        .catch((e: unknown) => {
          if (!(e instanceof AppError) || e.status >= 500) throw e;
          problems.push(
            e.status === 404 ? { placeholder: p, message: `台账“${ledgerKey}”不存在` } : { placeholder: p, message: e.message, soft: true },
          );
        }),
    );
  }

  // ---- supervision and the merge campaign
  let projects: ProjectFact[] = [];
  if (req.placeholders.some((p) => p.kind === 'project' || (p.kind === 'table' && p.target === 'projects'))) {
    calls.push(
      projectFacts(ctx, req.township.code).then((all) => {
        projects = all.filter((x) => x.villagePath.startsWith(req.unit.path) || req.unit.level === 'town');
      }),
    );
  }
  const tasks = new Map<number, TaskFact[]>();
  for (const p of req.placeholders.filter((x) => x.kind === 'task')) {
    calls.push(tasksTitled(ctx, p.target, req.township.code).then((found) => void tasks.set(p.index, found)));
  }
  let merge: Figures['merge'];
  if (req.placeholders.some((p) => p.kind === 'merge')) {
    const villages =
      req.unit.level === 'town' ? undefined : nodes.filter((n) => n.level === 'village' && n.path.startsWith(req.unit.path)).map((n) => n.code);
    calls.push(mergeFigures(ctx.db, req.township.id, villages).then((m) => void (merge = m)));
  }
  await Promise.all(calls);

  return {
    meta: knownKeys.meta,
    value: (key, subject, window) => values.get(`${key}|${subject}|${window}`),
    split: (key, window, by) => splitValues.get(`${key}|${window}|${by}`),
    rank: (p) => ranks.get(p.index),
    subjectOf,
    records: (p) => records.get(p.index),
    recordFields,
    projects,
    tasks: (p) => tasks.get(p.index),
    merge,
    problems,
  };
}

/** The township's indicators among the keys, with what formatting needs. */
async function knownIndicatorKeys(ctx: ServiceContext, townshipCode: string, keys: string[]) {
  const meta = new Map<string, IndicatorMeta>();
  if (!keys.length) return { meta };
  // Asking for a period that reads nothing (the first day of the year as of itself) is cheap; unknown keys are
  // answered one by one so that a single bad key names itself rather than failing the lot.
  const probe = async (list: string[]): Promise<void> => {
    try {
      const answer = await indicatorValues(ctx, { keys: list, period: ['20000101'], asOf: '2000-01-01', orgUnit: townshipCode });
      for (const i of answer.indicators)
        meta.set(i.key, { key: i.key, name: i.name, unit: i.unit, decimals: i.decimals, higherIsBetter: i.higherIsBetter });
    } catch (e) {
      if (!(e instanceof AppError) || e.status !== 400 || list.length === 1) {
        if (e instanceof AppError && e.status === 400) return;
        throw e;
      }
      const unknown = new Set((e.errors ?? []).map((x) => /指标“(.+)”不存在/.exec(x.message)?.[1]).filter(Boolean));
      const rest = list.filter((k) => !unknown.has(k));
      if (rest.length && rest.length < list.length) await probe(rest);
    }
  };
  await probe(keys);
  return { meta };
}

/** Records of a ledger under a unit matching the conditions, as the user may see them (masked). */
async function readLedgerRecords(ctx: ServiceContext, ledgerKey: string, unitCode: string, where: WhereCondition[]) {
  // The list filter does the first cut (text fields match by containing the value); "field:value" is then exact.
  const filters = Object.fromEntries(where.map((c) => [`f.${c.field}`, c.value]));
  const query = recordsQuery.parse({ orgUnit: /^\d{12}/.test(unitCode) ? unitCode : undefined, order: 'asc', ...filters });
  const answer = await readRecords(ctx, ledgerKey, query, 5000);
  const text = (v: unknown) => (Array.isArray(v) ? v.join('、') : v == null ? '' : String(v));
  const rows = answer.items
    .map((r) => ({ ...r.values, village: r.orgUnit.name.split('/')[0], __unit: r.orgUnit.name }))
    .filter((values) => where.every((c) => (c.op === 'eq' ? text(values[c.field as keyof typeof values]) === c.value : true)));
  const fields = answer.definition.fields.filter((f) => !f.retired).map((f) => ({ key: f.key, label: f.label, type: f.type }));
  return { rows, fields };
}
