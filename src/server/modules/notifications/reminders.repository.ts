// The open deadline nodes the daily reminder speaks of. Known debt (docs/architecture.md): these are supervision's
// tables (tasks, task_nodes; org_units and cadre_groups only for names), read here because supervision depends on
// this module (it calls notifyTaskEvent) and cannot be imported back without a cycle. A hook registered in app.ts
// would not be set where the job also runs without the app (`zhenwu remind` in main.ts, the benchmark), so the
// read stays here: read-only, this one statement, mirroring core/supervision.ts (a node is due by the end of its
// China day). Whoever changes supervision's task tables changes this query too.
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/connection.js';

export interface DueNode {
  taskId: number;
  nodeId: number;
  townshipId: number;
  title: string;
  nodeTitle: string;
  due: string;
  leadUnitId: number | null;
  leadGroupId: number | null;
  leadUnitName: string | null;
  leadGroupName: string | null;
  unitPath: string;
  assignerId: number | null;
  responsibleUserId: number | null;
  childrenTotal: number;
  version: number;
}

/** Open nodes of open, running tasks due on or before `today + days` (the overdue ones included). */
export function dueNodes(q: Queryable, townshipId: number, today: string, days: number) {
  return queryRows<DueNode>(
    q,
    sql`SELECT t.id AS "taskId", n.id AS "nodeId", t.township_id AS "townshipId", t.title, n.title AS "nodeTitle",
               to_char(n.due, 'YYYY-MM-DD') AS due, t.lead_unit_id AS "leadUnitId", t.lead_group_id AS "leadGroupId",
               u.name AS "leadUnitName", cg.name AS "leadGroupName", t.unit_path AS "unitPath",
               t.assigner_id AS "assignerId", t.responsible_user_id AS "responsibleUserId",
               t.children_total AS "childrenTotal", t.version
        FROM task_nodes n JOIN tasks t ON t.id = n.task_id
        LEFT JOIN org_units u ON u.id = t.lead_unit_id
        LEFT JOIN cadre_groups cg ON cg.id = t.lead_group_id
        WHERE t.township_id = ${townshipId} AND t.deleted_at IS NULL AND t.status <> 'done' AND NOT t.paused
          AND t.children_total = 0 AND n.done_on IS NULL AND n.due <= ${today}::date + ${days}::int
        ORDER BY n.due, t.id, n.id`,
  );
}
