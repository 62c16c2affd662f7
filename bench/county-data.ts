// A county-sized data set for benchmarks: 15 townships like the demo's 川山坪镇 under one county (汨罗市), each
// with ~17 villages and 8–16 villager groups per village, the built-in ledgers installed in every township, and
// about 1,000,000 ledger records (BENCH_RECORDS) over the ledgers the benchmarked indicators read, with values
// and dates over 2022 (and a little late 2021, deleted records and township-level records that no village
// counts). Deterministic: the same seed gives the same rows. Loaded with COPY on PostgreSQL, batched INSERTs
// (unnest of column arrays) on PGlite.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { queryRows, type Database } from '../src/server/db/connection.js';
import type { ServiceContext } from '../src/server/http/context.js';
import { SYSTEM_ACTOR } from '../src/server/modules/audit/audit.service.js';
import { importDivisions } from '../src/server/modules/org/org-import.service.js';
import { insertUnits, nextIds, type NewOrgUnit } from '../src/server/modules/org/org.repository.js';
import { pinyinKey } from '../src/server/modules/org/pinyin.js';
import { installBuiltinLedgers } from '../src/server/modules/ledgers/library/install-library.js';
import { seededRandom } from '../demo/seeded-random.js';
import { LEDGER_GENERATORS, PERIODIC_GENERATORS, type Random } from './county-records.js';

export const COUNTY_CODE = '430681000000';
const DEMO_CSV = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../demo/divisions-chuanshanping.csv');
// 汨罗市's towns (names only; codes 430681100000 … 430681114000, 105 being the demo's 川山坪镇 with its real villages).
const TOWN_NAMES = [
  '汨罗镇',
  '新市镇',
  '古培镇',
  '白水镇',
  '弼时镇',
  '川山坪镇',
  '长乐镇',
  '大荆镇',
  '桃林寺镇',
  '三江镇',
  '白塘镇',
  '神鼎山镇',
  '罗江镇',
  '屈子祠镇',
  '黄柏镇',
];
const NAME_PARTS = [
  '桃花',
  '石桥',
  '白沙',
  '青山',
  '花果',
  '长岭',
  '新华',
  '高峰',
  '金塘',
  '团山',
  '黄泥',
  '双楼',
  '龙潭',
  '玉湖',
  '松柏',
  '凤凰',
  '大塘',
  '八景',
  '荷花',
  '李家',
  '杨柳',
  '清溪',
  '向阳',
  '红旗',
  '麻石',
  '马鞍',
  '太平',
  '兴隆',
];
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六'];

export interface Village {
  id: number;
  code: string;
  name: string;
  groupIds: number[];
  /** Households: villages are sized 330–720 as in the demo; records are spread in proportion. */
  households: number;
}

export interface Township {
  id: number;
  code: string;
  name: string;
  villages: Village[];
  /** Built-in ledger ids by key. */
  ledgers: Map<string, number>;
}

export interface County {
  id: number;
  code: string;
  townships: Township[];
  units: number;
  villages: number;
  groups: number;
}

const system = (database: Database): ServiceContext => ({
  db: database.db,
  principal: { userId: 0, username: 'system', grants: [{ role: 'admin', scopePaths: ['/'] }] },
  actor: SYSTEM_ACTOR,
  townshipId: null,
});

