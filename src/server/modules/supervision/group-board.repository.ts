// SQL of the cadre groups' board (组线督办榜): the tasks each lead (a village or a cadre group) has, done, done on
// time and overdue, as of the township's today. Split parents are left out: their copies are the villages' work.
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/connection.js';
import { arrayLiteral } from '../../db/array-literal.js';

export interface LeadTaskCounts {
  leadUnitId: number | null;
  leadGroupId: number | null;
  tasks: number;
  done: number;
  onTime: number;
  overdue: number;
}

/**
 * Counts of the live tasks led by these villages or groups. Done on time: done by the last deadline. Overdue:
 * open past a deadline, not paused (a paused task shows grey, not red).
 */
export function taskCountsByLead(q: Queryable, townshipId: number, today: string, unitIds: number[], groupIds: number[]) {
  return queryRows<LeadTaskCounts>(
    q,
    sql`SELECT t.lead_unit_id AS "leadUnitId", t.lead_group_id AS "leadGroupId", count(*)::int AS tasks,
               count(*) FILTER (WHERE t.status = 'done')::int AS done,
               count(*) FILTER (WHERE t.status = 'done' AND NOT COALESCE(t.done_on > t.final_due, false))::int AS "onTime",
               count(*) FILTER (WHERE t.status <> 'done' AND NOT t.paused AND t.next_due < ${today}::date)::int AS overdue
        FROM tasks t
        WHERE t.township_id = ${townshipId} AND t.deleted_at IS NULL AND t.children_total = 0
          AND (t.lead_unit_id = ANY(${arrayLiteral(unitIds)}::int[]) OR t.lead_group_id = ANY(${arrayLiteral(groupIds)}::int[]))
        GROUP BY t.lead_unit_id, t.lead_group_id`,
  );
}
