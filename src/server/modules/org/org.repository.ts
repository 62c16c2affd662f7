// SQL for org units. Subtrees are found by materialised path ('/1/5/20/'), never one query per level.
import { sql, type SQL } from 'drizzle-orm';
import { arrayLiteral } from '../../db/array-literal.js';
import { queryRows, type Queryable } from '../../db/connection.js';
import type { OrgLevel } from '../../../core/org-levels.js';

export interface OrgUnitRecord {
  id: number;
  code: string;
  name: string;
  level: OrgLevel;
  parentId: number | null;
  parentCode: string | null;
  path: string;
  townshipId: number | null;
  validFrom: string;
  validTo: string | null;
  mergedIntoCode: string | null;
  plannedGroups: number | null;
  childCount: number;
}

/** Valid on a day: opened on or before it, not closed on or before it. */
export function validOn(asOf: string | null, alias = 'u'): SQL {
  if (!asOf) return sql.raw(`${alias}.valid_to IS NULL`);
  return sql`${sql.raw(alias)}.valid_from <= ${asOf}::date AND (${sql.raw(alias)}.valid_to IS NULL OR ${sql.raw(alias)}.valid_to > ${asOf}::date)`;
}

const SELECT_UNIT = sql`
  SELECT u.id, u.code, u.name, u.level, u.parent_id AS "parentId", p.code AS "parentCode", u.path,
         u.township_id AS "townshipId", to_char(u.valid_from, 'YYYY-MM-DD') AS "validFrom",
         to_char(u.valid_to, 'YYYY-MM-DD') AS "validTo", m.code AS "mergedIntoCode", u.planned_groups AS "plannedGroups",
         (SELECT count(*)::int FROM org_units c WHERE c.parent_id = u.id AND c.valid_to IS NULL) AS "childCount"
  FROM org_units u
  LEFT JOIN org_units p ON p.id = u.parent_id
  LEFT JOIN org_units m ON m.id = u.merged_into_id`;

export async function findByCode(q: Queryable, code: string): Promise<OrgUnitRecord | undefined> {
  const rows = await queryRows<OrgUnitRecord>(q, sql`${SELECT_UNIT} WHERE u.code = ${code}`);
  return rows[0];
}

export async function findByCodes(q: Queryable, codes: string[]): Promise<OrgUnitRecord[]> {
  if (codes.length === 0) return [];
  return queryRows<OrgUnitRecord>(
    q,
    sql`${SELECT_UNIT} WHERE u.code IN (${sql.join(
      codes.map((c) => sql`${c}`),
      sql`, `,
    )}) ORDER BY u.code`,
  );
}

export async function findByPaths(q: Queryable, paths: string[]): Promise<OrgUnitRecord[]> {
  if (paths.length === 0) return [];
  return queryRows<OrgUnitRecord>(
    q,
    sql`${SELECT_UNIT} WHERE u.path IN (${sql.join(
      paths.map((p) => sql`${p}`),
      sql`, `,
    )}) ORDER BY u.code`,
  );
}

export async function listChildren(q: Queryable, parentId: number, asOf: string | null, includeClosed: boolean) {
  const validity = includeClosed ? sql`TRUE` : validOn(asOf);
  return queryRows<OrgUnitRecord>(q, sql`${SELECT_UNIT} WHERE u.parent_id = ${parentId} AND ${validity} ORDER BY u.code`);
}

export async function ancestorsOf(q: Queryable, path: string) {
  const ids = path.split('/').filter(Boolean).slice(0, -1).map(Number);
  if (ids.length === 0) return [];
  return queryRows<{ code: string; name: string; level: OrgLevel }>(
    q,
    sql`
    SELECT code, name, level FROM org_units WHERE id IN (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )}) ORDER BY length(path)`,
  );
}

/** Units in any of the given subtrees whose name, code or pinyin matches. */
export async function search(q: Queryable, text: string, scopePaths: string[], limit: number) {
  if (scopePaths.length === 0) return [];
  const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const scopes = sql.join(
    scopePaths.map((p) => sql`u.path LIKE ${`${p}%`}`),
    sql` OR `,
  );
  return queryRows<OrgUnitRecord>(
    q,
    sql`${SELECT_UNIT}
    WHERE u.valid_to IS NULL AND (${scopes})
      AND (u.name LIKE ${like} OR u.code LIKE ${`${text}%`} OR u.pinyin LIKE ${like.toLowerCase()})
    ORDER BY length(u.path), u.code LIMIT ${limit}`,
  );
}

