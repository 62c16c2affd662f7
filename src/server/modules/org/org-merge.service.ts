// Merging villager groups (合组) and the progress of the merge campaign per village.
// Old groups are closed (valid_to, merged_into), never deleted, so the tree as of an earlier day still shows them.
import type { Queryable } from '../../db/connection.js';
import { AppError, invalid } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { recordAudit } from '../audit/index.js';
import * as repo from './org.repository.js';
import { closeGroupMergedInto, rebindRoleGrants, setPlannedGroups, villageGroupCounts, type VillageGroupCounts } from './org-merge.repository.js';
import { authorizedUnit, createUnit, moveSubtree, present } from './org.service.js';

export async function mergeGroups(ctx: ServiceContext, input: { groupCodes: string[]; name: string; date: string }) {
  const codes = [...new Set(input.groupCodes)];
  if (codes.length < 2) throw invalid([{ field: 'groupCodes', message: '请至少选择两个村民小组' }]);
  return ctx.db.transaction(async (tx) => {
    const groups = await repo.findByCodes(tx, codes);
    const unknown = codes.filter((c) => !groups.some((g) => g.code === c));
    if (unknown.length) throw invalid([{ field: 'groupCodes', message: `组织单元不存在：${unknown.join('、')}` }]);
    for (const g of groups) {
      await authorizedUnit(ctx, tx, g.code, 'org.write');
      if (g.level !== 'group') throw invalid([{ field: 'groupCodes', message: `“${g.name}”不是村民小组` }]);
      if (g.validTo) throw new AppError('CONFLICT', `“${g.name}”已于 ${g.validTo} 撤销或合并`);
      if (input.date < g.validFrom) throw invalid([{ field: 'date', message: `合组日期不能早于“${g.name}”的设立日期 ${g.validFrom}` }]);
    }
    const villageCodes = new Set(groups.map((g) => g.parentCode));
    if (villageCodes.size > 1) throw invalid([{ field: 'groupCodes', message: '只能合并同一个村的村民小组' }]);
    const village = await authorizedUnit(ctx, tx, groups[0].parentCode!, 'org.write');

    // createUnit opens its own transaction; nested transactions become savepoints on both drivers.
    const created = await createUnit(
      { ...ctx, db: tx as never },
      { parentCode: village.code, name: input.name, level: 'group', validFrom: input.date },
    );
    const merged = (await repo.findByCode(tx, created.code))!;
    for (const g of groups) {
      await closeGroupMergedInto(tx, g.id, input.date, merged.id);
      // Grids of the old groups carry on under the new group; users scoped to an old group follow it.
      for (const child of await repo.listChildren(tx, g.id, null, false)) await moveSubtree(tx, child, merged);
      await rebindRoleGrants(tx, g.id, merged.id);
    }
    await recordAudit(tx, ctx.actor, {
      action: 'org.merge',
      entity: 'org_unit',
      entityId: merged.code,
      townshipId: village.townshipId,
      unitPath: village.path,
      before: { groups: groups.map((g) => ({ code: g.code, name: g.name })) },
      after: { code: merged.code, name: merged.name, date: input.date },
    });
    return present((await repo.findByCode(tx, merged.code))!);
  });
}

function progressItem(row: VillageGroupCounts) {
  return { ...row, done: row.groupsPlanned != null && row.groupsNow <= row.groupsPlanned };
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/**
 * Groups before the campaign are the groups that no merge produced (the original ones, open or closed);
 * groups now are the open ones; a village is done when it has reached its planned number.
 */
export async function mergeProgress(ctx: ServiceContext, townshipCode: string) {
  const township = await authorizedUnit(ctx, ctx.db, townshipCode, 'org.read');
  if (township.level !== 'town') throw invalid([{ field: 'township', message: '请选择乡镇（街道）' }]);
  return { township: { code: township.code, name: township.name }, ...(await mergeFigures(ctx.db, township.id)) };
}

/**
 * The campaign's figures for a township, or for some of its villages (a village's report): no access check, the
 * caller has made its own (the reports read them for a unit the user may report on).
 */
export async function mergeFigures(q: Queryable, townshipId: number, villageCodes?: string[]) {
  const rows = (await villageGroupCounts(q, townshipId)).filter((r) => !villageCodes || villageCodes.includes(r.code));
  const items = rows.map(progressItem);
  const sum = (f: (r: VillageGroupCounts) => number) => rows.reduce((s, r) => s + f(r), 0);
  const groupsBefore = sum((r) => r.groupsBefore);
  const groupsNow = sum((r) => r.groupsNow);
  const groupsPlanned = sum((r) => r.groupsPlanned ?? r.groupsBefore);
  const villagesDone = items.filter((i) => i.done).length;
  return {
    items,
    totals: {
      villages: items.length,
      villagesDone,
      villagesDonePercent: percent(villagesDone, items.length),
      groupsBefore,
      groupsNow,
      groupsPlanned,
      mergedGroups: groupsBefore - groupsNow,
      progressPercent: percent(groupsBefore - groupsNow, groupsBefore - groupsPlanned),
    },
  };
}

export async function setMergePlan(ctx: ServiceContext, villageCode: string, plannedGroups: number) {
  return ctx.db.transaction(async (tx) => {
    const village = await authorizedUnit(ctx, tx, villageCode, 'org.write');
    if (village.level !== 'village') throw invalid([{ field: 'code', message: '只有村（社区）可以设置合组计划' }]);
    await setPlannedGroups(tx, village.id, plannedGroups);
    await recordAudit(tx, ctx.actor, {
      action: 'org.merge-plan',
      entity: 'org_unit',
      entityId: village.code,
      townshipId: village.townshipId,
      unitPath: village.path,
      before: { plannedGroups: village.plannedGroups },
      after: { plannedGroups },
    });
    return { code: village.code, name: village.name, plannedGroups };
  });
}
