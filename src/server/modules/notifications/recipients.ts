// Who is told of a task's event. The handlers of a task are its lead unit's own people: those whose task.handle
// covers the lead unit through a scope narrower than the township (its village cadres, the group leader covering
// it) — or, for a township-led task, the township's handlers — plus a lead cadre group's members with an account
// and the responsible person. Township leaders are not told of every village's task: they see them in the lists.
import type { Queryable } from '../../db/connection.js';
import { can, pathCovers, scopesFor } from '../../policy/policy.js';
import { liveAccountIdsOfTownship, principalOf, roleBindingsOf } from '../auth/index.js';
import { memberUserIdsOfGroup } from '../cadre/index.js';
import { findUnit } from '../org/index.js';

/** What recipients are decided by: a task row of supervision fits (structurally). */
export interface NoticeTask {
  id: number;
  townshipId: number;
  title: string;
  leadUnitId: number | null;
  leadGroupId: number | null;
  leadUnitName?: string | null;
  leadGroupName?: string | null;
  unitPath: string;
  assignerId: number | null;
  responsibleUserId: number | null;
  childrenTotal: number;
  version: number;
}

/** A township's path and the grants its live accounts may use now (auth's principalOf, as a session holds them). */
async function townshipHandlers(q: Queryable, townshipId: number) {
  const township = await findUnit(q, { id: townshipId });
  const userIds = await liveAccountIdsOfTownship(q, townshipId);
  const bindings = await roleBindingsOf(q, userIds);
  const principals = userIds.map((userId) => principalOf({ id: userId, username: '' }, bindings.get(userId) ?? []));
  return { townshipPath: township?.path ?? '', principals };
}

/**
 * Decides handlers for many tasks in one transaction (the daily reminder): a township's accounts and grants and a
 * group's members are read once, not once per task. Only within one transaction: they change with the data.
 */
export function handlersReader(q: Queryable): (task: NoticeTask) => Promise<number[]> {
  const townships = new Map<number, ReturnType<typeof townshipHandlers>>();
  const groups = new Map<number, Promise<number[]>>();
  return async (task) => {
    // A split task's parent is handled in its copies: each village is told of its own.
    if (task.childrenTotal > 0) return [];
    const ids = new Set<number>();
    if (task.leadGroupId !== null) {
      if (!groups.has(task.leadGroupId)) groups.set(task.leadGroupId, memberUserIdsOfGroup(q, task.leadGroupId));
      for (const id of await groups.get(task.leadGroupId)!) ids.add(id);
    }
    if (task.leadUnitId !== null) {
      if (!townships.has(task.townshipId)) townships.set(task.townshipId, townshipHandlers(q, task.townshipId));
      const { townshipPath, principals } = await townships.get(task.townshipId)!;
      const ownScope = (scope: string) => pathCovers(scope, task.unitPath) && (scope !== townshipPath || task.unitPath === townshipPath);
      for (const p of principals) {
        if (can(p, 'task.handle', { path: task.unitPath }) && scopesFor(p, 'task.handle').some(ownScope)) ids.add(p.userId);
      }
    }
    if (task.responsibleUserId !== null) ids.add(task.responsibleUserId);
    return [...ids];
  };
}

export function handlersOf(q: Queryable, task: NoticeTask): Promise<number[]> {
  return handlersReader(q)(task);
}

export function assignersOf(task: NoticeTask): number[] {
  return task.assignerId !== null ? [task.assignerId] : [];
}
