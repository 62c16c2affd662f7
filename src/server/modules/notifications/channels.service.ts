// The township's outbound channels (e-mail, WeCom and DingTalk robots): configured by its leaders and by the
// administrators. Secrets are written, never answered: the SMTP password is only said to be set, the robot's key
// is masked. Each change is audited without its secrets.
import type { ChannelList, ChannelView } from '../../../core/contracts/notifications.js';
import type { ChannelsInput } from '../../../core/contracts/notifications-requests.js';
import type { Queryable } from '../../db/connection.js';
import { invalid } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { requireTownship } from '../../policy/access.js';
import { recordAudit } from '../audit/index.js';
import * as repo from './outbox.repository.js';

// notification.configure is township-wide: a village-bound administrator holds it for his village only, so he is
// refused.
const ACCESS = { what: '通知渠道' } as const;

/** The address with its key (the last query value or path part) masked to its last four characters. */
export function maskUrl(url: string): string {
  return url.replace(/([=/])([^=/&?]{5,})$/, (_, sep: string, key: string) => `${sep}${'*'.repeat(8)}${key.slice(-4)}`);
}

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

function viewOf(row: Awaited<ReturnType<typeof repo.channelsOf>>[number]): ChannelView {
  const c = row.config;
  const robot = row.kind !== 'email';
  return {
    kind: row.kind,
    enabled: row.enabled,
    url: robot && str(c.url) ? maskUrl(String(c.url)) : null,
    host: robot ? null : str(c.host),
    port: robot ? null : typeof c.port === 'number' ? c.port : null,
    secure: robot ? null : c.secure === true,
    user: robot ? null : str(c.user),
    passwordSet: !robot && str(c.password) !== null,
    from: robot ? null : str(c.from),
    to: robot || !Array.isArray(c.to) ? [] : c.to.map(String),
    pending: row.pending,
    failed: row.failed,
    lastError: row.lastError,
  };
}

async function channelList(q: Queryable, townshipId: number): Promise<ChannelList> {
  return { channels: (await repo.channelsOf(q, townshipId)).map(viewOf) };
}

export async function getChannels(ctx: ServiceContext, townshipCode?: string): Promise<ChannelList> {
  const township = await requireTownship(ctx, 'notification.configure', ctx.db, { code: townshipCode, ...ACCESS });
  return channelList(ctx.db, township.id);
}

export async function putChannels(ctx: ServiceContext, input: ChannelsInput, townshipCode?: string): Promise<ChannelList> {
  return ctx.db.transaction(async (tx) => {
    const township = await requireTownship(ctx, 'notification.configure', tx, { code: townshipCode, lock: true, ...ACCESS });
    const before = new Map((await repo.channelsOf(tx, township.id)).map((c) => [c.kind, c.config]));
    for (const [i, channel] of input.channels.entries()) {
      const old = before.get(channel.kind) ?? {};
      if (channel.kind === 'email') {
        const { kind, enabled, password, ...rest } = channel;
        const config = { ...rest, password: password ?? (typeof old.password === 'string' ? old.password : undefined) };
        await repo.upsertChannel(tx, township.id, kind, enabled, config, ctx.principal.userId);
      } else {
        const url = channel.url ?? (typeof old.url === 'string' ? old.url : undefined);
        if (!url) throw invalid([{ field: `channels.${i}.url`, message: '请填写机器人的 Webhook 地址' }]);
        await repo.upsertChannel(tx, township.id, channel.kind, channel.enabled, { url }, ctx.principal.userId);
      }
    }
    await repo.deleteChannelsExcept(
      tx,
      township.id,
      input.channels.map((c) => c.kind),
    );
    const after = await channelList(tx, township.id);
    await recordAudit(tx, ctx.actor, {
      action: 'notification.channels',
      entity: 'township',
      entityId: township.id,
      townshipId: township.id,
      before: { kinds: [...before.keys()] },
      after: after.channels.map((c) => ({ kind: c.kind, enabled: c.enabled, url: c.url, host: c.host, to: c.to })),
    });
    return after;
  });
}
