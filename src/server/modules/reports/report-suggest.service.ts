// Turning a past report into a template: the township's catalogue (indicators with their aliases, ledgers and
// fields, key projects, tasks, villages) handed to the pure suggestion engine (core/report-suggest.ts).
import { suggestBindings, type Candidate, type SuggestCatalogue } from '../../../core/report-suggest.js';
import type { ServiceContext } from '../../http/context.js';
import { requireTownship } from '../../policy/access.js';
import { indicatorCatalogue } from '../indicators/index.js';
import { ledgerShapes } from '../ledgers/index.js';
import { townshipToday, unitsUnder } from '../org/index.js';
import { projectFacts, taskCatalogue } from '../supervision/index.js';
import { readReportFile } from './report-upload.js';
import * as repo from './reports.repository.js';

export interface Suggestions {
  text: string;
  candidates: Candidate[];
}

export async function suggestFromText(ctx: ServiceContext, text: string, period?: string): Promise<Suggestions> {
  const township = await requireTownship(ctx, 'report.define', ctx.db, { what: '报告' });
  const [indicators, ledgers, projects, tasks, units, profile, asOf] = await Promise.all([
    indicatorCatalogue(ctx.db, township.id),
    ledgerShapes(ctx.db, [township.id]),
    projectFacts(ctx, township.code),
    taskCatalogue(ctx, township.code),
    unitsUnder(ctx.db, township.path),
    repo.profileOf(ctx.db, township.code),
    townshipToday(ctx.db, township.code),
  ]);
  const catalogue: SuggestCatalogue = {
    indicators: indicators.map((i) => ({ key: i.key, name: i.name, unit: i.unit, aliases: i.aliases, workLine: i.workLine })),
    ledgers: ledgers.map((l) => ({
      key: l.key,
      name: l.name,
      fields: [...l.fields.values()]
        .filter((f) => !f.retired)
        .map((f) => ({ key: f.key, label: f.label, type: f.type, unit: f.unit ?? undefined, choices: f.choices })),
    })),
    projects: projects.map((p) => p.name),
    tasks,
    villages: units.filter((u) => u.level === 'village' && !u.validTo).map((u) => u.name),
    townshipShort: profile.short ?? township.name.replace(/(镇|乡|街道|苏木)$/, ''),
    townshipName: township.name,
    period,
    asOf,
  };
  return { text, candidates: suggestBindings(text, catalogue) };
}

/** An uploaded past report: the access check comes before a byte is read, so a refused user learns nothing. */
export async function suggestFromFile(
  ctx: ServiceContext,
  upload: () => Promise<{ filename: string; mimetype?: string; bytes: Buffer }>,
): Promise<Suggestions> {
  await requireTownship(ctx, 'report.define', ctx.db, { what: '报告' });
  const file = await upload();
  return suggestFromText(ctx, readReportFile(file.filename, file.mimetype, file.bytes));
}
