// Org-unit use cases: read the tree in scope, add, rename, move and close units.
// The first step of each use case is the permission check.
import { chinaToday } from '../../../core/china-time.js';
import type { Queryable } from '../../db/connection.js';
import { AppError, forbidden, invalid, notFound } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { can, scopesFor, type Action } from '../../policy/policy.js';
import { recordAudit } from '../audit/index.js';
import { childLevel, codeFitsParent, divisionCodeProblem, ORG_LEVEL_NAMES, ORG_LEVELS, type OrgLevel } from '../../../core/org-levels.js';
import * as repo from './org.repository.js';
import type { OrgUnitRecord } from './org.repository.js';
import { pinyinKey } from './pinyin.js';

export function present(unit: OrgUnitRecord) {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    level: unit.level,
    levelName: ORG_LEVEL_NAMES[unit.level],
    parentCode: unit.parentCode,
    validFrom: unit.validFrom,
    validTo: unit.validTo,
    mergedInto: unit.mergedIntoCode,
    childCount: unit.childCount,
  };
}

/** Loads a unit by code and checks the action on it: 404 when unknown, 403 when outside the user's scope. */
export async function authorizedUnit(ctx: ServiceContext, q: Queryable, code: string, action: Action) {
  const unit = await repo.findByCode(q, code);
  if (!unit) throw notFound(`组织单元 ${code} `);
  if (!can(ctx.principal, action, unit)) {
    throw forbidden(action === 'org.read' ? `您无权查看“${unit.name}”` : `您无权修改“${unit.name}”`);
  }
  return unit;
}

export async function getUnit(ctx: ServiceContext, code: string) {
  const unit = await authorizedUnit(ctx, ctx.db, code, 'org.read');
  return { ...present(unit), ancestors: await repo.ancestorsOf(ctx.db, unit.path) };
}

export async function listUnits(ctx: ServiceContext, query: { parent?: string; asOf?: string; includeClosed?: boolean }) {
  if (query.parent) {
    const parent = await authorizedUnit(ctx, ctx.db, query.parent, 'org.read');
    const items = await repo.listChildren(ctx.db, parent.id, query.asOf ?? null, query.includeClosed ?? false);
    return { items: items.map(present) };
  }
  const scopes = scopesFor(ctx.principal, 'org.read');
  const items = await repo.findByPaths(ctx.db, scopes.includes('/') ? await repo.liveRootPaths(ctx.db) : scopes);
  return { items: items.map(present) };
}

export async function searchUnits(ctx: ServiceContext, text: string) {
  const units = await repo.search(ctx.db, text.trim(), scopesFor(ctx.principal, 'org.read'), 50);
  return { items: await Promise.all(units.map(async (u) => ({ ...present(u), ancestors: await repo.ancestorsOf(ctx.db, u.path) }))) };
}

/** Code of a new villager group or grid: the parent's code plus the next free 3-digit number. */
async function nextChildCode(q: Queryable, parent: OrgUnitRecord): Promise<string> {
  // Every code under the parent's prefix counts, not only its children now: a group moved to another village
  // keeps its code, which a new group here must not take again.
  const taken = new Set((await repo.codesOneLevelBelow(q, parent.code)).map((code) => Number(code.slice(-3))));
  const highest = Math.max(0, ...taken);
  let next = highest + 1;
  for (let n = 1; next > 999 && n <= 999; n++) if (!taken.has(n)) next = n;
  if (next > 999) throw new AppError('CONFLICT', `“${parent.name}”的下级编号已用完`);
  return parent.code + String(next).padStart(3, '0');
}

function allowedChildLevels(level: OrgLevel): OrgLevel[] {
  const next = childLevel(level);
  // Grids hang under a villager group or, where a village has none, directly under the village.
  if (level === 'village') return ['group', 'grid'];
  return next ? [next] : [];
}

async function assertNoSiblingNamed(q: Queryable, parentId: number, name: string, exceptId?: number) {
  if (await repo.liveChildNamed(q, parentId, name, exceptId)) throw new AppError('CONFLICT', `同一上级下已有名为“${name}”的单位`);
}

