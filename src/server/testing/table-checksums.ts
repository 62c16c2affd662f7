// Every table of Zhenwu's schemas (public, drizzle) with its row count and a checksum of its rows: two databases
// with equal checksums hold the same data. Used by the backup round trip.
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../db/connection.js';

export interface TableChecksum {
  table: string;
  rows: number;
  md5: string;
}

export async function tableChecksums(q: Queryable): Promise<TableChecksum[]> {
  const tables = await queryRows<{ name: string }>(
    q,
    sql`select quote_ident(schemaname) || '.' || quote_ident(tablename) as name from pg_tables
         where schemaname in ('public', 'drizzle') order by schemaname, tablename`,
  );
  const result: TableChecksum[] = [];
  for (const { name } of tables) {
    const [row] = await queryRows<{ rows: number; md5: string }>(
      q,
      sql.raw(`select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as md5 from ${name} t`),
    );
    result.push({ table: name, ...row });
  }
  return result;
}
