// The township's "today" for deadlines and lights: the China date, or a fixed date for the demo township or a
// training deployment. Only an administrator fixes it (a leader could otherwise hide red lights); it is audited.
import { chinaToday } from '../../../core/china-time.js';
import type { ServiceContext } from '../../http/context.js';
import { forbidden } from '../../http/app-error.js';
import { mayAccess, requireTownship } from '../../policy/access.js';
import { recordAudit } from '../audit/index.js';
import { fixedDateOf, setFixedDate } from '../org/index.js';

export async function townshipClock(ctx: ServiceContext, townshipCode?: string) {
  const township = await requireTownship(ctx, 'org.read', ctx.db, { code: townshipCode, what: '督办' });
  const fixed = await fixedDateOf(ctx.db, township.code);
  return { today: fixed ?? chinaToday(), fixed: fixed !== null };
}

export async function setTownshipClock(ctx: ServiceContext, today: string | null, townshipCode?: string) {
  return ctx.db.transaction(async (tx) => {
    const denied = '只有管理员可以设置乡镇的日期';
    const township = await requireTownship(ctx, 'org.import', tx, { code: townshipCode, denied, lock: true });
    // The whole township's clock: an administrator bound to one village may not move it.
    if (!mayAccess(ctx, 'org.import', township)) throw forbidden(denied);
    const before = await fixedDateOf(tx, township.code);
    await setFixedDate(tx, township.code, today);
    await recordAudit(tx, ctx.actor, {
      action: 'township.clock',
      entity: 'org_unit',
      entityId: township.code,
      townshipId: township.id,
      before: { today: before },
      after: { today },
    });
    return { today: today ?? chinaToday(), fixed: today !== null };
  });
}
