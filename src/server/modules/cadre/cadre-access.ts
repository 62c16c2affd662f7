// Which township a cadre request is about: the cadre organisation and work lines are township-wide settings,
// checked on the township unit by the one access path (policy/access.ts).
import type { Queryable } from '../../db/connection.js';
import type { ServiceContext } from '../../http/context.js';
import { requireTownship } from '../../policy/access.js';
import type { OrgUnitRef } from '../org/index.js';

export type CadreAction = 'cadre.read' | 'cadre.write';

/**
 * The township is the signed-in user's own; a user bound to no township (a deployment-wide administrator,
 * a county viewer) names it with `township=<code>`. Writes lock the township row for the transaction.
 */
export function townshipFor(
  ctx: ServiceContext,
  q: Queryable,
  action: CadreAction,
  townshipCode: string | undefined,
  what = '组线包村',
): Promise<OrgUnitRef> {
  const write = action === 'cadre.write';
  return requireTownship(ctx, action, q, {
    code: townshipCode,
    lock: write,
    denied: (township) => (write ? `您无权修改“${township.name}”的${what}` : `您无权查看“${township.name}”的${what}`),
  });
}
