// Reads what a template's placeholders ask for, in as few calls as possible: every indicator value through the
// indicators surface (one call per unit the template names, all keys and periods at once, so a figure is always
// the value the indicator API gives), and the records, projects, tasks and campaign figures through theirs.
import { recordsQuery } from '../../../core/contracts/ledgers-requests.js';
import { parseWhere, type Placeholder, type WhereCondition } from '../../../core/report-template.js';
import { AppError } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { smallGroupsWithVillages } from '../cadre/index.js';
import { indicatorCatalogue, indicatorValues, siblingRank, type SiblingRank } from '../indicators/index.js';
import { countRecords, readRecords } from '../ledgers/index.js';
import { ancestorsOf, mergeFigures, unitsNamed, type OrgUnitRef } from '../org/index.js';
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
  /** The number of records a count placeholder matches. */
  count(p: Placeholder): number | undefined;
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
  const gridKeys = (p: Placeholder) => (p.kind === 'table' && p.target === 'grid' ? (p.options.keys ?? '').split(',').filter(Boolean) : []);
  const indicatorKeys = [...new Set(req.placeholders.flatMap((p) => (INDICATOR_KINDS.has(p.kind) ? [p.target] : gridKeys(p))))];
  // only the units and cadre groups the template names, and the village of a report below village level
  const named = [...new Set(req.placeholders.flatMap((p) => (p.options.unit ? [p.options.unit] : [])))];
  const [nodes, groups, knownKeys, villageOfUnit] = await Promise.all([
    unitsNamed(ctx.db, req.township.path, named),
    named.length ? smallGroupsWithVillages(ctx.db, req.township.id) : Promise.resolve([]),
    knownIndicatorKeys(ctx, req.township.id, indicatorKeys),
    req.unit.level === 'group' || req.unit.level === 'grid' ? ancestorsOf(ctx.db, req.unit.path) : Promise.resolve([]),
  ]);
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
      })
        .then((answer) => {
          for (const item of answer.items) if (item.orgUnit === subject.code) put(item.indicator, subject.code, item.period, item.value);
        })
        .catch((e: unknown) => {
          // another village named in the template, which this reader may not see: its figures are gaps, not a refusal
          if (!(e instanceof AppError) || e.status >= 500 || subject.code === req.unit.code) throw e;
          for (const p of req.placeholders)
            if (INDICATOR_KINDS.has(p.kind) && subjects.get(p.index)?.code === subject.code)
              problems.push({ placeholder: p, message: e.errors?.[0]?.message ?? e.message, soft: true });
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
  const counts = new Map<number, number>();
  // A ledger is read once per unit when it is small (a project's four fields, three projects of one ledger);
  // a large one is read per condition. Counts are counted by the database.
  const wholeReads = new Map<string, ReturnType<typeof readLedgerRecords>>();
  const recordsOf = async (ledgerKey: string, unitCode: string, where: WhereCondition[]) => {
    const key = `${ledgerKey}|${unitCode}`;
    if (!wholeReads.has(key)) wholeReads.set(key, readLedgerRecords(ctx, ledgerKey, unitCode, [], WHOLE_LEDGER_ROWS));
    const all = await wholeReads.get(key)!;
    if (all.rows.length < WHOLE_LEDGER_ROWS) return { rows: all.rows.filter((r) => matches(r, where)), fields: all.fields, total: null };
    return readLedgerRecords(ctx, ledgerKey, unitCode, where, 5000);
  };
  for (const p of req.placeholders) {
    if (p.kind !== 'field' && p.kind !== 'count' && !(p.kind === 'table' && p.target === 'records')) continue;
    const ledgerKey = p.kind === 'table' ? p.options.ledger : p.target.split('.')[0];
    if (!ledgerKey) {
      problems.push({ placeholder: p, message: '记录表需要 ledger=台账键' });
      continue;
    }
    const unitCode = subjectOf(p)?.code ?? req.unit.code;
    const where = p.options.where ? parseWhere(p.options.where)! : [];
    calls.push(
      (p.kind === 'count' ? readLedgerRecords(ctx, ledgerKey, unitCode, where, 0) : recordsOf(ledgerKey, unitCode, where))
        .then(({ rows, fields, total }) => {
          records.set(p.index, rows);
          if (total !== null) counts.set(p.index, total);
          recordFields.set(ledgerKey, fields);
          const field = p.kind === 'field' ? p.target.split('.')[1] : undefined;
          if (field && field !== 'village' && !fields.some((f) => f.key === field))
            problems.push({ placeholder: p, message: `台账“${ledgerKey}”没有字段“${field}”` });
          for (const c of where)
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
  const taskReads = new Map<string, Promise<TaskFact[]>>();
  for (const p of req.placeholders.filter((x) => x.kind === 'task')) {
    if (!taskReads.has(p.target)) taskReads.set(p.target, tasksTitled(ctx, p.target, req.township.code));
    calls.push(taskReads.get(p.target)!.then((found) => void tasks.set(p.index, found)));
  }
  let merge: Figures['merge'];
  if (req.placeholders.some((p) => p.kind === 'merge')) {
    const villages =
      req.unit.level === 'town'
        ? undefined
        : req.unit.level === 'village'
          ? [req.unit.code]
          : villageOfUnit.filter((a) => a.level === 'village').map((a) => a.code);
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
    count: (p) => counts.get(p.index),
    recordFields,
    projects,
    tasks: (p) => tasks.get(p.index),
    merge,
    problems,
  };
}

/** The township's indicators among the keys, with what formatting needs: one read of its catalogue. */
async function knownIndicatorKeys(ctx: ServiceContext, townshipId: number, keys: string[]) {
  const meta = new Map<string, IndicatorMeta>();
  if (!keys.length) return { meta };
  const wanted = new Set(keys);
  for (const i of await indicatorCatalogue(ctx.db, townshipId))
    if (wanted.has(i.key)) meta.set(i.key, { key: i.key, name: i.name, unit: i.unit, decimals: i.decimals, higherIsBetter: i.higherIsBetter });
  return { meta };
}

/** A ledger read once per unit holds at most this many records; a larger one is read per condition. */
const WHOLE_LEDGER_ROWS = 1000;

const cellText = (v: unknown) => (Array.isArray(v) ? v.join('、') : v == null ? '' : String(v));

/** "field:value" is the whole text, "field~part" a part of it (a multi-choice value as 甲、乙). */
function matches(values: Record<string, unknown>, where: WhereCondition[]): boolean {
  return where.every((c) => (c.op === 'eq' ? cellText(values[c.field]) === c.value : cellText(values[c.field]).includes(c.value)));
}

/**
 * Records of a ledger under a unit matching the conditions, as the user may see them (masked), at most `limit`
 * (0: only the count, `total`, as the ledger list counts them: text fields by containing the value).
 */
async function readLedgerRecords(ctx: ServiceContext, ledgerKey: string, unitCode: string, where: WhereCondition[], limit: number) {
  const filters = Object.fromEntries(where.map((c) => [`f.${c.field}`, c.value]));
  const orgUnit = /^\d{12}/.test(unitCode) ? unitCode : undefined;
  const fieldsOf = (list: { key: string; label: string; type: string; retired?: boolean }[]) =>
    list.filter((f) => !f.retired).map((f) => ({ key: f.key, label: f.label, type: f.type }));
  if (limit === 0) {
    const listed = await countRecords(ctx, ledgerKey, recordsQuery.parse({ orgUnit, pageSize: 1, ...filters }));
    return { rows: [], fields: fieldsOf(listed.fields), total: listed.total };
  }
  // The list filter does the first cut (text fields match by containing the value); the conditions then hold exactly.
  const answer = await readRecords(ctx, ledgerKey, recordsQuery.parse({ orgUnit, order: 'asc', ...filters }), limit);
  const rows = answer.items.map((r) => ({ ...r.values, village: r.orgUnit.name.split('/')[0] })).filter((values) => matches(values, where));
  return { rows, fields: fieldsOf(answer.definition.fields), total: null as number | null };
}
