// The server key that seals TOTP secrets (AES-256-GCM): a copy of the database (or a backup) alone does not let
// anyone compute a user's codes. The key comes from ZHENWU_TWO_FACTOR_KEY (32 bytes, base64 or hex) or, without
// it, from the file two-factor.key in the data directory, created on first start (mode 0600); `zhenwu backup`
// leaves that file out (backup-archive.ts). Losing the key means every user enrols again; it is not derived from
// anything in the database. It is apart from the personal-data key because that one rotates (zhenwu rotate-key
// re-seals ledger values, not second factors).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

let serverKey: Buffer | null = null;

function parseKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error('ZHENWU_TWO_FACTOR_KEY must be 32 bytes, as 64 hex digits or base64');
  return key;
}

/** Where the key file lives without ZHENWU_TWO_FACTOR_KEY. */
export const twoFactorKeyFile = (dataDir: string) => path.join(dataDir, 'two-factor.key');

/** Reads (or on first start creates) the key, and makes it the one sealSecret and openSecret use. */
export function useTwoFactorKey(config: { twoFactorKey?: string; dataDir: string }): void {
  if (config.twoFactorKey) {
    serverKey = parseKey(config.twoFactorKey);
    return;
  }
  const file = twoFactorKeyFile(config.dataDir);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // 'wx': two processes starting at once cannot both write a key
    try {
      fs.writeFileSync(file, crypto.randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  serverKey = parseKey(fs.readFileSync(file, 'utf8'));
}

/** Whether a key is loaded: the demo loader enrols its administrator only then (benches load the demo without one). */
export const twoFactorKeyLoaded = () => serverKey !== null;

function key(): Buffer {
  if (!serverKey) throw new Error('the two-factor key is not loaded (useTwoFactorKey)');
  return serverKey;
}

// The user's id is the additional data: a sealed secret copied onto another account does not open.
const aadOf = (userId: number) => Buffer.from(`two-factor:${userId}`);

/** `v1.<iv>.<tag>.<ciphertext>`, base64url. */
export function sealSecret(userId: number, secret: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key(), iv);
  cipher.setAAD(aadOf(userId));
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

export function openSecret(userId: number, sealed: string): string {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !ciphertext) throw new Error('not a sealed two-factor secret');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
  decipher.setAAD(aadOf(userId));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}
