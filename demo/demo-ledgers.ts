// The demo township's ledgers: installs the built-in library and fills every ledger with deterministic
// synthetic records for 2021-01-01 … 2022-06-30 (fixed seed), sized like the 2022 half-year report of 川山坪镇.
// Every record passes the same validation as a user's entry; rows go in by the thousand, one INSERT a chunk.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { validateValues } from '../src/core/ledger-fields.js';
import { searchTextOf } from '../src/core/search-text.js';
import type { Queryable } from '../src/server/db/connection.js';
import { orgUnits, userRoles } from '../src/server/db/schema.js';
import { BUILTIN_LEDGERS, type BuiltinLedger } from '../src/server/modules/ledgers/index.js';
import { installBuiltinLedgers } from '../src/server/modules/ledgers/index.js';
import { installBuiltinIndicators } from '../src/server/modules/indicators/index.js';
import { recordAudit, SYSTEM_ACTOR } from '../src/server/modules/audit/index.js';
import { sealValues } from '../src/server/modules/personal-data/index.js';
import { loadDemoIndicatorTargets } from './demo-indicator-targets.js';
import { loadDemoBoards } from './demo-boards.js';
import { loadDemoSubmissions } from './demo-submissions.js';
import { DEMO_FROM, DEMO_TO, demoContext, type DemoRecord, type DemoVillage } from './demo-ledger-context.js';
import { ECONOMY_GENERATORS } from './demo-ledgers-economy.js';
import { ENVIRONMENT_GENERATORS } from './demo-ledgers-environment.js';
import { SAFETY_GENERATORS } from './demo-ledgers-safety.js';
import { WELFARE_GENERATORS } from './demo-ledgers-welfare.js';

export const DEMO_LEDGER_SEED = 20220630;
const CHUNK = 1000;

const GENERATORS = { ...ECONOMY_GENERATORS, ...SAFETY_GENERATORS, ...ENVIRONMENT_GENERATORS, ...WELFARE_GENERATORS };

export type DemoVillageInput = Omit<DemoVillage, 'households' | 'population'>;

/** The records of every built-in ledger, by key. Pure: the same seed and villages give the same records. */
export function generateDemoLedgers(seed: number, townshipUnitId: number, villages: DemoVillageInput[]): Map<string, DemoRecord[]> {
  const ctx = demoContext(seed, townshipUnitId, villages);
  const result = new Map<string, DemoRecord[]>();
  for (const ledger of BUILTIN_LEDGERS) {
    const generate = GENERATORS[ledger.key];
    if (!generate) throw new Error(`no demo data for ledger ${ledger.key}`);
    result.set(ledger.key, generate(ctx));
  }
  return result;
}

/** A generated record as it will be stored, or the reason it would be refused. */
export function checkDemoRecord(ledger: BuiltinLedger, record: DemoRecord): { values: Record<string, unknown>; problem?: string } {
  const { values, errors } = validateValues(ledger.fields, record.values);
  const stateKeys = ledger.workflow?.states.map((s) => s.key);
  const problem = errors.length
    ? errors.map((e) => `${e.field}: ${e.message}`).join('; ')
    : ledger.kind === 'periodic' && !record.period
      ? 'periodic record without a period'
      : stateKeys && !stateKeys.includes(record.status ?? '')
        ? `status ${record.status} not in the workflow`
        : !stateKeys && record.status
          ? 'status on a ledger without a workflow'
          : undefined;
  return { values, problem };
}

async function demoVillages(q: Queryable, townshipId: number): Promise<DemoVillageInput[]> {
  const villages = await q
    .select({ id: orgUnits.id, code: orgUnits.code, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.townshipId, townshipId), eq(orgUnits.level, 'village'), isNull(orgUnits.validTo)))
    .orderBy(orgUnits.code);
  const groups =
    villages.length === 0
      ? []
      : await q
          .select({ id: orgUnits.id, name: orgUnits.name, parentId: orgUnits.parentId })
          .from(orgUnits)
          .where(
            and(
              inArray(
                orgUnits.parentId,
                villages.map((v) => v.id),
              ),
              eq(orgUnits.level, 'group'),
              isNull(orgUnits.validTo),
            ),
          )
          .orderBy(orgUnits.code);
  return villages.map((v) => ({ ...v, groups: groups.filter((g) => g.parentId === v.id).map(({ id, name }) => ({ id, name })) }));
}

interface DemoRow {
  ledger_id: number;
  entered_by: number | null;
  org_unit_id: number;
  values: Record<string, unknown>;
  /** Keyed hashes of the personal values, which `values` holds encrypted (modules/personal-data). */
  personal_hashes: Record<string, string>;
  period: string | null;
  status: string | null;
  search_text: string;
  at: string;
}

