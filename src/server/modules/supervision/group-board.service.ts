// The cadre groups' board (组线督办榜): how each small group and its villages keep their tasks' deadlines, ranked
// by the boards' rules (core/ranking.ts). Published to the whole township, as the key-project board is.
import type { GroupBoard } from '../../../core/contracts/supervision.js';
import { rankContestants } from '../../../core/ranking.js';
import type { ServiceContext } from '../../http/context.js';
import { requireTownship } from '../../policy/access.js';
import { smallGroupsWithVillages } from '../cadre/index.js';
import { townshipToday } from '../org/index.js';
import { taskCountsByLead } from './group-board.repository.js';

export async function groupBoard(ctx: ServiceContext, townshipCode?: string): Promise<GroupBoard> {
  const township = await requireTownship(ctx, 'project.read', ctx.db, { code: townshipCode, what: '组线督办榜' });
  const today = await townshipToday(ctx.db, township.code);
  const groups = await smallGroupsWithVillages(ctx.db, township.id);
  const counts = await taskCountsByLead(
    ctx.db,
    township.id,
    today,
    groups.flatMap((g) => g.villageIds),
    groups.map((g) => g.id),
  );
  const totals = groups.map((g) => {
    const own = counts.filter((c) => c.leadGroupId === g.id || (c.leadUnitId !== null && g.villageIds.includes(c.leadUnitId)));
    const sum = (key: 'tasks' | 'done' | 'onTime' | 'overdue') => own.reduce((s, c) => s + c[key], 0);
    const due = sum('done') + sum('overdue');
    return {
      groupId: g.id,
      name: g.name,
      tasks: sum('tasks'),
      done: sum('done'),
      onTime: sum('onTime'),
      overdue: sum('overdue'),
      onTimeRate: due === 0 ? null : Math.round((sum('onTime') / due) * 1000) / 10,
    };
  });
  const placed = new Map(
    rankContestants(
      totals.map((g) => ({ id: String(g.groupId), value: g.onTimeRate, completion: null, exemption: null })),
      { topN: 3, bottomN: 3, requireTarget: false, higherIsBetter: true },
    ).map((p) => [p.id, p]),
  );
  const rows = totals
    .map((g) => ({ ...g, rank: placed.get(String(g.groupId))?.rank ?? null, board: placed.get(String(g.groupId))?.board ?? null }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  return { today, rows };
}
