// The township's indicators as the reports' suggestion engine and template picker read them: names, units, work
// lines and the words cadres use for them (the built-in library's aliases, by key).
import type { Queryable } from '../../db/connection.js';
import { builtinIndicator } from './library/index.js';
import * as repo from './indicators.repository.js';

export interface CatalogueIndicator {
  key: string;
  name: string;
  unit: string;
  decimals: number;
  higherIsBetter: boolean;
  workLine?: string;
  aliases: string[];
}

export async function indicatorCatalogue(q: Queryable, townshipId: number): Promise<CatalogueIndicator[]> {
  const rows = await repo.listIndicators(q, [townshipId]);
  return rows.map((r) => ({
    key: r.key,
    name: r.name,
    unit: r.unit,
    decimals: r.decimals,
    higherIsBetter: r.higherIsBetter,
    workLine: r.workLine ?? undefined,
    aliases: (r.builtin ? builtinIndicator(r.key)?.aliases : undefined) ?? [],
  }));
}