/**
 * One chunk of rows as one JSON parameter: PGlite parses a single text far faster than 14 parameters a row.
 * The columns are those of `ledgerRecords` (schema.ts).
 */
async function insertRows(q: Queryable, rows: DemoRow[], townshipId: number) {
  await q.execute(sql`
    INSERT INTO ledger_records (township_id, ledger_id, org_unit_id, "values", personal_hashes, period, status, search_text, definition_version,
                                created_by, created_at, updated_by, updated_at)
    SELECT ${townshipId}, r.ledger_id, r.org_unit_id, r."values", r.personal_hashes, r.period, r.status, r.search_text, 1, r.entered_by, r.at, r.entered_by, r.at
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS r(ledger_id int, entered_by int, org_unit_id int, "values" jsonb, personal_hashes jsonb, period text, status text, search_text text, at timestamptz)`);
}

export interface DemoLedgerSummary {
  seed: number;
  /** Records inserted per ledger key. */
  counts: Record<string, number>;
  /** Built-in indicators installed, and their demo targets written. */
  indicators: number;
  /** Ranking boards and data-quality rules of the demo township. */
  boards: number;
  rules: number;
  /** Villages' submissions of periodic figures in the weeks before the demo's last day. */
  submissions: number;
  targets: number;
  milliseconds: number;
}

/**
 * Installs the ledger and indicator libraries into the township, loads the demo records of every built-in ledger
 * and the demo targets of a few indicators.
 */
export async function loadDemoLedgers(q: Queryable, townshipId: number, userId: number | null, seed = DEMO_LEDGER_SEED): Promise<DemoLedgerSummary> {
  const started = Date.now();
  const ids = await installBuiltinLedgers(q, townshipId, userId);
  const indicatorIds = await installBuiltinIndicators(q, townshipId, userId);
  const villages = await demoVillages(q, townshipId);
  const [township] = await q.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, townshipId));
  // Records are entered by the village's cadre where the demo has one, so "who entered it" reads true.
  const cadres =
    villages.length === 0
      ? []
      : await q
          .select({ userId: userRoles.userId, unitId: userRoles.orgUnitId })
          .from(userRoles)
          .where(
            and(
              eq(userRoles.role, 'village_cadre'),
              inArray(
                userRoles.orgUnitId,
                villages.map((v) => v.id),
              ),
            ),
          );
  const unitNames = new Map<number, string>([[townshipId, township.name]]);
  const enteredBy = new Map<number, number | null>([[townshipId, userId]]);
  for (const v of villages) {
    const cadre = cadres.find((c) => c.unitId === v.id)?.userId ?? userId;
    unitNames.set(v.id, v.name);
    enteredBy.set(v.id, cadre);
    for (const g of v.groups) {
      unitNames.set(g.id, g.name);
      enteredBy.set(g.id, cadre);
    }
  }
  const generated = generateDemoLedgers(seed, townshipId, villages);
  const counts: Record<string, number> = {};
  let batch: DemoRow[] = [];
  const flush = async () => {
    if (batch.length) await insertRows(q, batch, townshipId);
    batch = [];
  };
  for (const ledger of BUILTIN_LEDGERS) {
    const records = generated.get(ledger.key)!;
    for (const record of records) {
      const { values, problem } = checkDemoRecord(ledger, record);
      if (problem) throw new Error(`demo record of ${ledger.key} refused: ${problem}`);
      const sealed = sealValues(ledger.fields, values);
      batch.push({
        ledger_id: ids.get(ledger.key)!,
        org_unit_id: record.unitId,
        entered_by: enteredBy.get(record.unitId) ?? userId,
        values: sealed.values,
        personal_hashes: sealed.hashes,
        period: record.period ?? null,
        status: record.status ?? null,
        search_text: searchTextOf(ledger.fields, values, unitNames.get(record.unitId) ?? ''),
        at: `${record.on}T02:00:00Z`, // 10:00 in China, on the day the record was entered
      });
      if (batch.length >= CHUNK) await flush();
    }
    counts[ledger.key] = records.length;
  }
  await flush();
  const targets = await loadDemoIndicatorTargets(q, townshipId, userId, indicatorIds, seed);
  const boards = await loadDemoBoards(q, townshipId, userId, indicatorIds);
  const submissions = await loadDemoSubmissions(q, townshipId, seed);
  // One entry for the whole load: the records are synthetic, so their own history starts at their creation.
  await recordAudit(q, SYSTEM_ACTOR, { action: 'ledger.demo', entity: 'ledger', townshipId, after: { seed, from: DEMO_FROM, to: DEMO_TO, counts } });
  return { seed, counts, indicators: indicatorIds.size, targets, ...boards, submissions, milliseconds: Date.now() - started };
}
