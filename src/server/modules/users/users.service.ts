// User administration: accounts, role grants bound to org-unit scopes, password resets, disabling.
// An administrator manages accounts only within his own scope.
import type { Queryable } from '../../db/connection.js';
import type { UserRow } from '../../db/schema.js';
import { AppError, forbidden, invalid, notFound, type FieldError } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { can, scopesFor } from '../../policy/policy.js';
import ExcelJS from 'exceljs';
import { recordAudit } from '../audit/index.js';
import { addTableSheet, workbookBuffer } from '../../http/xlsx.js';
import {
  describeRoles,
  forgetLoginFailures,
  hashPassword,
  loginLocksOf,
  randomPassword,
  removeSecondFactor,
  requireFreshSecondFactor,
  revokeSessions,
  roleBindingsOf,
  secondFactorEnrolledOf,
} from '../auth/index.js';
import { findUnit } from '../org/index.js';
import { chinaTimestamp } from '../../../core/china-time.js';
import { passwordProblem } from '../../../core/password-rules.js';
import type { RoleInput } from './users.schemas.js';
import { cadreGroupOfGrant } from './role-grants.repository.js';
import { holdsPersonalDataGrant, saveRoles, suspendGrantsAfterReset, type ResolvedRole } from './role-grants.service.js';
import {
  grantPathsOf,
  insertUser,
  setDisabledAt,
  setInitialPassword,
  updateUserRow,
  userById,
  usernameTaken,
  usersPage,
} from './users.repository.js';

function presentUser(user: UserRow, roles: ReturnType<typeof describeRoles>, lockedUntil: Date | undefined, twoFactorEnabled: boolean) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    phone: user.phone,
    disabled: user.disabledAt != null,
    mustChangePassword: user.mustChangePassword,
    lockedUntil: lockedUntil?.toISOString() ?? null,
    twoFactorEnabled,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    roles,
  };
}

async function presentUsers(q: Queryable, rows: UserRow[]) {
  const bindings = await roleBindingsOf(
    q,
    rows.map((u) => u.id),
  );
  const locks = await loginLocksOf(
    q,
    rows.map((u) => u.username),
  );
  const enrolled = await secondFactorEnrolledOf(
    q,
    rows.map((u) => u.id),
  );
  return rows.map((u) => presentUser(u, describeRoles(bindings.get(u.id) ?? []), locks.get(u.username), enrolled.has(u.id)));
}

/** Checks every requested grant against the administrator's own scope and resolves codes to ids. */
async function resolveRoles(ctx: ServiceContext, q: Queryable, roles: RoleInput[]): Promise<ResolvedRole[]> {
  const resolved: ResolvedRole[] = [];
  const errors: FieldError[] = [];
  for (const [i, r] of roles.entries()) {
    const field = `roles.${i}`;
    let cadreGroupId: number | null = null;
    let orgUnitCode = r.orgUnitCode ?? null;
    if (r.role === 'group_leader') {
      const group = r.cadreGroupId ? await cadreGroupOfGrant(q, r.cadreGroupId) : undefined;
      if (!group) {
        errors.push({ field: `${field}.cadreGroupId`, message: '组长角色需要选择所在的组' });
        continue;
      }
      cadreGroupId = group.id;
      const township = await findUnit(q, { id: group.townshipId });
      orgUnitCode = township!.code;
    }
    if (!orgUnitCode) {
      if (r.role !== 'admin') {
        errors.push({ field: `${field}.orgUnitCode`, message: '请选择角色的管辖范围' });
        continue;
      }
      if (!can(ctx.principal, 'users.manage', { path: '/' })) throw forbidden('只有全系统管理员可以设立全系统管理员');
      resolved.push({ role: r.role, orgUnitId: null, path: '/', townshipId: null, cadreGroupId: null });
      continue;
    }
    const unit = await findUnit(q, { code: orgUnitCode });
    if (!unit) {
      errors.push({ field: `${field}.orgUnitCode`, message: `组织单元 ${orgUnitCode} 不存在` });
      continue;
    }
    if (unit.validTo) {
      errors.push({ field: `${field}.orgUnitCode`, message: `“${unit.name}”已撤销` });
      continue;
    }
    if (!can(ctx.principal, 'users.manage', unit)) throw forbidden(`您无权在“${unit.name}”范围内分配角色`);
    resolved.push({ role: r.role, orgUnitId: unit.id, path: unit.path, townshipId: unit.townshipId, cadreGroupId });
  }
  if (errors.length) throw invalid(errors);
  return resolved;
}

