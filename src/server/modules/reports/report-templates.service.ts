// Report templates (the township's configuration) and the township profile the templates quote.
import type { TemplateDetail, TemplateSummary, TownshipProfile } from '../../../core/contracts/reports.js';
import type { CreateTemplateBody, ProfileBody, UpdateTemplateBody } from '../../../core/contracts/reports-requests.js';
import { periodOf } from '../../../core/periods.js';
import { parseTemplate } from '../../../core/report-template.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { mayAccess, requireTownship } from '../../policy/access.js';
import { recordAudit } from '../audit/index.js';
import { townshipToday, type OrgUnitRef } from '../org/index.js';
import { parseOrRefuse, renderReport } from './report-render.service.js';
import * as repo from './reports.repository.js';

const REPORTS = { what: '报告' };

function summary(row: repo.TemplateRow): TemplateSummary {
  return {
    key: row.key,
    name: row.name,
    description: row.description,
    builtin: row.builtin,
    version: row.version,
    placeholders: parseTemplate(row.body).placeholders.length,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listTemplates(ctx: ServiceContext) {
  const township = await requireTownship(ctx, 'report.read', ctx.db, REPORTS);
  const rows = await repo.listTemplates(ctx.db, township.id);
  return { items: rows.map(summary), mayEdit: mayAccess(ctx, 'report.define', township) };
}

export async function getTemplate(ctx: ServiceContext, key: string): Promise<TemplateDetail> {
  const township = await requireTownship(ctx, 'report.read', ctx.db, REPORTS);
  const row = await repo.findTemplate(ctx.db, township.id, key);
  if (!row) throw notFound(`报告模板“${key}”`);
  return { ...summary(row), body: row.body, mayEdit: mayAccess(ctx, 'report.define', township) };
}

/**
 * A template is saved only when it parses and every name in it (indicators, ledgers, fields, units) is known to
 * the township: rendering it for the township's current half year finds them all, or the 400 says which.
 */
async function checkNames(ctx: ServiceContext, township: OrgUnitRef, body: string) {
  parseOrRefuse(body);
  const today = await townshipToday(ctx.db, township.code);
  await renderReport(ctx, { body, period: periodOf('half', today).id, asOf: today });
}

export async function createTemplate(ctx: ServiceContext, input: CreateTemplateBody): Promise<TemplateDetail> {
  const township = await requireTownship(ctx, 'report.define', ctx.db, REPORTS);
  await checkNames(ctx, township, input.body);
  return ctx.db.transaction(async (tx) => {
    if (await repo.templateKeyTaken(tx, township.id, input.key)) throw new AppError('CONFLICT', `模板键“${input.key}”已被使用，请换一个`);
    const row = await repo.insertTemplate(tx, {
      townshipId: township.id,
      key: input.key,
      name: input.name,
      description: input.description ?? '',
      body: input.body,
      createdBy: ctx.principal.userId,
      updatedBy: ctx.principal.userId,
    });
    await recordAudit(tx, ctx.actor, {
      action: 'report.template.create',
      entity: 'report_template',
      entityId: row.key,
      townshipId: township.id,
      unitPath: township.path,
      after: { key: row.key, name: row.name },
    });
    return { ...summary(row), body: row.body, mayEdit: true };
  });
}

export async function updateTemplate(ctx: ServiceContext, key: string, input: UpdateTemplateBody): Promise<TemplateDetail> {
  const township = await requireTownship(ctx, 'report.define', ctx.db, REPORTS);
  await checkNames(ctx, township, input.body);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.findTemplate(tx, township.id, key, true);
    if (!row) throw notFound(`报告模板“${key}”`);
    const change = { name: input.name, description: input.description ?? '', body: input.body, updatedBy: ctx.principal.userId };
    if (!(await repo.updateTemplate(tx, row.id, input.version, change)))
      throw new AppError('CONFLICT', '模板已被他人修改，请刷新后再保存', undefined, { current: { version: row.version } });
    await recordAudit(tx, ctx.actor, {
      action: 'report.template.update',
      entity: 'report_template',
      entityId: key,
      townshipId: township.id,
      unitPath: township.path,
      before: { name: row.name, version: row.version },
      after: { name: input.name, version: input.version + 1 },
    });
    const saved = (await repo.findTemplate(tx, township.id, key))!;
    return { ...summary(saved), body: saved.body, mayEdit: true };
  });
}

export async function deleteTemplate(ctx: ServiceContext, key: string) {
  const township = await requireTownship(ctx, 'report.define', ctx.db, REPORTS);
  await ctx.db.transaction(async (tx) => {
    const row = await repo.findTemplate(tx, township.id, key, true);
    if (!row) throw notFound(`报告模板“${key}”`);
    // saved versions keep pointing at the row: it is hidden, not removed
    await repo.softDeleteTemplate(tx, row.id, ctx.principal.userId);
    await recordAudit(tx, ctx.actor, {
      action: 'report.template.delete',
      entity: 'report_template',
      entityId: key,
      townshipId: township.id,
      unitPath: township.path,
      before: { name: row.name },
    });
  });
}

export async function getProfile(ctx: ServiceContext): Promise<TownshipProfile> {
  const township = await requireTownship(ctx, 'report.read', ctx.db, REPORTS);
  const p = await repo.profileOf(ctx.db, township.code);
  return {
    name: township.name,
    short: p.short ?? township.name.replace(/(镇|乡|街道|苏木)$/, ''),
    goal: p.goal ?? '',
    motto: p.motto ?? '',
    campaign: p.campaign ?? '',
    mayEdit: mayAccess(ctx, 'report.define', township),
  };
}

export async function saveProfile(ctx: ServiceContext, input: ProfileBody): Promise<TownshipProfile> {
  const township = await requireTownship(ctx, 'report.define', ctx.db, REPORTS);
  const clean = (v: string | null | undefined) => (v ? v : undefined);
  await ctx.db.transaction(async (tx) => {
    const before = await repo.profileOf(tx, township.code);
    const after = { short: clean(input.short), goal: clean(input.goal), motto: clean(input.motto), campaign: clean(input.campaign) };
    await repo.saveProfile(tx, township.code, after);
    await recordAudit(tx, ctx.actor, {
      action: 'report.profile.update',
      entity: 'township_profile',
      entityId: township.code,
      townshipId: township.id,
      unitPath: township.path,
      before,
      after,
    });
  });
  return getProfile(ctx);
}
