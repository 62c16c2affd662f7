// The cadre organisation (组线包村): big groups → small groups, each with a leader and members; small groups
// cover villages. The first step of each use case is the access check on the township (cadre-access.ts).
import type { Queryable } from '../../db/connection.js';
import { AppError, invalid, notFound, type FieldError } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { recordAudit } from '../audit/index.js';
import { townshipFor } from './cadre-access.js';
import type { OrgUnitRef } from '../org/index.js';
import * as repo from './cadre.repository.js';
import type { CreateGroupInput, MemberInput, UpdateGroupInput } from './cadre.schemas.js';

export interface CadreGroupView {
  id: number;
  kind: 'big' | 'small';
  name: string;
  parentId: number | null;
  leader: { name: string; position: string | null } | null;
  members: { id: number; name: string; position: string | null; isLeader: boolean; userId: number | null }[];
  villages: { code: string; name: string }[];
  children: CadreGroupView[];
}

/** The whole organisation of a township in three queries: big groups in order, each with its small groups. */
export async function loadTree(q: Queryable, townshipId: number): Promise<CadreGroupView[]> {
  // One after the other: inside a transaction the three share one connection.
  const groups = await repo.listGroups(q, townshipId);
  const members = await repo.listMembers(q, townshipId);
  const coverage = await repo.listCoverage(q, townshipId);
  const views = new Map<number, CadreGroupView>(
    groups.map((g) => [
      g.id,
      { id: g.id, kind: g.kind as CadreGroupView['kind'], name: g.name, parentId: g.parentId, leader: null, members: [], villages: [], children: [] },
    ]),
  );
  for (const m of members) {
    const view = views.get(m.groupId);
    if (!view) continue;
    view.members.push({ id: m.id, name: m.name, position: m.position, isLeader: m.isLeader, userId: m.userId });
    if (m.isLeader) view.leader = { name: m.name, position: m.position };
  }
  for (const c of coverage) views.get(c.groupId)?.villages.push({ code: c.code, name: c.name });
  const roots: CadreGroupView[] = [];
  for (const view of views.values()) {
    const parent = view.parentId == null ? undefined : views.get(view.parentId);
    (parent ? parent.children : roots).push(view);
  }
  return roots;
}

async function presentGroup(q: Queryable, townshipId: number, id: number): Promise<CadreGroupView> {
  const all = (await loadTree(q, townshipId)).flatMap((g) => [g, ...g.children]);
  return all.find((g) => g.id === id)!;
}

/** A group of this township: a group of another township is as unknown as a missing one. */
async function groupOf(q: Queryable, townshipId: number, id: number) {
  const group = await repo.findGroup(q, townshipId, id);
  if (!group) throw notFound(`组 ${id} `);
  return group;
}

async function assertNameFree(q: Queryable, townshipId: number, name: string, exceptId?: number) {
  if (await repo.groupNamed(q, townshipId, name, exceptId)) throw new AppError('CONFLICT', `本镇已有名为“${name}”的组`);
}

/** Big groups stand alone; a small group hangs under a big group of the same township. */
async function checkParent(q: Queryable, townshipId: number, kind: string, parentId: number | null) {
  if (kind === 'big') {
    if (parentId != null) throw invalid([{ field: 'parentId', message: '大组不能有上级' }]);
    return;
  }
  if (parentId == null) throw invalid([{ field: 'parentId', message: '小组必须属于一个大组，请选择上级大组' }]);
  const parent = await repo.findGroup(q, townshipId, parentId);
  if (!parent) throw invalid([{ field: 'parentId', message: '上级大组不存在' }]);
  if (parent.kind !== 'big') throw invalid([{ field: 'parentId', message: `“${parent.name}”是小组，上级必须是大组` }]);
}

/**
 * One write: the access check and the township lock, then — for an existing group — its lookup (404 when it
 * is not this township's) and its state before; the change; the audit entry; all in one transaction.
 */
async function write(
  ctx: ServiceContext,
  townshipCode: string | undefined,
  action: string,
  id: number | null,
  change: (tx: Queryable, township: OrgUnitRef, group: repo.GroupRow | undefined) => Promise<number | void>,
): Promise<CadreGroupView> {
  return ctx.db.transaction(async (tx) => {
    const township = await townshipFor(ctx, tx, 'cadre.write', townshipCode);
    const group = id == null ? undefined : await groupOf(tx, township.id, id);
    const before = id == null ? undefined : await presentGroup(tx, township.id, id);
    const changedId = (await change(tx, township, group)) ?? id!;
    const after = action === 'cadre.delete' ? undefined : await presentGroup(tx, township.id, changedId);
    await recordAudit(tx, ctx.actor, { action, entity: 'cadre_group', entityId: changedId, townshipId: township.id, before, after });
    return after!;
  });
}

