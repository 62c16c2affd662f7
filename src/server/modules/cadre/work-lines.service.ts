// Work lines (工作条线: 安全生产, 乡村振兴, …), each with the township leader responsible for it.
import type { Queryable } from '../../db/connection.js';
import { AppError, invalid, notFound } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { recordAudit } from '../audit/index.js';
import { townshipFor } from './cadre-access.js';
import type { OrgUnitRef } from '../org/index.js';
import * as repo from './cadre.repository.js';
import type { CreateWorkLineInput, UpdateWorkLineInput } from './cadre.schemas.js';

const WHAT = '工作条线';

export function presentWorkLine(line: repo.WorkLineRow) {
  return { id: line.id, name: line.name, leaderName: line.leaderName, leaderUserId: line.leaderUserId, description: line.description };
}

async function assertNameFree(q: Queryable, townshipId: number, name: string, exceptId?: number) {
  if (await repo.workLineNamed(q, townshipId, name, exceptId)) throw new AppError('CONFLICT', `本镇已有名为“${name}”的工作条线`);
}

/** The responsible leader's account, when one is linked, must belong to the township. */
async function checkLeaderUser(q: Queryable, township: OrgUnitRef, userId: number | null | undefined) {
  if (!userId) return;
  const [user] = await repo.usersByIds(q, [userId]);
  if (!user) throw invalid([{ field: 'leaderUserId', message: `账号 ${userId} 不存在` }]);
  if (user.townshipId !== township.id) throw invalid([{ field: 'leaderUserId', message: `账号“${user.displayName}”不属于${township.name}` }]);
}

async function workLineOf(q: Queryable, townshipId: number, id: number) {
  const line = await repo.findWorkLine(q, townshipId, id);
  if (!line) throw notFound(`工作条线 ${id} `);
  return line;
}

export async function listWorkLines(ctx: ServiceContext, townshipCode?: string) {
  const township = await townshipFor(ctx, ctx.db, 'cadre.read', townshipCode, WHAT);
  return { items: (await repo.listWorkLines(ctx.db, township.id)).map(presentWorkLine) };
}

export async function createWorkLine(ctx: ServiceContext, input: CreateWorkLineInput, townshipCode?: string) {
  return ctx.db.transaction(async (tx) => {
    const township = await townshipFor(ctx, tx, 'cadre.write', townshipCode, WHAT);
    await assertNameFree(tx, township.id, input.name);
    await checkLeaderUser(tx, township, input.leaderUserId);
    const created = presentWorkLine(
      await repo.insertWorkLine(tx, {
        townshipId: township.id,
        name: input.name,
        leaderName: input.leaderName,
        leaderUserId: input.leaderUserId ?? null,
        description: input.description || null,
      }),
    );
    await recordAudit(tx, ctx.actor, {
      action: 'work_line.create',
      entity: 'work_line',
      entityId: created.id,
      townshipId: township.id,
      after: created,
    });
    return created;
  });
}

export async function updateWorkLine(ctx: ServiceContext, id: number, input: UpdateWorkLineInput, townshipCode?: string) {
  return ctx.db.transaction(async (tx) => {
    const township = await townshipFor(ctx, tx, 'cadre.write', townshipCode, WHAT);
    const before = presentWorkLine(await workLineOf(tx, township.id, id));
    if (input.name !== undefined) await assertNameFree(tx, township.id, input.name, id);
    await checkLeaderUser(tx, township, input.leaderUserId);
    const after = presentWorkLine(
      await repo.updateWorkLine(tx, id, {
        name: input.name,
        leaderName: input.leaderName,
        leaderUserId: input.leaderUserId,
        description: input.description === undefined ? undefined : input.description || null,
      }),
    );
    await recordAudit(tx, ctx.actor, { action: 'work_line.update', entity: 'work_line', entityId: id, townshipId: township.id, before, after });
    return after;
  });
}

export async function deleteWorkLine(ctx: ServiceContext, id: number, townshipCode?: string) {
  await ctx.db.transaction(async (tx) => {
    const township = await townshipFor(ctx, tx, 'cadre.write', townshipCode, WHAT);
    const before = presentWorkLine(await workLineOf(tx, township.id, id));
    await repo.deleteWorkLine(tx, id);
    await recordAudit(tx, ctx.actor, { action: 'work_line.delete', entity: 'work_line', entityId: id, townshipId: township.id, before });
  });
}
