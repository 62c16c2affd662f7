// Supervision (督办): the task flow and the deadline lights (亮灯), pure so that the server's lists and filters
// and the browser decide alike. Lights are never stored: they follow from a task's nodes and the township's
// "today" (China time; the demo township's fixed date), computed at read time.

export const TASK_STATUSES = ['assigned', 'signed', 'in_progress', 'completion_requested', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_NAMES: Record<TaskStatus, string> = {
  assigned: '已交办',
  signed: '已签收',
  in_progress: '办理中',
  completion_requested: '办结申请',
  done: '已办结',
};

export const TASK_SOURCES = ['meeting', 'document', 'instruction', 'dispatch', 'quality', 'other'] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];
export const TASK_SOURCE_NAMES: Record<TaskSource, string> = {
  meeting: '会议部署',
  document: '上级文件',
  instruction: '领导交办',
  dispatch: '每日调度',
  quality: '数据质量问题',
  other: '其他',
};

/**
 * Who moves a task: its assigner (the leader who handed it out, or anyone who may assign in its unit) or its
 * handler (the lead unit's people and the responsible person).
 */
export type TaskParty = 'assigner' | 'handler';

export const TASK_TRANSITIONS = {
  sign: { from: ['assigned'], to: 'signed', by: 'handler', name: '签收' },
  start: { from: ['signed'], to: 'in_progress', by: 'handler', name: '开始办理' },
  request_completion: { from: ['signed', 'in_progress'], to: 'completion_requested', by: 'handler', name: '申请办结' },
  approve_completion: { from: ['completion_requested'], to: 'done', by: 'assigner', name: '同意办结' },
  return: { from: ['completion_requested'], to: 'in_progress', by: 'assigner', name: '退回' },
  pause: { from: ['assigned', 'signed', 'in_progress'], to: null, by: 'assigner', name: '暂停' },
  resume: { from: ['assigned', 'signed', 'in_progress'], to: null, by: 'assigner', name: '恢复' },
} as const satisfies Record<string, { from: readonly TaskStatus[]; to: TaskStatus | null; by: TaskParty; name: string }>;
export type TaskTransition = keyof typeof TASK_TRANSITIONS;
export const TASK_TRANSITION_NAMES = Object.fromEntries(Object.entries(TASK_TRANSITIONS).map(([k, t]) => [k, t.name])) as Record<
  TaskTransition,
  string
>;

export interface TaskState {
  status: TaskStatus;
  paused: boolean;
}

/**
 * The task after a transition, or the Chinese reason it cannot be made now. `parties` are the ways the user
 * is related to the task; the transition's party must be among them.
 */
export function applyTransition(
  task: TaskState,
  transition: TaskTransition,
  parties: readonly TaskParty[],
): { ok: true; state: TaskState } | { ok: false; reason: string; forbidden: boolean } {
  const rule = TASK_TRANSITIONS[transition];
  if (!parties.includes(rule.by)) {
    const who = rule.by === 'assigner' ? '交办人（或有交办权限的领导）' : '承办单位或责任人';
    return { ok: false, forbidden: true, reason: `只有${who}可以${rule.name}` };
  }
  if (!(rule.from as readonly TaskStatus[]).includes(task.status)) {
    return { ok: false, forbidden: false, reason: `任务${TASK_STATUS_NAMES[task.status]}，不能${rule.name}` };
  }
  if (transition === 'pause') {
    if (task.paused) return { ok: false, forbidden: false, reason: '任务已暂停' };
    return { ok: true, state: { ...task, paused: true } };
  }
  if (transition === 'resume') {
    if (!task.paused) return { ok: false, forbidden: false, reason: '任务未暂停，无需恢复' };
    return { ok: true, state: { ...task, paused: false } };
  }
  if (task.paused) return { ok: false, forbidden: false, reason: `任务已暂停，恢复后才能${rule.name}` };
  return { ok: true, state: { ...task, status: rule.to as TaskStatus } };
}

/** The transitions a user could make on a task now: the buttons the browser shows. */
export function availableTransitions(task: TaskState, parties: readonly TaskParty[]): TaskTransition[] {
  return (Object.keys(TASK_TRANSITIONS) as TaskTransition[]).filter((t) => applyTransition(task, t, parties).ok);
}

