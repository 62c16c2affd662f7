import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataKeyError, isSealed, keyedHash, keyedHashes, open, seal, sealedKeyId } from './data-cipher.js';
import { addCurrentKey, createKeyFile, dataKeyOf, dropUnusedKeys, keyRingOf, loadKeyRing, readKeyFile } from './data-keys.js';

const secret = () => crypto.randomBytes(32);
const ID = '430681199001011234';

describe('data cipher', () => {
  it('seals and opens a value, with a fresh IV each time and the key id in the text', () => {
    const ring = keyRingOf([secret()], 'test');
    const a = seal(ID, ring);
    const b = seal(ID, ring);
    expect(a).toMatch(/^enc:v1:[0-9a-f]{8}:[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(ID);
    expect(sealedKeyId(a)).toBe(ring.current.id);
    expect(open(a, ring)).toBe(ID);
    expect(open(b, ring)).toBe(ID);
    expect(isSealed(a)).toBe(true);
    expect(open('13800001234', ring)).toBe('13800001234');
  });

  it('detects a changed ciphertext, IV or key id', () => {
    const ring = keyRingOf([secret(), secret()], 'test');
    const sealed = seal(ID, ring);
    const [head, body] = sealed.split('.');
    const flipped = `${head}.${body[0] === 'A' ? 'B' : 'A'}${body.slice(1)}`;
    expect(() => open(flipped, ring)).toThrow(DataKeyError);
    const iv = sealed.split(':')[3].split('.')[0];
    const otherIv = `${iv[0] === 'A' ? 'B' : 'A'}${iv.slice(1)}`;
    expect(() => open(sealed.replace(iv, otherIv), ring)).toThrow(DataKeyError);
    // the same bytes presented as sealed under the ring's other key
    const otherId = [...ring.keys.keys()].find((id) => id !== ring.current.id)!;
    expect(() => open(sealed.replace(ring.current.id, otherId), ring)).toThrow(DataKeyError);
  });

  it('refuses a wrong key and names an unknown one', () => {
    const sealed = seal(ID, keyRingOf([secret()], 'test'));
    const other = keyRingOf([secret()], 'test');
    expect(() => open(sealed, other)).toThrow(/密钥 [0-9a-f]{8} 不在密钥文件中/);
  });

  it('opens values of older keys of the ring; seals under the current one', () => {
    const [oldSecret, newSecret] = [secret(), secret()];
    const sealedOld = seal(ID, keyRingOf([oldSecret], 'test'));
    const ring = keyRingOf([newSecret, oldSecret], 'test');
    expect(open(sealedOld, ring)).toBe(ID);
    expect(sealedKeyId(seal(ID, ring))).toBe(dataKeyOf(newSecret).id);
  });

  it('hashes the normalised value under each key, differently per key and per type', () => {
    const ring = keyRingOf([secret(), secret()], 'test');
    const hash = keyedHash('idcard', '43068119900101123x', ring.current);
    expect(keyedHash('idcard', ' 430681 19900101123X', ring.current)).toBe(hash);
    expect(hash.startsWith(`${ring.current.id}:`)).toBe(true);
    expect(keyedHashes('idcard', '43068119900101123X', ring)).toHaveLength(2);
    expect(new Set(keyedHashes('idcard', '43068119900101123X', ring)).size).toBe(2);
    expect(keyedHash('mobile', '+86 138-0000-1234', ring.current)).toBe(keyedHash('mobile', '13800001234', ring.current));
    expect(keyedHash('mobile', '13800001234', ring.current)).not.toBe(keyedHash('idcard', '13800001234', ring.current));
  });

  it('derives a stable key id from the key, and refuses a key of the wrong length', () => {
    const s = secret();
    expect(dataKeyOf(s).id).toBe(dataKeyOf(Buffer.from(s)).id);
    expect(dataKeyOf(s).cipherKey.equals(s)).toBe(false);
    expect(() => dataKeyOf(Buffer.alloc(16))).toThrow(/32 字节/);
    expect(() => loadKeyRing({ key: Buffer.alloc(16).toString('base64'), dataDir: '/x' }, false)).toThrow(/32 字节/);
  });
});

describe('key file', () => {
  it('is created beside the data directory with mode 0600, then rotated and pruned', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zw-keys-'));
    const dataDir = path.join(dir, 'data');
    const first = loadKeyRing({ dataDir }, true);
    expect(first.created).toBe(true);
    expect(first.ring.source).toBe(path.join(dir, 'zhenwu-data.key'));
    expect(fs.statSync(first.ring.source).mode & 0o777).toBe(0o600);
    expect(loadKeyRing({ dataDir }, false)).toMatchObject({ created: false });
    const sealed = seal(ID, first.ring);
    const rotated = addCurrentKey(first.ring.source);
    expect(rotated.current.id).not.toBe(first.ring.current.id);
    expect(open(sealed, rotated)).toBe(ID);
    expect(dropUnusedKeys(first.ring.source, new Set([first.ring.current.id]))).toEqual([]);
    expect(dropUnusedKeys(first.ring.source, new Set())).toEqual([first.ring.current.id]);
    expect(readKeyFile(first.ring.source).keys.map((k) => k.id)).toEqual([rotated.current.id]);
    expect(() => loadKeyRing({ dataDir: path.join(dir, 'nowhere', 'data') }, false)).toThrow(/找不到数据密钥/);
    expect(createKeyFile(path.join(dir, 'k2', 'x.key')).keys.size).toBe(1);
    fs.rmSync(dir, { recursive: true });
  });

  it('takes ZHENWU_DATA_KEY before any file, the first key current', () => {
    const [a, b] = [secret(), secret()];
    const { ring } = loadKeyRing({ key: `${a.toString('base64')},${b.toString('base64')}`, dataDir: '/nonexistent/data' }, true);
    expect(ring.source).toBe('ZHENWU_DATA_KEY');
    expect(ring.current.id).toBe(dataKeyOf(a).id);
    expect(ring.keys.size).toBe(2);
  });
});
