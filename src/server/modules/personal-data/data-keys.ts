// The keys that protect personal data at rest (docs/security.md, "Personal data at rest"). A key ring holds one
// current key, used for every new value, and older keys kept only to read values not yet re-encrypted
// (`zhenwu rotate-key`). Keys come from ZHENWU_DATA_KEY (base64 of 32 bytes; "new,old" during a rotation), else
// from a key file (ZHENWU_DATA_KEY_FILE, default beside the data directory), which `start` creates when missing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface DataKey {
  /** 8 hex digits derived from the key itself (not secret): stored with every value it encrypts. */
  id: string;
  /** AES-256-GCM key of the values. */
  cipherKey: Buffer;
  /** HMAC-SHA256 key of the keyed hashes (exact search, uniqueness). */
  hashKey: Buffer;
}

export interface DataKeyRing {
  current: DataKey;
  /** Every key by id, the current one included. */
  keys: Map<string, DataKey>;
  /** Where the keys came from: a file path, or 'ZHENWU_DATA_KEY'. */
  source: string;
}

/** The key file: the current key's id and every key still in use, base64. */
interface KeyFile {
  current: string;
  keys: { id: string; key: string; created: string }[];
}

const derive = (secret: Buffer, purpose: string) => Buffer.from(crypto.hkdfSync('sha256', secret, Buffer.alloc(0), `zhenwu ${purpose}`, 32));

/** A key from its 32 secret bytes; the two working keys are derived so that neither is the secret itself. */
export function dataKeyOf(secret: Buffer): DataKey {
  if (secret.length !== 32) throw new Error('数据密钥应为 32 字节 (base64 编码) (a data key is 32 bytes, base64)');
  return {
    id: derive(secret, 'key id').subarray(0, 4).toString('hex'),
    cipherKey: derive(secret, 'personal data v1'),
    hashKey: derive(secret, 'personal hash v1'),
  };
}

function decodeSecret(text: string): Buffer {
  const secret = Buffer.from(text.trim(), 'base64');
  if (secret.length !== 32) throw new Error('ZHENWU_DATA_KEY 应为 32 字节的 base64 编码 (a data key is 32 bytes, base64)');
  return secret;
}

/** A ring of secrets, the first current. */
export function keyRingOf(secrets: Buffer[], source: string): DataKeyRing {
  const keys = secrets.map(dataKeyOf);
  return { current: keys[0], keys: new Map(keys.map((k) => [k.id, k])), source };
}

/** Where the key file is when ZHENWU_DATA_KEY_FILE is not set: beside the data directory, never inside it. */
export function defaultKeyFile(dataDir: string): string {
  return path.join(path.dirname(dataDir), 'zhenwu-data.key');
}

export function readKeyFile(file: string): KeyFile {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
  if (!parsed.current || !Array.isArray(parsed.keys) || !parsed.keys.some((k) => k.id === parsed.current)) {
    throw new Error(`密钥文件格式不正确 (malformed key file): ${file}`);
  }
  return parsed;
}

/** Writes the key file atomically (a temporary file renamed over it), readable by its owner only. */
export function writeKeyFile(file: string, content: KeyFile) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temporary, file);
  fs.chmodSync(file, 0o600);
}

export function keyRingFromFile(file: string): DataKeyRing {
  const content = readKeyFile(file);
  const secrets = content.keys.map((k) => ({ id: k.id, secret: decodeSecret(k.key) }));
  const ordered = [...secrets.filter((s) => s.id === content.current), ...secrets.filter((s) => s.id !== content.current)];
  const ring = keyRingOf(
    ordered.map((s) => s.secret),
    file,
  );
  for (const s of secrets) if (!ring.keys.has(s.id)) throw new Error(`密钥文件中的密钥编号与密钥不符 (key id mismatch): ${s.id}`);
  return ring;
}

