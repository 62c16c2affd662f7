// A unit's place among its siblings for one indicator (a township among its county's townships, a village among
// the township's villages): "排名全市第3". Only the place and the count are answered, never the siblings'
// values, so a township user learns his rank without reading other townships' figures.
import { rankContestants } from '../../../core/ranking.js';
import { invalid } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { findUnit } from '../org/index.js';
import { evaluate, readableUnit, resolveScope, resolveWindows, SPLIT_LEVELS, type SplitLevel } from './indicator-values.service.js';
import * as repo from './indicators.repository.js';

export interface SiblingRank {
  /** 1-based, ties share a place; null when the unit has no value. */
  rank: number | null;
  /** Siblings with a value (the unit included). */
  of: number;
  /** The parent's name: 汨罗市, 川山坪镇. */
  among: string;
}

export async function siblingRank(ctx: ServiceContext, key: string, query: { orgUnit: string; period: string; asOf: string }): Promise<SiblingRank> {
  const unit = await readableUnit(ctx, ctx.db, query.orgUnit);
  const parent = unit.parentId === null ? undefined : await findUnit(ctx.db, { id: unit.parentId });
  if (!parent || !SPLIT_LEVELS.includes(unit.level as SplitLevel))
    throw invalid([{ field: 'orgUnit', message: `“${unit.name}”没有可比较的同级单位` }]);
  const windows = resolveWindows([query.period], query.asOf);
  const scope = await resolveScope(ctx.db, parent, unit.level as SplitLevel);
  const { value } = await evaluate(ctx.db, scope, [key], windows);
  const meta = (await repo.listIndicators(ctx.db, scope.townshipIds)).find((i) => i.key === key);
  const placed = rankContestants(
    scope.subjects.map((s) => ({ id: s.id, value: value(key, s.id, windows[0].id), completion: null, exemption: null })),
    { topN: 0, bottomN: 0, requireTarget: false, higherIsBetter: meta?.higherIsBetter ?? true },
  );
  return { rank: placed.find((p) => p.id === unit.code)?.rank ?? null, of: placed.filter((p) => p.rank !== null).length, among: parent.name };
}
