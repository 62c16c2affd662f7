// SQL for ledger imports: the township's units for name lookups, clashes with stored records, the bulk insert.
import { sql } from 'drizzle-orm';
import { arrayLiteral } from '../../db/array-literal.js';
import { queryRows, type Queryable } from '../../db/connection.js';

export interface TownshipUnit {
  id: number;
  code: string;
  name: string;
  level: string;
  path: string;
  parentName: string | null;
  validFrom: string;
  validTo: string | null;
}

/** Every unit of the township (the township itself included), closed ones too, parents first. */
export function townshipUnits(q: Queryable, townshipPath: string) {
  return queryRows<TownshipUnit>(
    q,
    sql`
    SELECT u.id, u.code, u.name, u.level, u.path, p.name AS "parentName", to_char(u.valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(u.valid_to, 'YYYY-MM-DD') AS "validTo"
    FROM org_units u LEFT JOIN org_units p ON p.id = u.parent_id
    WHERE u.path LIKE ${`${townshipPath}%`}
    ORDER BY length(u.path), u.code`,
  );
}

/**
 * A jsonb[] literal of JSON texts, as arrayLiteral would write it, three times faster for 100,000 records: JSON
 * string escaping escapes exactly `"` and `\` here, because a JSON text holds no raw control characters and no lone
 * surrogates (which it would otherwise write as \n or \uXXXX, unlike an array literal).
 */
export function jsonArrayLiteral(jsonTexts: string[]): string {
  return `{${jsonTexts.map((text) => JSON.stringify(text)).join(',')}}`;
}

/**
 * The values (as JSON texts) that live records of the ledger already hold, each with the unit of one holder; with
 * `hashed`, the values are keyed hashes of personal values and are looked up among the records' hashes.
 */
export async function takenValues(
  q: Queryable,
  ledgerId: number,
  key: string,
  jsonValues: string[],
  hashed = false,
): Promise<Map<string, { unitName: string; unitPath: string }>> {
  const column = hashed ? sql`r.personal_hashes` : sql`r."values"`;
  const taken = new Map<string, { unitName: string; unitPath: string }>();
  for (let i = 0; i < jsonValues.length; i += 20_000) {
    // A hash join against the file's values: one pass over the ledger's records per 20,000 values.
    const rows = await queryRows<{ value: unknown; unitName: string; unitPath: string }>(
      q,
      sql`
      SELECT DISTINCT ON (v.value) v.value, u.name AS "unitName", u.path AS "unitPath" FROM ledger_records r
      JOIN unnest(${jsonArrayLiteral(jsonValues.slice(i, i + 20_000))}::jsonb[]) AS v(value) ON ${column} -> ${key} = v.value
      JOIN org_units u ON u.id = r.org_unit_id
      WHERE r.ledger_id = ${ledgerId} AND r.deleted_at IS NULL`,
    );
    for (const r of rows) taken.set(JSON.stringify(r.value), { unitName: r.unitName, unitPath: r.unitPath });
  }
  return taken;
}

/** Which `<orgUnitId>|<period>` pairs already have a live record in the ledger. */
export async function takenPeriods(q: Queryable, ledgerId: number, periods: string[]): Promise<Set<string>> {
  const rows = await queryRows<{ pair: string }>(
    q,
    sql`
    SELECT org_unit_id || '|' || period AS pair FROM ledger_records
    WHERE ledger_id = ${ledgerId} AND deleted_at IS NULL AND period = ANY(${arrayLiteral(periods)}::text[])`,
  );
  return new Set(rows.map((r) => r.pair));
}

export interface NewRecord {
  orgUnitId: number;
  values: Record<string, unknown>;
  personalHashes: Record<string, string>;
  period: string | null;
  searchText: string;
}

export interface InsertCommon {
  townshipId: number;
  ledgerId: number;
  status: string | null;
  definitionVersion: number;
  userId: number | null;
}

/**
 * Inserts a batch with one statement: each column travels as one array parameter and unnest rebuilds the rows
 * (alike on PGlite and PostgreSQL; the same path as the division import). Returns the first and last new id.
 */
export async function insertRecords(q: Queryable, common: InsertCommon, rows: NewRecord[]): Promise<{ first: number; last: number }> {
  const column = (pick: (r: NewRecord) => string | number | null) => arrayLiteral(rows.map(pick));
  const [ids] = await queryRows<{ first: string; last: string }>(
    q,
    sql`
    WITH inserted AS (
      INSERT INTO ledger_records (township_id, ledger_id, org_unit_id, "values", personal_hashes, period, status, search_text, version,
                                  definition_version, created_by, updated_by)
      SELECT ${common.townshipId}, ${common.ledgerId}, u.org_unit_id, u.vals, u.hashes, u.period, ${common.status}, u.search_text, 1,
             ${common.definitionVersion}, ${common.userId}::int, ${common.userId}::int
      FROM unnest(${column((r) => r.orgUnitId)}::int[], ${jsonArrayLiteral(rows.map((r) => JSON.stringify(r.values)))}::jsonb[],
                  ${jsonArrayLiteral(rows.map((r) => JSON.stringify(r.personalHashes)))}::jsonb[],
                  ${column((r) => r.period)}::text[], ${column((r) => r.searchText)}::text[]) AS u(org_unit_id, vals, hashes, period, search_text)
      RETURNING id)
    SELECT min(id) AS first, max(id) AS last FROM inserted`,
  );
  return { first: Number(ids.first), last: Number(ids.last) };
}