/** A new key file holding one fresh key. */
export function createKeyFile(file: string): DataKeyRing {
  const secret = crypto.randomBytes(32);
  const key = dataKeyOf(secret);
  writeKeyFile(file, { current: key.id, keys: [{ id: key.id, key: secret.toString('base64'), created: new Date().toISOString() }] });
  return keyRingFromFile(file);
}

/** Adds a fresh key to the file and makes it current; the others stay until nothing uses them. */
export function addCurrentKey(file: string): DataKeyRing {
  const content = readKeyFile(file);
  const secret = crypto.randomBytes(32);
  const key = dataKeyOf(secret);
  writeKeyFile(file, { current: key.id, keys: [{ id: key.id, key: secret.toString('base64'), created: new Date().toISOString() }, ...content.keys] });
  return keyRingFromFile(file);
}

/** Drops the keys of the file that are not current and not in `used`. */
export function dropUnusedKeys(file: string, used: Set<string>): string[] {
  const content = readKeyFile(file);
  const dropped = content.keys.filter((k) => k.id !== content.current && !used.has(k.id)).map((k) => k.id);
  if (dropped.length) writeKeyFile(file, { ...content, keys: content.keys.filter((k) => !dropped.includes(k.id)) });
  return dropped;
}

export interface KeySettings {
  /** ZHENWU_DATA_KEY: base64 of 32 bytes, or several separated by commas (the first current). */
  key?: string;
  /** ZHENWU_DATA_KEY_FILE */
  file?: string;
  dataDir: string;
}

export function keySettingsOf(env: NodeJS.ProcessEnv, dataDir: string): KeySettings {
  return { key: env.ZHENWU_DATA_KEY || undefined, file: env.ZHENWU_DATA_KEY_FILE || undefined, dataDir };
}

/**
 * The deployment's key ring. Without ZHENWU_DATA_KEY, the key file is read; with `create`, a missing key file is
 * created (first start) and `created` says so, so the caller can tell the operator where it is.
 */
export function loadKeyRing(settings: KeySettings, create: boolean): { ring: DataKeyRing; created: boolean } {
  if (settings.key) {
    return { ring: keyRingOf(settings.key.split(',').map(decodeSecret), 'ZHENWU_DATA_KEY'), created: false };
  }
  const file = path.resolve(settings.file ?? defaultKeyFile(settings.dataDir));
  if (fs.existsSync(file)) return { ring: keyRingFromFile(file), created: false };
  if (!create) throw new Error(`找不到数据密钥 (no data key): 设置 ZHENWU_DATA_KEY 或 ZHENWU_DATA_KEY_FILE，或确认密钥文件 ${file} 存在`);
  return { ring: createKeyFile(file), created: true };
}

let active: DataKeyRing | undefined;

/** Makes the ring the process's keys (start-up, commands, tests). */
export function useDataKeys(ring: DataKeyRing) {
  active = ring;
}

/** The process's keys. A key file changed by `rotate-key` in another process is read again when seen to change. */
export function dataKeys(): DataKeyRing {
  if (!active) throw new Error('数据密钥未加载 (data keys not loaded)');
  if (active.source !== 'ZHENWU_DATA_KEY') refreshFromFile(active.source);
  return active;
}

let lastCheck = 0;
let lastMtime = 0;

function refreshFromFile(file: string) {
  const now = Date.now();
  if (now - lastCheck < 1000) return;
  lastCheck = now;
  try {
    const mtime = fs.statSync(file).mtimeMs;
    if (lastMtime !== 0 && mtime !== lastMtime) active = keyRingFromFile(file);
    lastMtime = mtime;
  } catch {
    // A key file that vanished while running: keep the keys in memory rather than stop serving.
  }
}

/** The ring read again from its file now (a value under a key this process does not know yet). */
export function reloadDataKeys(): DataKeyRing {
  if (active && active.source !== 'ZHENWU_DATA_KEY' && fs.existsSync(active.source)) active = keyRingFromFile(active.source);
  return dataKeys();
}

/** The fixed key of the test suites (never a deployment's: it is public). */
export const TEST_DATA_KEY = Buffer.alloc(32, 7).toString('base64');
