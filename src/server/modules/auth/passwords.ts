import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { passwordProblem } from '../../../core/password-rules.js';

// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes).
const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, OPTIONS);
export const verifyPassword = (hashed: string, password: string) => verify(hashed, password).catch(() => false);

/** A random initial password that satisfies the password rules: letters and digits, no look-alikes. */
export function randomPassword(length = 12): string {
  for (;;) {
    const password = randomChars(length);
    // Vanishingly rare, but a random draw could spell a common password around its digits.
    if (!passwordProblem(password)) return password;
  }
}

function randomChars(length: number): string {
  const letters = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
  const digits = '23456789';
  const all = letters + digits;
  const pick = (set: string) => set[crypto.randomInt(set.length)];
  const chars = [pick(letters), pick(digits), ...Array.from({ length: length - 2 }, () => pick(all))];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
