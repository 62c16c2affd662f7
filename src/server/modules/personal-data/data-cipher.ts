// One personal value sealed as text: `enc:v1:<key id>:<iv>.<ciphertext and tag>` (base64url), AES-256-GCM with the
// version and key id as associated data, so a value moved under another key id or altered fails to open. Beside
// it, a keyed hash (`<key id>:<HMAC-SHA256>` of the normalised value) finds it by an exact value without opening.
import crypto from 'node:crypto';
import { normalizeIdCard } from '../../../core/id-card.js';
import { normalizeMobile } from '../../../core/phone.js';
import { dataKeys, reloadDataKeys, type DataKey, type DataKeyRing } from './data-keys.js';

const PREFIX = 'enc:v1:';
const SEALED = /^enc:v1:([0-9a-f]{8}):([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{22,})$/;

export class DataKeyError extends Error {}

export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

/** The key id a sealed value names, or null for a plain value. */
export function sealedKeyId(value: unknown): string | null {
  return isSealed(value) ? (SEALED.exec(value)?.[1] ?? null) : null;
}

export function seal(plain: string, ring: DataKeyRing = dataKeys()): string {
  const key = ring.current;
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key.cipherKey, iv);
  cipher.setAAD(Buffer.from(`v1:${key.id}`));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${PREFIX}${key.id}:${iv.toString('base64url')}.${body.toString('base64url')}`;
}

function keyFor(id: string, ring: DataKeyRing | undefined): DataKey {
  const key = (ring ?? dataKeys()).keys.get(id) ?? (ring ? undefined : reloadDataKeys().keys.get(id));
  if (!key) throw new DataKeyError(`个人信息的密钥 ${id} 不在密钥文件中，无法解密 (unknown data key ${id})`);
  return key;
}

/** The plain text of a sealed value; a plain value is answered as it is. Throws when altered or under an unknown key. */
export function open(value: string, ring?: DataKeyRing): string {
  if (!isSealed(value)) return value;
  const parts = SEALED.exec(value);
  if (!parts) throw new DataKeyError('加密的个人信息格式不正确 (malformed sealed value)');
  const [, id, iv, body] = parts;
  const key = keyFor(id, ring);
  const bytes = Buffer.from(body, 'base64url');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key.cipherKey, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(`v1:${id}`));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    throw new DataKeyError('加密的个人信息已被篡改或密钥不符 (sealed value altered or wrong key)');
  }
}

/** The form a value is hashed in, so that `43068119900101123x` and `430681 19900101123X` match. */
export function normalisedPersonal(type: string, value: string): string {
  return type === 'mobile' ? normalizeMobile(value) : normalizeIdCard(value);
}

export function keyedHash(type: string, value: string, key: DataKey = dataKeys().current): string {
  const mac = crypto
    .createHmac('sha256', key.hashKey)
    .update(`${type}:${normalisedPersonal(type, value)}`)
    .digest('base64url');
  return `${key.id}:${mac}`;
}

/** The hashes a value may be stored under: one per key of the ring (values not yet re-encrypted keep the old one). */
export function keyedHashes(type: string, value: string, ring: DataKeyRing = dataKeys()): string[] {
  return [...ring.keys.values()].map((key) => keyedHash(type, value, key));
}
