// Which township a cadre request is about, and whether the user may read or change its cadre organisation.
// The cadre organisation and work lines are township-wide settings: the check is made on the township unit.
import type { Queryable } from '../../db/connection.js';
import { forbidden, invalid, notFound } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { can } from '../../policy/policy.js';
import { findTownship, type TownshipRecord } from './cadre.repository.js';

export type CadreAction = 'cadre.read' | 'cadre.write';

/**
 * The township is the signed-in user's own; a user bound to no township (a deployment-wide administrator,
 * a county viewer) names it with `township=<code>`. Writes lock the township row for the transaction.
 */
export async function townshipFor(
  ctx: ServiceContext, q: Queryable, action: CadreAction, townshipCode: string | undefined, what = '组线包村',
): Promise<TownshipRecord> {
  const write = action === 'cadre.write';
  let township: TownshipRecord | undefined;
  if (townshipCode) {
    township = await findTownship(q, { code: townshipCode }, write);
    if (!township) throw notFound(`乡镇 ${townshipCode} `);
    if (township.level !== 'town') throw invalid([{ field: 'township', message: `“${township.name}”不是乡镇（街道）` }]);
  } else if (ctx.townshipId != null) {
    township = await findTownship(q, { id: ctx.townshipId }, write);
  }
  if (!township) throw invalid([{ field: 'township', message: '请指定乡镇（township=乡镇代码）' }], '请指定乡镇');
  if (!can(ctx.principal, action, { path: township.path })) {
    throw forbidden(write ? `您无权修改“${township.name}”的${what}` : `您无权查看“${township.name}”的${what}`);
  }
  return township;
}