/** Loads a user the administrator may manage: every role of the user lies within the administrator's scope. */
async function manageableUser(ctx: ServiceContext, q: Queryable, id: number) {
  const user = await userById(q, id);
  if (!user) throw notFound('用户');
  const paths = await grantPathsOf(q, id);
  const targets = paths.length ? paths.map((p) => p ?? '/') : ['/'];
  if (!targets.every((path) => can(ctx.principal, 'users.manage', { path }))) throw forbidden(`您无权管理用户“${user.displayName}”`);
  return user;
}

export async function listUsers(ctx: ServiceContext, query: { q?: string; page: number; pageSize: number }) {
  const scopes = scopesFor(ctx.principal, 'users.manage');
  if (scopes.length === 0) throw forbidden('您无权管理用户');
  const filter = { text: query.q, scopePaths: scopes.includes('/') ? undefined : scopes };
  const { rows, total } = await usersPage(ctx.db, filter, query.page, query.pageSize);
  return { items: await presentUsers(ctx.db, rows), total };
}

export async function getUser(ctx: ServiceContext, id: number) {
  const user = await manageableUser(ctx, ctx.db, id);
  return (await presentUsers(ctx.db, [user]))[0];
}

export async function createUser(
  ctx: ServiceContext,
  input: { username: string; displayName: string; phone?: string | null; password?: string | null; roles: RoleInput[] },
) {
  const problem = input.password ? passwordProblem(input.password, { username: input.username }) : null;
  if (problem) throw invalid([{ field: 'password', message: problem }]);
  const initialPassword = input.password || randomPassword();
  const passwordHash = await hashPassword(initialPassword);
  return ctx.db.transaction(async (tx) => {
    const roles = await resolveRoles(ctx, tx, input.roles);
    if (await usernameTaken(tx, input.username)) throw new AppError('CONFLICT', `用户名“${input.username}”已被使用`);
    const user = await insertUser(tx, {
      username: input.username,
      displayName: input.displayName,
      phone: input.phone || null,
      passwordHash,
      townshipId: roles.find((r) => r.townshipId)?.townshipId ?? null,
      // A random password is known to the administrator: the user must replace it at first login.
      mustChangePassword: !input.password,
    });
    await saveRoles(ctx, tx, user.id, roles);
    const [presented] = await presentUsers(tx, [user]);
    await recordAudit(tx, ctx.actor, { action: 'user.create', entity: 'user', entityId: user.id, townshipId: user.townshipId, after: presented });
    return { user: presented, initialPassword: input.password ? undefined : initialPassword };
  });
}

export async function updateUser(ctx: ServiceContext, id: number, input: { displayName?: string; phone?: string | null; roles?: RoleInput[] }) {
  return ctx.db.transaction(async (tx) => {
    const user = await manageableUser(ctx, tx, id);
    const [before] = await presentUsers(tx, [user]);
    const changes: Partial<UserRow> = {};
    if (input.displayName !== undefined) changes.displayName = input.displayName;
    if (input.phone !== undefined) changes.phone = input.phone || null;
    if (input.roles) {
      const roles = await resolveRoles(ctx, tx, input.roles);
      if (id === ctx.actor.userId && !roles.some((r) => r.role === 'admin')) {
        throw new AppError('CONFLICT', '不能取消自己的管理员角色');
      }
      await saveRoles(ctx, tx, id, roles);
      changes.townshipId = roles.find((r) => r.townshipId)?.townshipId ?? null;
    }
    const updated = Object.keys(changes).length ? await updateUserRow(tx, id, changes) : user;
    const [after] = await presentUsers(tx, [updated]);
    await recordAudit(tx, ctx.actor, { action: 'user.update', entity: 'user', entityId: id, townshipId: updated.townshipId, before, after });
    return after;
  });
}