// ---------------------------------------------------------------------------------------------------------
// Lights

export const TASK_LIGHTS = ['red', 'yellow', 'blue', 'normal', 'grey', 'green'] as const;
export type TaskLight = (typeof TASK_LIGHTS)[number];
export const TASK_LIGHT_NAMES: Record<TaskLight, string> = {
  red: '红灯（逾期）',
  yellow: '黄灯（滞后）',
  blue: '蓝灯（3天内到期）',
  normal: '正常推进',
  grey: '灰灯（未签收或暂停）',
  green: '绿灯（已办结）',
};
/** Short names for tags and filters. */
export const TASK_LIGHT_SHORT_NAMES: Record<TaskLight, string> = {
  red: '逾期',
  yellow: '滞后',
  blue: '即将到期',
  normal: '正常',
  grey: '未开始/暂停',
  green: '已办结',
};

/** A node within this many days of its deadline lights blue: due today counts as 0 days. */
export const DUE_SOON_DAYS = 3;

/** A deadline node (时限节点): due by the end of `due` (China date); `originalDue` is before any approved delay. */
export interface DeadlineNode {
  due: string;
  originalDue: string;
  doneOn: string | null;
}

/**
 * What the lights need of a task's nodes; the server keeps it beside the task (it changes only when a node
 * does) so that a list can filter by light in SQL. Dates are ISO (YYYY-MM-DD), null when there is none.
 */
export interface NodeSummary {
  total: number;
  done: number;
  /** The earliest deadline of the nodes still open. */
  nextDue: string | null;
  /** The earliest original deadline of the nodes still open: before nextDue when a delay was granted. */
  nextOriginalDue: string | null;
  /** The last deadline of all nodes: a task finished after it was finished late. */
  finalDue: string | null;
}

export function summariseNodes(nodes: readonly DeadlineNode[]): NodeSummary {
  const open = nodes.filter((n) => n.doneOn === null);
  const min = (dates: string[]) => (dates.length === 0 ? null : dates.reduce((a, b) => (b < a ? b : a)));
  const max = (dates: string[]) => (dates.length === 0 ? null : dates.reduce((a, b) => (b > a ? b : a)));
  return {
    total: nodes.length,
    done: nodes.length - open.length,
    nextDue: min(open.map((n) => n.due)),
    nextOriginalDue: min(open.map((n) => n.originalDue)),
    finalDue: max(nodes.map((n) => n.due)),
  };
}

export interface LightInput extends NodeSummary {
  status: TaskStatus;
  paused: boolean;
  /** The China date the task was handed out: the start of its schedule. */
  createdOn: string;
  /** The China date it was finished (办结), when it is done. */
  doneOn: string | null;
}

export interface LightResult {
  light: TaskLight;
  /** Done after its last deadline, or open with a deadline passed: "逾期办结" stays visible after green. */
  late: boolean;
}

const DAY_MS = 86_400_000;
/** Whole days from a to b (ISO dates), negative when b is before a. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/**
 * The nodes a task should have finished by today on an even schedule from its creation to its last
 * deadline's day: with 4 nodes over 101 days, 2 by day 51. A task with fewer done is behind (yellow).
 */
export function plannedDone(summary: Pick<LightInput, 'total' | 'createdOn' | 'finalDue'>, today: string): number {
  if (summary.total === 0 || summary.finalDue === null) return 0;
  const span = daysBetween(summary.createdOn, summary.finalDue);
  if (span <= 0) return 0;
  const elapsed = Math.min(Math.max(daysBetween(summary.createdOn, today), 0), span);
  // The schedule runs to the end of the last deadline's day (span + 1 days): on that day a node is not late yet.
  return Math.floor((summary.total * elapsed) / (span + 1));
}

/**
 * The light of a task on a China date, in this order:
 * green when done (late when finished after its last deadline); grey while paused; red when an open node's
 * deadline has passed; yellow when an open node's original deadline has passed under an approved delay, or
 * fewer nodes are done than the even schedule plans; blue when an open node is due within DUE_SOON_DAYS;
 * grey when not yet signed; otherwise normal.
 */