/** The divisions file of the county: the demo's 川山坪镇 as it is, the other towns with 15–19 made-up villages. */
function divisionsCsv(townships: number, r: Random): string {
  const demo = fs.readFileSync(DEMO_CSV, 'utf8').trim().split('\n').slice(1);
  const lines = ['code,name,level,parent_code', `${COUNTY_CODE},汨罗市,county,`];
  for (let i = 0; i < townships; i++) {
    const prefix = `430681${100 + i}`;
    if (prefix === '430681105') {
      lines.push(...demo.filter((l) => !l.startsWith(COUNTY_CODE)).map((l) => l.split(',').slice(0, 4).join(',')));
      continue;
    }
    lines.push(`${prefix}000,${TOWN_NAMES[i % TOWN_NAMES.length]}${i >= TOWN_NAMES.length ? i : ''},town,${COUNTY_CODE}`);
    const names = new Set<string>();
    const count = r.int(15, 19);
    while (names.size < count) names.add(`${r.pick(NAME_PARTS)}${r.pick(['村', '村', '村', '社区'])}`);
    [...names].forEach((name, v) => lines.push(`${prefix}2${String(v + 1).padStart(2, '0')},${name},village,${prefix}000`));
  }
  return lines.join('\n');
}

/** Org units (through the division import, then villager groups in bulk) and the built-in ledgers. */
export async function buildCounty(database: Database, townships = 15, seed = 20220630): Promise<County> {
  const r = seededRandom(seed);
  await importDivisions(system(database), new TextEncoder().encode(divisionsCsv(townships, r)), 'county.csv');
  const units = await queryRows<{ id: number; code: string; name: string; level: string; path: string; townshipId: number | null }>(
    database.db,
    sql`
    SELECT id, code, name, level, path, township_id AS "townshipId" FROM org_units ORDER BY code`,
  );
  const county = units.find((u) => u.code === COUNTY_CODE)!;
  const towns = units.filter((u) => u.level === 'town');

  const newGroups: NewOrgUnit[] = [];
  const result: Township[] = [];
  for (const town of towns) {
    const villages: Village[] = [];
    for (const v of units.filter((u) => u.level === 'village' && u.townshipId === town.id)) {
      const count = r.int(8, 16);
      const ids = await nextIds(database.db, count);
      ids.forEach((id, g) =>
        newGroups.push({
          id,
          code: `${v.code}${String(g + 1).padStart(3, '0')}`,
          name: `${NUMERALS[g]}组`,
          level: 'group',
          parentId: v.id,
          path: `${v.path}${id}/`,
          townshipId: town.id,
          pinyin: pinyinKey(`${NUMERALS[g]}组`),
          urCode: null,
          validFrom: '2005-01-01',
        }),
      );
      villages.push({ id: v.id, code: v.code, name: v.name, groupIds: ids, households: r.int(330, 720) });
    }
    const ledgers = await installBuiltinLedgers(database.db, town.id, null);
    result.push({ id: town.id, code: town.code, name: town.name, villages, ledgers });
  }
  await insertUnits(database.db, newGroups);
  const villageCount = result.reduce((n, t) => n + t.villages.length, 0);
  return {
    id: county.id,
    code: county.code,
    townships: result,
    units: units.length + newGroups.length,
    villages: villageCount,
    groups: newGroups.length,
  };
}

/** One ledger record as the table holds it. */
export interface RecordRow {
  townshipId: number;
  ledgerId: number;
  orgUnitId: number;
  values: Record<string, unknown>;
  period: string | null;
  status: string | null;
  deleted: boolean;
}

/**
 * The records, in chunks: the periodic ledgers' rows (a village a day, a village a month; a few days missing),
 * then `total` minus those spread over the register ledgers by their shares, each record placed on a village
 * (by its households) and there on one of its groups (80 %), the village itself (17 %) or the township (3 %).
 */