export async function resetPassword(ctx: ServiceContext, id: number) {
  const initialPassword = randomPassword();
  const passwordHash = await hashPassword(initialPassword);
  return ctx.db.transaction(async (tx) => {
    const user = await manageableUser(ctx, tx, id);
    if (await holdsPersonalDataGrant(tx, id)) requireFreshSecondFactor(ctx, '重置可查看个人信息的账户的密码');
    await setInitialPassword(tx, id, passwordHash);
    await forgetLoginFailures(tx, user.username);
    await revokeSessions(tx, id);
    await suspendGrantsAfterReset(ctx, tx, id, user.townshipId);
    await recordAudit(tx, ctx.actor, { action: 'user.reset-password', entity: 'user', entityId: id, townshipId: user.townshipId });
    return { initialPassword };
  });
}

/**
 * Removes a user's second factor (a lost phone): he signs in with his password alone until he enrols again, which
 * an administrator must do at once. Needs the acting administrator's fresh second factor, like a password reset.
 */
export async function resetTwoFactor(ctx: ServiceContext, id: number) {
  await ctx.db.transaction(async (tx) => {
    const user = await manageableUser(ctx, tx, id);
    if (id === ctx.actor.userId) throw new AppError('CONFLICT', '不能重置自己的两步验证，请联系其他管理员');
    requireFreshSecondFactor(ctx, '重置其他用户的两步验证');
    await removeSecondFactor(tx, id, user.username);
    await revokeSessions(tx, id);
    await recordAudit(tx, ctx.actor, { action: 'user.reset-two-factor', entity: 'user', entityId: id, townshipId: user.townshipId });
  });
}

export async function setDisabled(ctx: ServiceContext, id: number, disabled: boolean) {
  return ctx.db.transaction(async (tx) => {
    const user = await manageableUser(ctx, tx, id);
    if (disabled && id === ctx.actor.userId) throw new AppError('CONFLICT', '不能停用自己的账户');
    const updated = await setDisabledAt(tx, id, disabled ? new Date() : null);
    await forgetLoginFailures(tx, user.username);
    if (disabled) await revokeSessions(tx, id);
    await recordAudit(tx, ctx.actor, {
      action: disabled ? 'user.disable' : 'user.enable',
      entity: 'user',
      entityId: id,
      townshipId: user.townshipId,
      before: { disabled: user.disabledAt != null },
      after: { disabled },
    });
    return (await presentUsers(tx, [updated]))[0];
  });
}

export async function revokeUserSessions(ctx: ServiceContext, id: number) {
  await ctx.db.transaction(async (tx) => {
    const user = await manageableUser(ctx, tx, id);
    await revokeSessions(tx, id);
    await recordAudit(tx, ctx.actor, { action: 'user.revoke-sessions', entity: 'user', entityId: id, townshipId: user.townshipId });
  });
}

/** The filtered user list as Excel; phone numbers leave the system, so the export is audited. */
export async function exportUsers(ctx: ServiceContext, query: { q?: string }) {
  const { items } = await listUsers(ctx, { q: query.q, page: 1, pageSize: 100_000 });
  const workbook = new ExcelJS.Workbook();
  addTableSheet(
    workbook,
    '用户',
    [
      { header: '用户名', key: 'username', width: 14 },
      { header: '姓名', key: 'displayName', width: 16 },
      { header: '手机', key: 'phone', width: 14 },
      { header: '角色与范围', key: 'roles', width: 40 },
      { header: '状态', key: 'status', width: 8 },
      { header: '两步验证', key: 'twoFactor', width: 10 },
      { header: '最近登录', key: 'lastLoginAt', width: 20 },
    ],
    items.map((u) => ({
      ...u,
      phone: u.phone ?? '',
      roles: u.roles.map((r) => `${r.roleName}（${r.cadreGroup?.name ?? r.orgUnit?.name ?? '全系统'}）`).join('、'),
      status: u.disabled ? '已停用' : u.lockedUntil ? '已锁定' : '正常',
      twoFactor: u.twoFactorEnabled ? '已开启' : '未开启',
      lastLoginAt: u.lastLoginAt ? chinaTimestamp(u.lastLoginAt) : '',
    })),
  );
  await recordAudit(ctx.db, ctx.actor, { action: 'user.export', entity: 'user', after: { q: query.q ?? null, rows: items.length } });
  return workbookBuffer(workbook);
}