export async function listGroups(ctx: ServiceContext, townshipCode?: string) {
  const township = await townshipFor(ctx, ctx.db, 'cadre.read', townshipCode);
  return { township: { code: township.code, name: township.name }, items: await loadTree(ctx.db, township.id) };
}

export function createGroup(ctx: ServiceContext, input: CreateGroupInput, townshipCode?: string) {
  return write(ctx, townshipCode, 'cadre.create', null, async (tx, township) => {
    const parentId = input.parentId ?? null;
    await checkParent(tx, township.id, input.kind, parentId);
    await assertNameFree(tx, township.id, input.name);
    const created = await repo.insertGroup(tx, { townshipId: township.id, kind: input.kind, name: input.name, parentId });
    return created.id;
  });
}

export function updateGroup(ctx: ServiceContext, id: number, input: UpdateGroupInput, townshipCode?: string) {
  return write(ctx, townshipCode, 'cadre.update', id, async (tx, township, group) => {
    if (input.name !== undefined) await assertNameFree(tx, township.id, input.name, id);
    if (input.parentId !== undefined) await checkParent(tx, township.id, group!.kind, input.parentId);
    await repo.updateGroup(tx, group!, { name: input.name, parentId: input.parentId });
  });
}

export async function deleteGroup(ctx: ServiceContext, id: number, townshipCode?: string) {
  await write(ctx, townshipCode, 'cadre.delete', id, async (tx, _township, group) => {
    const children = await repo.childCount(tx, id);
    if (children > 0) throw new AppError('CONFLICT', `“${group!.name}”下还有 ${children} 个小组，请先删除或将其移到其他大组`);
    const bound = await repo.usernamesBoundTo(tx, id);
    if (bound.length) throw new AppError('CONFLICT', `“${group!.name}”已绑定组长账号 ${bound.join('、')}，请先调整这些账号的角色`);
    await repo.deleteGroup(tx, id);
  });
}

export function setMembers(ctx: ServiceContext, id: number, members: MemberInput[], townshipCode?: string) {
  return write(ctx, townshipCode, 'cadre.members', id, async (tx, township) => {
    const linked = await repo.usersByIds(tx, [...new Set(members.flatMap((m) => (m.userId ? [m.userId] : [])))]);
    const errors: FieldError[] = [];
    members.forEach((m, i) => {
      if (!m.userId) return;
      const user = linked.find((u) => u.id === m.userId);
      if (!user) errors.push({ field: `members.${i}.userId`, message: `账号 ${m.userId} 不存在` });
      else if (user.townshipId !== township.id)
        errors.push({ field: `members.${i}.userId`, message: `账号“${user.displayName}”不属于${township.name}` });
    });
    if (errors.length) throw invalid(errors);
    await repo.replaceMembers(tx, township.id, id, members);
  });
}

export function setVillages(ctx: ServiceContext, id: number, villageCodes: string[], townshipCode?: string) {
  return write(ctx, townshipCode, 'cadre.villages', id, async (tx, township, group) => {
    if (group!.kind !== 'small') throw invalid([{ field: 'villageCodes', message: `“${group!.name}”是大组，包联村请设在其下的小组` }]);
    const units = await repo.findUnitsByCode(tx, villageCodes);
    const errors: FieldError[] = [];
    const chosen: repo.VillageRecord[] = [];
    villageCodes.forEach((code, i) => {
      const unit = units.find((u) => u.code === code);
      const field = `villageCodes.${i}`;
      if (!unit) errors.push({ field, message: `村 ${code} 不存在` });
      else if (unit.level !== 'village') errors.push({ field, message: `“${unit.name}”不是村（社区）` });
      else if (unit.validTo) errors.push({ field, message: `“${unit.name}”已于 ${unit.validTo} 撤销` });
      else if (unit.townshipId !== township.id) errors.push({ field, message: `“${unit.name}”不属于${township.name}` });
      else if (!chosen.includes(unit)) chosen.push(unit);
    });
    if (errors.length) throw invalid(errors);
    const taken = await repo.coveredElsewhere(
      tx,
      chosen.map((v) => v.id),
      id,
    );
    if (taken.length) {
      const names = taken.map((t) => `“${chosen.find((v) => v.id === t.orgUnitId)!.name}”已由“${t.groupName}”包联`);
      throw new AppError('CONFLICT', `${names.join('；')}，一个村同一时间只能由一个小组包联`);
    }
    await repo.replaceVillages(
      tx,
      township.id,
      id,
      chosen.map((v) => v.id),
    );
  });
}