export function taskLight(task: LightInput, today: string): LightResult {
  if (task.status === 'done') {
    return { light: 'green', late: task.finalDue !== null && task.doneOn !== null && task.doneOn > task.finalDue };
  }
  const overdue = task.nextDue !== null && task.nextDue < today;
  if (task.paused) return { light: 'grey', late: overdue };
  if (overdue) return { light: 'red', late: true };
  const delayedPast = task.nextOriginalDue !== null && task.nextOriginalDue < today;
  if (delayedPast || task.done < plannedDone(task, today)) return { light: 'yellow', late: false };
  if (task.nextDue !== null && daysBetween(today, task.nextDue) <= DUE_SOON_DAYS) return { light: 'blue', late: false };
  if (task.status === 'assigned') return { light: 'grey', late: false };
  return { light: 'normal', late: false };
}

// ---------------------------------------------------------------------------------------------------------
// Key projects

export const PROJECT_STATUSES = ['preparing', 'building', 'completed', 'paused'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const PROJECT_STATUS_NAMES: Record<ProjectStatus, string> = { preparing: '前期', building: '在建', completed: '竣工', paused: '暂缓' };

export const PROJECT_CATEGORIES = [
  'energy',
  'industry_park',
  'agriculture',
  'agri_tourism',
  'infrastructure',
  'education',
  'environment',
  'livelihood',
  'commerce',
  'other',
] as const;
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number];
export const PROJECT_CATEGORY_NAMES: Record<ProjectCategory, string> = {
  energy: '能源',
  industry_park: '产业园区',
  agriculture: '现代农业',
  agri_tourism: '农旅融合',
  infrastructure: '基础设施',
  education: '教育',
  environment: '生态环保',
  livelihood: '民生保障',
  commerce: '商贸服务',
  other: '其他',
};

export const GOAL_KINDS = ['focus', 'problem', 'innovation', 'other'] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];
export const GOAL_KIND_NAMES: Record<GoalKind, string> = { focus: '重点突破', problem: '难点攻坚', innovation: '创新亮点', other: '其他重点工作' };

/** A quarterly stage task of a key project. */
export interface StageTask {
  due: string;
  doneOn: string | null;
}

export interface StageProgress {
  /** Stages whose deadline has passed (due < today) or that are done already. */
  due: number;
  /** Of those, done on or before their deadline. */
  onTime: number;
  doneLate: number;
  overdue: number;
  /** onTime / due in %, one decimal; null when nothing was due yet. */
  onTimeRate: number | null;
}

/** How a project keeps its quarterly stages as of a date: the first ranking of the board (龙虎榜). */
export function stageProgress(stages: readonly StageTask[], today: string): StageProgress {
  let due = 0;
  let onTime = 0;
  let doneLate = 0;
  let overdue = 0;
  for (const stage of stages) {
    const done = stage.doneOn !== null && stage.doneOn <= today;
    if (!done && stage.due >= today) continue; // due today is not late yet
    due++;
    if (done && stage.doneOn! <= stage.due) onTime++;
    else if (done) doneLate++;
    else overdue++;
  }
  return { due, onTime, doneLate, overdue, onTimeRate: due === 0 ? null : Math.round((onTime / due) * 1000) / 10 };
}

/** Investment completed as a share of the plan, in %, one decimal; null without a plan. */
export function investmentRate(planned: number | null, completed: number | null): number | null {
  if (planned === null || planned <= 0 || completed === null) return null;
  return Math.round((completed / planned) * 1000) / 10;
}

/** The quarter (1–4) a China date falls in. */
export function quarterOf(date: string): 1 | 2 | 3 | 4 {
  return (Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4;
}

/** The first and last day of a quarter: 2022 Q2 → 2022-04-01 … 2022-06-30. */
export function quarterSpan(year: number, quarter: 1 | 2 | 3 | 4): { from: string; to: string } {
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastDay = new Date(Date.UTC(year, firstMonth + 2, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, '0');
  return { from: `${year}-${mm(firstMonth)}-01`, to: `${year}-${mm(firstMonth + 2)}-${lastDay}` };
}
