// Installs the built-in report template and the township profile into the demo township.
import type { Queryable } from '../../../db/connection.js';
import * as repo from '../reports.repository.js';
import { DEMO_PROFILE, HALF_YEAR_TEMPLATE } from './half-year.js';

export async function installDemoReports(q: Queryable, township: { id: number; code: string }): Promise<void> {
  if (!(await repo.templateKeyTaken(q, township.id, HALF_YEAR_TEMPLATE.key))) {
    await repo.insertTemplate(q, { townshipId: township.id, ...HALF_YEAR_TEMPLATE, builtin: true });
  }
  await repo.saveProfile(q, township.code, DEMO_PROFILE);
}
