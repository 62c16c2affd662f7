// Who is told of a task's event. The handlers of a task are its lead unit's own people: those whose task.handle
// covers the lead unit through a scope narrower than the township (its village cadres, the group leader covering
// it) — or, for a township-led task, the township's handlers — plus a lead cadre group's members with an account
// and the responsible person. Township leaders are not told of every village's task: they see them in the lists.
import type { Queryable } from '../../db/connection.js';
import { can, pathCovers, scopesFor, type Principal } from '../../policy/policy.js';
import { roleBindingsOf } from '../auth/index.js';
import { findUnit } from '../org/index.js';
import { groupMemberUserIds, townshipUserIds } from './notifications.repository.js';

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

/** The grants a user may use now, as the session would hold them (auth.service.ts principalOf). */
async function principalsOf(q: Queryable, userIds: number[]): Promise<Principal[]> {
  const bindings = await roleBindingsOf(q, userIds);
  return userIds.map((userId) => ({
    userId,
    username: '',
    grants: (bindings.get(userId) ?? [])
      .filter((b) => !b.pending)
      .map((b) => ({ role: b.role, scopePaths: b.role === 'group_leader' ? b.coveredPaths : [b.orgUnitPath ?? '/'] })),
  }));
}

export async function handlersOf(q: Queryable, task: NoticeTask): Promise<number[]> {
  // A split task's parent is handled in its copies: each village is told of its own.
  if (task.childrenTotal > 0) return [];
  const ids = new Set<number>();
  if (task.leadGroupId !== null) for (const id of await groupMemberUserIds(q, task.leadGroupId)) ids.add(id);
  if (task.leadUnitId !== null) {
    const township = await findUnit(q, { id: task.townshipId });
    const townshipPath = township?.path ?? '';
    const ownScope = (scope: string) => pathCovers(scope, task.unitPath) && (scope !== townshipPath || task.unitPath === townshipPath);
    for (const p of await principalsOf(q, await townshipUserIds(q, task.townshipId))) {
      if (can(p, 'task.handle', { path: task.unitPath }) && scopesFor(p, 'task.handle').some(ownScope)) ids.add(p.userId);
    }
  }
  if (task.responsibleUserId !== null) ids.add(task.responsibleUserId);
  return [...ids];
}

export function assignersOf(task: NoticeTask): number[] {
  return task.assignerId !== null ? [task.assignerId] : [];
}
