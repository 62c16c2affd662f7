// What the two-factor routes take and answer (/api/auth/two-factor/*). The server validates with these; the web
// imports the types.
import { z } from 'zod';

/** A 6-digit code from the authenticator app, or a recovery code (xxxx-xxxx-xxxx). */
export const secondFactorCodeBody = z.object({ code: z.string().trim().min(1, '请输入验证码').max(32, '验证码过长') });
export type SecondFactorCodeInput = z.input<typeof secondFactorCodeBody>;

export const twoFactorStatus = z.object({
  enabled: z.boolean(),
  /** Administrators must have it and cannot turn it off. */
  required: z.boolean(),
  enabledAt: z.string().nullable(),
  recoveryCodesLeft: z.number().int(),
  /** Until when this session may do what needs a fresh second factor (granting household data), or null. */
  stepUpUntil: z.string().nullable(),
});
export type TwoFactorStatus = z.infer<typeof twoFactorStatus>;

export const twoFactorSetup = z.object({
  /** The key in base32, for typing into the app by hand. Sent only now, never again. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** The QR code of otpauthUri as an SVG document, drawn by the server. */
  qrSvg: z.string(),
});
export type TwoFactorSetup = z.infer<typeof twoFactorSetup>;

export const recoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof recoveryCodes>;

export const stepUpResult = z.object({ stepUpUntil: z.string() });

/** The login's answer when the password was right and the account has a second factor: the code comes next. */
export const loginChallenge = z.object({ twoFactorRequired: z.literal(true) });
export type LoginChallenge = z.infer<typeof loginChallenge>;
