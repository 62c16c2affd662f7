// Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30-second steps, as every authenticator app reads
// them) and one-time recovery codes. Pure: the caller passes the time and the last step already used.
import crypto from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

export const TOTP_PERIOD_SECONDS = 30;
/** Steps either side of now that are accepted: a phone clock a little off, a code typed as it changed. */
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = '镇务';

const totpOf = (secretBase32: string, label = 'zhenwu') =>
  new TOTP({ issuer: ISSUER, label, secret: Secret.fromBase32(secretBase32), algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD_SECONDS });

/** A new random secret (160 bits, as RFC 4226 recommends), in base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI a QR code carries: the app shows 镇务 and the username. */
export function otpauthUri(secretBase32: string, username: string): string {
  return totpOf(secretBase32, username).toString();
}

/** The 30-second step a time falls in. */
export const totpStep = (atMs: number) => Math.floor(atMs / 1000 / TOTP_PERIOD_SECONDS);

/** The code of a time (tests, and the demo's printed example). */
export function totpCode(secretBase32: string, atMs: number): string {
  return totpOf(secretBase32).generate({ timestamp: atMs });
}

/**
 * The step whose code was typed, when it is within the window around `atMs` and newer than `lastUsedStep`;
 * null otherwise. A code already used (its step or an older one) is refused.
 */
export function acceptedStep(secretBase32: string, code: string, atMs: number, lastUsedStep: number | null): number | null {
  const typed = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(typed)) return null;
  const delta = totpOf(secretBase32).validate({ token: typed, timestamp: atMs, window: TOTP_WINDOW });
  if (delta === null) return null;
  const step = totpStep(atMs) + delta;
  return lastUsedStep !== null && step <= lastUsedStep ? null : step;
}

// Recovery codes: 12 characters of a 32-letter alphabet without look-alikes (60 bits), shown as xxxx-xxxx-xxxx.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 12 }, () => RECOVERY_ALPHABET[crypto.randomInt(RECOVERY_ALPHABET.length)]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  });
}

/** Whether typed text has the shape of a recovery code (rather than a 6-digit code). */
export const looksLikeRecoveryCode = (typed: string) => normaliseRecoveryCode(typed).length === 12;

const normaliseRecoveryCode = (typed: string) => typed.toLowerCase().replace(/[\s-]/g, '');

/**
 * What is stored of a recovery code: its sha256. The codes are random with 60 bits, so a slow hash adds nothing;
 * typed case, spaces and dashes do not matter.
 */
export function hashRecoveryCode(typed: string): string {
  return crypto.createHash('sha256').update(normaliseRecoveryCode(typed)).digest('hex');
}