/** The paths of the live roots of the tree (a deployment-wide reader's starting points). */
export async function liveRootPaths(q: Queryable): Promise<string[]> {
  const rows = await queryRows<{ path: string }>(q, sql`SELECT path FROM org_units WHERE parent_id IS NULL AND valid_to IS NULL`);
  return rows.map((r) => r.path);
}

/** Every code one level (3 digits) below the parent's code, open, closed or moved elsewhere. */
export async function codesOneLevelBelow(q: Queryable, parentCode: string): Promise<string[]> {
  const rows = await queryRows<{ code: string }>(
    q,
    sql`
    SELECT code FROM org_units WHERE code LIKE ${`${parentCode}%`} AND length(code) = ${parentCode.length + 3}`,
  );
  return rows.map((r) => r.code);
}

/** Whether a live child of the parent, other than `exceptId`, bears the name. */
export async function liveChildNamed(q: Queryable, parentId: number, name: string, exceptId?: number): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(
    q,
    sql`
    SELECT count(*)::int AS n FROM org_units
    WHERE parent_id = ${parentId} AND name = ${name} AND valid_to IS NULL AND id <> ${exceptId ?? -1}`,
  );
  return row.n > 0;
}

export async function setUnitName(q: Queryable, id: number, name: string, pinyin: string): Promise<void> {
  await q.execute(sql`UPDATE org_units SET name = ${name}, pinyin = ${pinyin} WHERE id = ${id}`);
}

/**
 * Hangs a unit under a new parent and rewrites the path of it and every unit below it in one UPDATE; a non-null
 * `townshipId` becomes the township of them all.
 */
export async function reparentSubtree(
  q: Queryable,
  unit: { id: number; path: string },
  parentId: number,
  newPath: string,
  townshipId: number | null,
): Promise<void> {
  await q.execute(sql`UPDATE org_units SET parent_id = ${parentId} WHERE id = ${unit.id}`);
  await q.execute(sql`
    UPDATE org_units SET path = ${newPath} || substr(path, ${unit.path.length + 1}),
      township_id = COALESCE(${townshipId}::int, township_id)
    WHERE path LIKE ${`${unit.path}%`}`);
}

/** Closes a unit: it is valid up to the day before `date`. */
export async function closeUnitOn(q: Queryable, id: number, date: string): Promise<void> {
  await q.execute(sql`UPDATE org_units SET valid_to = ${date}::date WHERE id = ${id}`);
}

export async function nextIds(q: Queryable, n: number): Promise<number[]> {
  // A constant regclass: looking the sequence up by name per row costs 5x more for a province.
  const rows = await queryRows<{ id: number }>(
    q,
    sql`
    SELECT nextval('org_units_id_seq'::regclass)::int AS id FROM generate_series(1, ${n})`,
  );
  return rows.map((r) => r.id);
}

export interface NewOrgUnit {
  id: number;
  code: string;
  name: string;
  level: OrgLevel;
  parentId: number | null;
  path: string;
  townshipId: number | null;
  pinyin: string;
  urCode: string | null;
  validFrom: string;
}

/**
 * Inserts many units with one statement per batch, each column travelling as one array parameter and the
 * rows rebuilt with unnest (alike on PGlite and PostgreSQL). An ORM row at a time is ~100x slower; rows as
 * JSON objects (json_to_recordset) cost the server ~2x more than unnest of arrays.
 */
export async function insertUnits(q: Queryable, units: NewOrgUnit[], batchSize = 10_000): Promise<void> {
  for (let start = 0; start < units.length; start += batchSize) {
    const batch = units.slice(start, start + batchSize);
    const column = (pick: (u: NewOrgUnit) => string | number | null) => arrayLiteral(batch.map(pick));
    await q.execute(sql`
      INSERT INTO org_units (id, code, name, level, parent_id, path, township_id, pinyin, ur_code, valid_from)
      SELECT * FROM unnest(${column((u) => u.id)}::int[], ${column((u) => u.code)}::text[], ${column((u) => u.name)}::text[],
        ${column((u) => u.level)}::text[], ${column((u) => u.parentId)}::int[], ${column((u) => u.path)}::text[],
        ${column((u) => u.townshipId)}::int[], ${column((u) => u.pinyin)}::text[], ${column((u) => u.urCode)}::text[],
        ${column((u) => u.validFrom)}::date[])`);
  }
}

