// Installs built-in indicators into a township: each as an indicator row (builtin), linked to the township's
// work line of the same name. Idempotent: keys the township already has are kept. An indicator over a ledger
// the township has not installed is skipped (not an error), and so is a formula whose references are neither
// installed nor being installed; a chosen formula brings the indicators it reads along.
import { sourceReferences, type IndicatorDefinition } from '../../../../core/indicators.js';
import type { Queryable } from '../../../db/connection.js';
import { ledgerShapes } from '../../ledgers/index.js';
import { indicatorIdsByKey, insertIndicators } from '../indicators.repository.js';
import { BUILTIN_INDICATORS, builtinIndicator } from './index.js';
import { listWorkLines } from '../../cadre/index.js';

/** The chosen keys with every indicator their formulas read, transitively, in library order. */
export function withDependencies(keys: string[]): IndicatorDefinition[] {
  const wanted = new Set<string>();
  const add = (key: string) => {
    const definition = builtinIndicator(key);
    if (!definition || wanted.has(key)) return;
    wanted.add(key);
    sourceReferences(definition.source).forEach(add);
  };
  keys.forEach(add);
  return BUILTIN_INDICATORS.filter((d) => wanted.has(d.key));
}

/**
 * The definitions that can be installed given the township's ledgers and existing indicator keys: ledger
 * sources need their ledger; formulas need every reference installed already or installable here.
 */
export function installable(chosen: IndicatorDefinition[], ledgerKeys: Set<string>, existingKeys: Set<string>): IndicatorDefinition[] {
  const ok = new Set(chosen.filter((d) => d.source.type !== 'formula' && ledgerKeys.has(d.source.ledger)).map((d) => d.key));
  for (let changed = true; changed;) {
    changed = false;
    for (const d of chosen) {
      if (ok.has(d.key) || d.source.type !== 'formula') continue;
      if (sourceReferences(d.source).every((k) => k === d.key || ok.has(k) || existingKeys.has(k))) {
        ok.add(d.key);
        changed = true;
      }
    }
  }
  return chosen.filter((d) => ok.has(d.key));
}

/** Returns the ids of the township's built-in indicators (new and existing) by key; `only` limits which are installed. */
export async function installBuiltinIndicators(
  q: Queryable,
  townshipId: number,
  userId: number | null,
  only?: string[],
): Promise<Map<string, number>> {
  const chosen = only ? withDependencies(only) : BUILTIN_INDICATORS;
  if (chosen.length === 0) return new Map();
  const existing = await indicatorIdsByKey(q, townshipId);
  const existingKeys = new Set(existing.map((i) => i.key));
  const ids = new Map<string, number>();

  const ledgerRows = await ledgerShapes(q, [townshipId]);
  let possible = installable(chosen, new Set(ledgerRows.map((l) => l.key)), existingKeys);
  if (only) {
    // A formula that cannot be installed does not bring the indicators it would have read.
    const keys = new Set(possible.map((d) => d.key));
    const needed = new Set(withDependencies(only.filter((k) => keys.has(k))).map((d) => d.key));
    possible = possible.filter((d) => needed.has(d.key));
  }
  const missing = possible.filter((d) => !existingKeys.has(d.key));
  for (const d of possible) {
    const found = existing.find((i) => i.key === d.key);
    if (found) ids.set(d.key, found.id);
  }
  if (missing.length === 0) return ids;

  const lines = await listWorkLines(q, townshipId);
  const lineIds = new Map(lines.map((l) => [l.name, l.id]));
  const order = new Map(BUILTIN_INDICATORS.map((d, i) => [d.key, (i + 1) * 10]));
  const created = await insertIndicators(
    q,
    missing.map((d) => ({
      townshipId,
      key: d.key,
      name: d.name,
      description: d.description ?? null,
      workLineId: d.workLine ? (lineIds.get(d.workLine) ?? null) : null,
      source: d.source,
      unit: d.unit,
      decimals: d.decimals,
      scale: d.scale,
      higherIsBetter: d.higherIsBetter,
      builtin: true,
      sortOrder: order.get(d.key)!,
      createdBy: userId,
    })),
  );
  for (const c of created) ids.set(c.key, c.id);
  return ids;
}
