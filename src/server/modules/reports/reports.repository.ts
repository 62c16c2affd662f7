// SQL of report templates, saved versions and the township profile (settings 'township_profile').
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { ReportDocument } from '../../../core/report-document.js';
import { queryRows, type Queryable } from '../../db/connection.js';
import { reportTemplates, reportVersions } from '../../db/schema.js';

export type TemplateRow = typeof reportTemplates.$inferSelect;

export function listTemplates(q: Queryable, townshipId: number) {
  return q
    .select()
    .from(reportTemplates)
    .where(and(eq(reportTemplates.townshipId, townshipId), isNull(reportTemplates.deletedAt)))
    .orderBy(reportTemplates.builtin, reportTemplates.name);
}

export async function findTemplate(q: Queryable, townshipId: number, key: string, lock = false): Promise<TemplateRow | undefined> {
  const query = q
    .select()
    .from(reportTemplates)
    .where(and(eq(reportTemplates.townshipId, townshipId), eq(reportTemplates.key, key), isNull(reportTemplates.deletedAt)));
  const rows = lock ? await query.for('update') : await query;
  return rows[0];
}

/** A template key in use, deleted ones included (keys are never reused: versions point at them). */
export async function templateKeyTaken(q: Queryable, townshipId: number, key: string): Promise<boolean> {
  const rows = await q
    .select({ id: reportTemplates.id })
    .from(reportTemplates)
    .where(and(eq(reportTemplates.townshipId, townshipId), eq(reportTemplates.key, key)));
  return rows.length > 0;
}

export async function insertTemplate(q: Queryable, row: typeof reportTemplates.$inferInsert): Promise<TemplateRow> {
  const [created] = await q.insert(reportTemplates).values(row).returning();
  return created;
}

/** Saves a change if the template is still at `version`; false when someone saved first. */
export async function updateTemplate(
  q: Queryable,
  id: number,
  version: number,
  change: Pick<typeof reportTemplates.$inferInsert, 'name' | 'description' | 'body' | 'updatedBy'>,
): Promise<boolean> {
  const rows = await q
    .update(reportTemplates)
    .set({ ...change, version: version + 1, updatedAt: new Date() })
    .where(and(eq(reportTemplates.id, id), eq(reportTemplates.version, version)))
    .returning({ id: reportTemplates.id });
  return rows.length > 0;
}

export async function softDeleteTemplate(q: Queryable, id: number, by: number) {
  await q.update(reportTemplates).set({ deletedAt: new Date(), updatedBy: by }).where(eq(reportTemplates.id, id));
}

// ---------------------------------------------------------------------------------------------------------
// Versions

export interface VersionRow {
  id: number;
  templateKey: string;
  templateName: string;
  number: number;
  period: string;
  asOf: string;
  orgUnitCode: string;
  orgUnitName: string;
  unitPath: string;
  note: string;
  final: boolean;
  finalizedBy: string | null;
  finalizedAt: string | null;
  createdBy: string | null;
  createdAt: string;
}

const VERSION_COLUMNS = sql`
  v.id, t.key AS "templateKey", t.name AS "templateName", v.number, v.period, to_char(v.as_of, 'YYYY-MM-DD') AS "asOf",
  u.code AS "orgUnitCode", u.name AS "orgUnitName", u.path AS "unitPath", v.note, v.final,
  coalesce(fu.display_name, fu.username) AS "finalizedBy", v.finalized_at AS "finalizedAt",
  coalesce(cu.display_name, cu.username) AS "createdBy", v.created_at AS "createdAt"`;
const VERSION_JOINS = sql`
  FROM report_versions v JOIN report_templates t ON t.id = v.template_id JOIN org_units u ON u.id = v.org_unit_id
  LEFT JOIN users fu ON fu.id = v.finalized_by LEFT JOIN users cu ON cu.id = v.created_by`;

export interface VersionFilter {
  townshipId: number;
  scopePaths: string[];
  templateKey?: string;
  period?: string;
  orgUnitCode?: string;
}