/** What other modules know of a unit: its place in the tree and its validity. */
export interface OrgUnitRef {
  id: number;
  code: string;
  name: string;
  level: OrgLevel;
  path: string;
  parentId: number | null;
  townshipId: number | null;
  validFrom: string;
  validTo: string | null;
}

const SELECT_REF = sql`
  SELECT u.id, u.code, u.name, u.level, u.path, u.parent_id AS "parentId", u.township_id AS "townshipId",
         to_char(u.valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(u.valid_to, 'YYYY-MM-DD') AS "validTo"
  FROM org_units u`;

/** One unit by id or code; `lock` holds its row for the transaction (writes of township-wide settings). */
export async function findUnitRef(q: Queryable, by: { id: number } | { code: string }, lock = false): Promise<OrgUnitRef | undefined> {
  const where = 'id' in by ? sql`u.id = ${by.id}` : sql`u.code = ${by.code}`;
  const rows = await queryRows<OrgUnitRef>(q, sql`${SELECT_REF} WHERE ${where} ${lock ? sql`FOR NO KEY UPDATE` : sql``}`);
  return rows[0];
}

/** The unit and every live unit below it, by code (closed, merged units keep no records of their own). */
export function unitsUnder(q: Queryable, path: string): Promise<OrgUnitRef[]> {
  return queryRows<OrgUnitRef>(q, sql`${SELECT_REF} WHERE u.path LIKE ${`${path}%`} AND u.valid_to IS NULL ORDER BY u.code`);
}

/** Every township (乡镇) the deployment holds, closed ones too: their data is still in the database. */
export function allTownships(q: Queryable): Promise<OrgUnitRef[]> {
  return queryRows<OrgUnitRef>(q, sql`${SELECT_REF} WHERE u.level = 'town' ORDER BY u.code`);
}

/** The live units under a path named by code or by name (a report's unit=燕塘村): one statement, not the subtree. */
export function unitsNamed(q: Queryable, path: string, names: string[]): Promise<OrgUnitRef[]> {
  if (names.length === 0) return Promise.resolve([]);
  const list = arrayLiteral(names);
  return queryRows<OrgUnitRef>(
    q,
    sql`${SELECT_REF} WHERE u.path LIKE ${`${path}%`} AND u.valid_to IS NULL AND (u.code = ANY(${list}::text[]) OR u.name = ANY(${list}::text[])) ORDER BY u.code`,
  );
}

/** The villages and communities directly under a township that exist at some time within [start, end], by code. */
export function villagesDuring(q: Queryable, townshipId: number, start: string, end: string): Promise<OrgUnitRef[]> {
  return queryRows<OrgUnitRef>(
    q,
    sql`${SELECT_REF}
    WHERE u.parent_id = ${townshipId} AND u.level = 'village' AND u.valid_from <= ${end} AND (u.valid_to IS NULL OR u.valid_to >= ${start})
    ORDER BY u.code`,
  );
}

export interface ExistingUnit {
  id: number;
  code: string;
  name: string;
  level: OrgLevel;
  path: string;
  townshipId: number | null;
  parentCode: string | null;
}

/** The units that already hold any of these codes (a division import's check), by code. */
export async function unitsByCode(q: Queryable, allCodes: string[]): Promise<Map<string, ExistingUnit>> {
  const found = new Map<string, ExistingUnit>();
  // Codes travel as one array literal; only well-formed ones can exist (the others are reported as errors).
  const codes = allCodes.filter((c) => /^\d{1,18}$/.test(c));
  for (let i = 0; i < codes.length; i += 10_000) {
    const rows = await queryRows<ExistingUnit>(
      q,
      sql`
      SELECT u.id, u.code, u.name, u.level, u.path, u.township_id AS "townshipId", p.code AS "parentCode"
      FROM org_units u LEFT JOIN org_units p ON p.id = u.parent_id
      WHERE u.code = ANY(${`{${codes.slice(i, i + 10_000).join(',')}}`}::text[])`,
    );
    for (const r of rows) found.set(r.code, r);
  }
  return found;
}
