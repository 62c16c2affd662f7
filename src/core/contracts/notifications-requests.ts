// What a client sends to the notification routes. The server validates with these schemas; the web imports the
// types (z.input: what it sends).
import { z } from 'zod';
import { CHANNEL_KINDS } from './notifications.js';

export const notificationListQuery = z.object({
  page: z.coerce.number().int().min(1, '页码不正确').default(1),
  pageSize: z.coerce.number().int().min(1).max(100, '每页最多100条').default(20),
  unreadOnly: z.enum(['true', 'false']).optional(),
});
export type NotificationListInput = z.infer<typeof notificationListQuery>;

/** Mark some of one's notifications read, or all of them. */
export const markReadBody = z.union([
  z.object({ ids: z.array(z.number().int().positive()).min(1, '请选择通知').max(500, '一次最多500条') }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type MarkReadInput = z.infer<typeof markReadBody>;

const webhookUrl = z
  .string()
  .trim()
  .url('请填写机器人的 Webhook 地址')
  .max(500)
  .refine((u) => /^https?:\/\//.test(u), 'Webhook 地址应以 http(s):// 开头');

const robot = (kind: 'wecom' | 'dingtalk') =>
  z
    .object({
      kind: z.literal(kind),
      enabled: z.boolean().default(true),
      /** Omitted: the address already stored stays. */
      url: webhookUrl.optional(),
    })
    .strict();

const email = z
  .object({
    kind: z.literal('email'),
    enabled: z.boolean().default(true),
    host: z.string().trim().min(1, '请填写 SMTP 服务器').max(200),
    port: z.number().int().min(1).max(65535).default(465),
    secure: z.boolean().default(true),
    user: z.string().trim().max(200).optional(),
    /** Omitted: the password already stored stays. */
    password: z.string().max(200).optional(),
    from: z.string().trim().email('发件人邮箱不正确').max(200),
    to: z.array(z.string().trim().email('收件人邮箱不正确').max(200)).min(1, '请填写收件人').max(20, '收件人最多20个'),
  })
  .strict();

/** The township's channels, all of them: a kind left out is removed. */
export const channelsBody = z.object({
  channels: z
    .array(z.discriminatedUnion('kind', [email, robot('wecom'), robot('dingtalk')]))
    .max(CHANNEL_KINDS.length)
    .refine((list) => new Set(list.map((c) => c.kind)).size === list.length, '每种渠道只能配置一个'),
});
export type ChannelsInput = z.infer<typeof channelsBody>;
