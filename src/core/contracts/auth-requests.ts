// What a client sends to sign in and to change a password. The server validates with these; the web sends their
// input types.
import { z } from 'zod';

export const loginBody = z.object({ username: z.string().trim().min(1, '请输入用户名').max(64), password: z.string().min(1, '请输入密码').max(128) });
export type LoginInput = z.input<typeof loginBody>;

/** The new password's rules (length, common passwords) are checked by the service, which names what is wrong. */
export const passwordBody = z.object({ currentPassword: z.string().min(1, '请输入当前密码'), newPassword: z.string().min(1, '请输入新密码') });
export type ChangePasswordInput = z.input<typeof passwordBody>;