export async function listVersions(q: Queryable, f: VersionFilter, page: number, pageSize: number) {
  const where = sql.join(
    [
      sql`v.township_id = ${f.townshipId}`,
      f.scopePaths.length
        ? sql`(${sql.join(
            f.scopePaths.map((p) => sql`u.path LIKE ${`${p}%`}`),
            sql` OR `,
          )})`
        : sql`false`,
      ...(f.templateKey ? [sql`t.key = ${f.templateKey}`] : []),
      ...(f.period ? [sql`v.period = ${f.period}`] : []),
      ...(f.orgUnitCode ? [sql`u.code = ${f.orgUnitCode}`] : []),
    ],
    sql` AND `,
  );
  const items = await queryRows<VersionRow>(
    q,
    sql`SELECT ${VERSION_COLUMNS} ${VERSION_JOINS} WHERE ${where} ORDER BY v.created_at DESC, v.id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  );
  const [{ total }] = await queryRows<{ total: number }>(q, sql`SELECT count(*)::int AS total ${VERSION_JOINS} WHERE ${where}`);
  return { items, total };
}

export async function findVersion(q: Queryable, townshipId: number, id: number, lock = false) {
  const rows = await queryRows<VersionRow & { document: ReportDocument | string; templateBody: string }>(
    q,
    sql`SELECT ${VERSION_COLUMNS}, v.document, v.template_body AS "templateBody" ${VERSION_JOINS}
        WHERE v.township_id = ${townshipId} AND v.id = ${id} ${lock ? sql`FOR UPDATE OF v` : sql``}`,
  );
  const row = rows[0];
  if (!row) return undefined;
  return { ...row, document: typeof row.document === 'string' ? (JSON.parse(row.document) as ReportDocument) : row.document };
}

/** The next number for a template, period and unit; the caller holds the template's row lock. */
export async function nextVersionNumber(q: Queryable, templateId: number, period: string, orgUnitId: number): Promise<number> {
  const [{ n }] = await queryRows<{ n: number }>(
    q,
    sql`SELECT coalesce(max(number), 0)::int + 1 AS n FROM report_versions
        WHERE template_id = ${templateId} AND period = ${period} AND org_unit_id = ${orgUnitId}`,
  );
  return n;
}

export async function insertVersion(q: Queryable, row: typeof reportVersions.$inferInsert): Promise<number> {
  const [created] = await q.insert(reportVersions).values(row).returning({ id: reportVersions.id });
  return created.id;
}

export async function finalizeVersion(q: Queryable, id: number, by: number) {
  await q.update(reportVersions).set({ final: true, finalizedBy: by, finalizedAt: new Date() }).where(eq(reportVersions.id, id));
}

// ---------------------------------------------------------------------------------------------------------
// The township profile: the words a report says of the township (简称, 工作目标, 工作总方针, 市委行动).

export interface TownshipProfile {
  short?: string;
  goal?: string;
  motto?: string;
  campaign?: string;
}

const PROFILE_KEY = 'township_profile';

export async function profileOf(q: Queryable, townshipCode: string): Promise<TownshipProfile> {
  const rows = await queryRows<{ profile: TownshipProfile | string | null }>(
    q,
    sql`SELECT value -> ${townshipCode} AS profile FROM settings WHERE key = ${PROFILE_KEY}`,
  );
  const profile = rows[0]?.profile;
  return (typeof profile === 'string' ? JSON.parse(profile) : profile) ?? {};
}

export async function saveProfile(q: Queryable, townshipCode: string, profile: TownshipProfile): Promise<void> {
  await q.execute(
    sql`INSERT INTO settings (key, value) VALUES (${PROFILE_KEY}, jsonb_build_object(${townshipCode}::text, ${JSON.stringify(profile)}::jsonb))
        ON CONFLICT (key) DO UPDATE SET value = settings.value || EXCLUDED.value`,
  );
}

/** The townships holding a template of this key: the CLI renders without a signed-in user's township. */
export function townshipsWithTemplate(q: Queryable, key: string) {
  return queryRows<{ townshipId: number; code: string; path: string }>(
    q,
    sql`SELECT t.township_id AS "townshipId", u.code, u.path FROM report_templates t JOIN org_units u ON u.id = t.township_id
        WHERE t.key = ${key} AND t.deleted_at IS NULL ORDER BY u.code`,
  );
}