export async function createUnit(
  ctx: ServiceContext,
  input: { parentCode: string; name: string; level: OrgLevel; code?: string; validFrom?: string },
) {
  return ctx.db.transaction(async (tx) => {
    const parent = await authorizedUnit(ctx, tx, input.parentCode, 'org.write');
    if (parent.validTo) throw new AppError('CONFLICT', `“${parent.name}”已撤销，不能新增下级`);
    if (!allowedChildLevels(parent.level).includes(input.level)) {
      throw invalid([{ field: 'level', message: `${ORG_LEVEL_NAMES[parent.level]}下不能直接设立${ORG_LEVEL_NAMES[input.level]}` }]);
    }
    let code = input.code;
    if (input.level === 'group' || input.level === 'grid') {
      code = await nextChildCode(tx, parent);
    } else {
      const problem = !code
        ? '请填写统计用区划代码'
        : (divisionCodeProblem(code, input.level) ??
          (codeFitsParent(code, parent.code, parent.level) ? null : `代码与上级“${parent.name}”(${parent.code})不一致`));
      if (problem) throw invalid([{ field: 'code', message: problem }]);
    }
    if (await repo.findByCode(tx, code!)) throw new AppError('CONFLICT', `代码 ${code} 已存在`);
    await assertNoSiblingNamed(tx, parent.id, input.name);
    const [id] = await repo.nextIds(tx, 1);
    await repo.insertUnits(tx, [
      {
        id,
        code: code!,
        name: input.name,
        level: input.level,
        parentId: parent.id,
        path: `${parent.path}${id}/`,
        townshipId: input.level === 'town' ? id : parent.townshipId,
        pinyin: pinyinKey(input.name),
        urCode: null,
        validFrom: input.validFrom ?? chinaToday(),
      },
    ]);
    const created = (await repo.findByCode(tx, code!))!;
    await recordAudit(tx, ctx.actor, {
      action: 'org.create',
      entity: 'org_unit',
      entityId: code,
      townshipId: created.townshipId,
      unitPath: created.path,
      after: present(created),
    });
    return present(created);
  });
}

export async function renameUnit(ctx: ServiceContext, code: string, name: string) {
  return ctx.db.transaction(async (tx) => {
    const unit = await authorizedUnit(ctx, tx, code, 'org.write');
    if (unit.parentId) await assertNoSiblingNamed(tx, unit.parentId, name, unit.id);
    await repo.setUnitName(tx, unit.id, name, pinyinKey(name));
    const after = (await repo.findByCode(tx, code))!;
    await recordAudit(tx, ctx.actor, {
      action: 'org.rename',
      entity: 'org_unit',
      entityId: code,
      townshipId: unit.townshipId,
      unitPath: unit.path,
      before: { name: unit.name },
      after: { name },
    });
    return present(after);
  });
}

export async function moveUnit(ctx: ServiceContext, code: string, parentCode: string) {
  return ctx.db.transaction(async (tx) => {
    const unit = await authorizedUnit(ctx, tx, code, 'org.write');
    const target = await authorizedUnit(ctx, tx, parentCode, 'org.write');
    if (unit.parentCode === target.code) throw invalid([{ field: 'parentCode', message: '已在该上级之下' }]);
    if (target.path.startsWith(unit.path)) throw invalid([{ field: 'parentCode', message: '不能移动到自身或其下级之下' }]);
    if (target.validTo) throw new AppError('CONFLICT', `“${target.name}”已撤销，不能作为上级`);
    if (!allowedChildLevels(target.level).includes(unit.level)) {
      throw invalid([{ field: 'parentCode', message: `${ORG_LEVEL_NAMES[target.level]}下不能设立${ORG_LEVEL_NAMES[unit.level]}` }]);
    }
    if (!['group', 'grid'].includes(unit.level) && !codeFitsParent(unit.code, target.code, target.level)) {
      throw invalid([{ field: 'parentCode', message: `统计代码 ${unit.code} 不属于“${target.name}”，请改为新增单位` }]);
    }
    await assertNoSiblingNamed(tx, target.id, unit.name);
    await moveSubtree(tx, unit, target);
    const after = (await repo.findByCode(tx, code))!;
    await recordAudit(tx, ctx.actor, {
      action: 'org.move',
      entity: 'org_unit',
      entityId: code,
      townshipId: after.townshipId,
      unitPath: after.path,
      before: { parentCode: unit.parentCode },
      after: { parentCode: target.code },
    });
    return present(after);
  });
}

/** Re-hangs a unit and its subtree under a new parent: one UPDATE rewrites every path below it. */
export async function moveSubtree(q: Queryable, unit: OrgUnitRecord, target: OrgUnitRecord) {
  // A township or anything above it keeps its own township (or none); a unit below one joins the target's.
  const townshipId = ORG_LEVELS.indexOf(unit.level) <= ORG_LEVELS.indexOf('town') ? null : target.townshipId;
  await repo.reparentSubtree(q, unit, target.id, `${target.path}${unit.id}/`, townshipId);
}

export async function closeUnit(ctx: ServiceContext, code: string, date: string) {
  return ctx.db.transaction(async (tx) => {
    const unit = await authorizedUnit(ctx, tx, code, 'org.write');
    if (unit.validTo) throw new AppError('CONFLICT', `“${unit.name}”已于 ${unit.validTo} 撤销`);
    if (date < unit.validFrom) throw invalid([{ field: 'date', message: `撤销日期不能早于设立日期 ${unit.validFrom}` }]);
    if (unit.childCount > 0) throw new AppError('CONFLICT', `“${unit.name}”还有 ${unit.childCount} 个下级单位，请先撤销或迁移`);
    await repo.closeUnitOn(tx, unit.id, date);
    const after = (await repo.findByCode(tx, code))!;
    await recordAudit(tx, ctx.actor, {
      action: 'org.close',
      entity: 'org_unit',
      entityId: code,
      townshipId: unit.townshipId,
      unitPath: unit.path,
      before: present(unit),
      after: present(after),
    });
    return present(after);
  });
}
