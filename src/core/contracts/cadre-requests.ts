// What a client sends to the cadre-organisation and work-line routes. The server validates requests with these
// schemas (cadre.schemas.ts re-exports them); the web imports only the types, which are what a client sends
// (z.input) — the server works on what they parse to (z.output).
import { z } from 'zod';
import { bodyId as id, optionalText, requiredText as text } from './request-fields.js';

/** Only a deployment-wide administrator (who belongs to no township) needs to name the township. */
export const townshipQuery = z.object({
  township: z
    .string()
    .trim()
    .regex(/^\d{12}$/, '乡镇代码应为12位数字')
    .optional(),
});
export type TownshipQuery = z.input<typeof townshipQuery>;

export const createGroupBody = z.object({
  name: text('组名', 50),
  kind: z.enum(['big', 'small'], { error: '类型应为大组(big)或小组(small)' }),
  parentId: id('上级大组').nullable().optional(),
});
export type CreateGroupBody = z.input<typeof createGroupBody>;

export const updateGroupBody = z
  .object({ name: text('组名', 50).optional(), parentId: id('上级大组').nullable().optional() })
  .refine((b) => b.name !== undefined || b.parentId !== undefined, { error: '请至少修改一项（组名或上级大组）', path: ['name'] });
export type UpdateGroupBody = z.input<typeof updateGroupBody>;

export const member = z.object({
  name: text('姓名', 50),
  position: optionalText('职务', 50),
  isLeader: z.boolean({ error: '请注明是否为组长（true 或 false）' }),
  userId: id('关联账号').nullable().optional(),
});

export const membersBody = z.object({
  members: z
    .array(member, { error: '成员应为列表' })
    .max(50, '每组成员不能超过50人')
    .superRefine((members, ctx) => {
      const leaders = members.flatMap((m, i) => (m.isLeader ? [i] : []));
      for (const i of leaders.slice(1)) {
        ctx.addIssue({ code: 'custom', path: [i, 'isLeader'], message: `每个组只能有一名组长（已指定“${members[leaders[0]].name}”）` });
      }
    }),
});
export type MembersBody = z.input<typeof membersBody>;

export const villagesBody = z.object({
  villageCodes: z
    .array(z.string({ error: '村代码应为文字' }).regex(/^\d{12}$/, '村代码应为12位数字'), { error: '包联村应为村代码列表' })
    .max(100, '一个小组包联的村不能超过100个'),
});
export type VillagesBody = z.input<typeof villagesBody>;

export const createWorkLineBody = z.object({
  name: text('条线名称', 50),
  leaderName: text('负责领导', 50),
  leaderUserId: id('负责领导账号').nullable().optional(),
  description: optionalText('说明', 500),
});
export type CreateWorkLineBody = z.input<typeof createWorkLineBody>;

export const updateWorkLineBody = z
  .object({
    name: text('条线名称', 50).optional(),
    leaderName: text('负责领导', 50).optional(),
    leaderUserId: id('负责领导账号').nullable().optional(),
    description: optionalText('说明', 500),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { error: '请至少修改一项', path: ['name'] });
export type UpdateWorkLineBody = z.input<typeof updateWorkLineBody>;