export function* countyRecords(county: County, total: number, seed = 20221231, chunk = 20_000): Generator<RecordRow[]> {
  let rows: RecordRow[] = [];
  const flush = function* () {
    if (rows.length >= chunk) {
      yield rows;
      rows = [];
    }
  };
  for (const gen of PERIODIC_GENERATORS) {
    const r = seededRandom(seed ^ gen.seed);
    for (const t of county.townships) {
      const ledgerId = t.ledgers.get(gen.key)!;
      for (const v of t.villages) {
        for (const { period, values } of gen.rows(r, v)) {
          rows.push({ townshipId: t.id, ledgerId, orgUnitId: v.id, values, period, status: null, deleted: false });
          yield* flush();
        }
      }
    }
  }
  const periodic = PERIODIC_GENERATORS.reduce((n, g) => n + g.expected(county.villages), 0);
  const register = Math.max(0, total - periodic);
  const shares = LEDGER_GENERATORS.reduce((n, g) => n + g.share, 0);
  const villages = county.townships.flatMap((t) => t.villages.map((v) => ({ t, v })));
  const weights = villages.map(({ v }) => v.households);
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
  const totalWeight = cumulative[cumulative.length - 1];
  for (const gen of LEDGER_GENERATORS) {
    const r = seededRandom(seed ^ gen.seed);
    const count = Math.round((register * gen.share) / shares);
    const state = gen.start(r, county);
    for (let n = 0; n < count; n++) {
      const x = r.next() * totalWeight;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] > x) hi = mid;
        else lo = mid + 1;
      }
      const { t, v } = villages[lo];
      const place = r.next();
      const orgUnitId = place < 0.03 ? t.id : place < 0.2 || v.groupIds.length === 0 ? v.id : r.pick(v.groupIds);
      const { values, status } = gen.record(r, v, n, state);
      rows.push({
        townshipId: t.id,
        ledgerId: t.ledgers.get(gen.key)!,
        orgUnitId,
        values,
        period: null,
        status: status ?? null,
        deleted: r.next() < 0.01,
      });
      yield* flush();
    }
  }
  if (rows.length) yield rows;
}

// COPY's text format: backslash escapes, \N for null.
const copyText = (v: string | null) =>
  v === null ? '\\N' : v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
const COLUMNS = 'township_id, ledger_id, org_unit_id, values, period, status, definition_version, deleted_at';

/** PostgreSQL: every record through one COPY FROM STDIN. Returns the number of rows. */
export async function copyRecords(client: pg.Client, chunks: Iterable<RecordRow[]>): Promise<number> {
  let count = 0;
  const lines = function* () {
    for (const rows of chunks) {
      count += rows.length;
      yield (
        rows
          .map((row) =>
            [
              row.townshipId,
              row.ledgerId,
              row.orgUnitId,
              copyText(JSON.stringify(row.values)),
              copyText(row.period),
              copyText(row.status),
              1,
              row.deleted ? '2022-12-20 10:00:00+08' : '\\N',
            ].join('\t'),
          )
          .join('\n') + '\n'
      );
    }
  };
  await pipeline(Readable.from(lines()), client.query(copyFrom(`COPY ledger_records (${COLUMNS}) FROM STDIN`)));
  return count;
}

const arrayLiteral = (values: (string | number | null)[]) =>
  `{${values.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`;

/** PGlite (or any database): batched INSERTs, each batch's columns as arrays rebuilt with unnest. */
export async function insertRecords(database: Database, chunks: Iterable<RecordRow[]>, batch = 5_000): Promise<number> {
  let count = 0;
  for (const rows of chunks) {
    for (let start = 0; start < rows.length; start += batch) {
      const part = rows.slice(start, start + batch);
      const col = (pick: (r: RecordRow) => string | number | null) => arrayLiteral(part.map(pick));
      await database.db.execute(sql`
        INSERT INTO ledger_records (${sql.raw(COLUMNS)})
        SELECT t, l, o, v::jsonb, p, s, 1, CASE WHEN d THEN timestamptz '2022-12-20 10:00:00+08' END
        FROM unnest(${col((r) => r.townshipId)}::int[], ${col((r) => r.ledgerId)}::int[], ${col((r) => r.orgUnitId)}::int[],
          ${col((r) => JSON.stringify(r.values))}::text[], ${col((r) => r.period)}::text[], ${col((r) => r.status)}::text[],
          ${col((r) => (r.deleted ? 't' : 'f'))}::boolean[]) AS x(t, l, o, v, p, s, d)`);
      count += part.length;
    }
  }
  return count;
}
