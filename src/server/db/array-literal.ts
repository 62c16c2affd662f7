/**
 * A PostgreSQL array literal ('{"a","b",NULL}'), so a whole list travels as one text parameter (drizzle would
 * expand a JS array into one parameter per element); cast it in SQL (`::int[]`, `::text[]`, `::jsonb[]`).
 */
export function arrayLiteral(values: readonly (string | number | null | undefined)[]): string {
  return `{${values.map((v) => (v === null || v === undefined ? 'NULL' : `"${String(v).replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`;
}
