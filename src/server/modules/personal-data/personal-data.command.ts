// The command-line side of personal data at rest: the keys every command loads, and `zhenwu rotate-key`.
import type { Config } from '../../config.js';
import type { Queryable } from '../../db/connection.js';
import { dataKeys, keySettingsOf, loadKeyRing, useDataKeys } from './data-keys.js';
import { rotateDataKey, sealPlainPersonalData } from './personal-data.service.js';

/**
 * Loads the deployment's data key (ZHENWU_DATA_KEY, else the key file), creating the key file on a first start,
 * and says where it is: it must be kept, and kept apart from backups of the database (docs/operations.md).
 */
export function loadDataKeys(config: Config, env: NodeJS.ProcessEnv = process.env) {
  const { ring, created } = loadKeyRing(keySettingsOf(env, config.dataDir), true);
  useDataKeys(ring);
  if (created) {
    console.log(`已生成个人信息加密密钥 (data key created): ${ring.source}`);
    console.log('  请备份此文件并与数据库备份分开保管；丢失后身份证号、手机号无法解密 (keep it, apart from database backups)');
  }
  return ring;
}

/** Start-up: plain personal values (older versions, direct loaders) sealed before the server serves. */
export async function sealPersonalDataAtStart(db: Queryable) {
  const { records, entries } = await sealPlainPersonalData(db);
  if (records || entries) console.log(`个人信息已加密 (personal data sealed): ${records} 条记录, ${entries} 条审计日志`);
}

export async function rotateKeyCommand(db: Queryable) {
  const result = await rotateDataKey(db, dataKeys(), (line) => console.log(line));
  const lines = [
    `当前密钥 (current key): ${result.key}；重新加密 ${result.records} 条记录、${result.entries} 条审计日志`,
    result.dropped.length ? `已从密钥文件删除不再使用的旧密钥: ${result.dropped.join(', ')}` : '',
    result.kept.length ? `仍有数据使用旧密钥 ${result.kept.join(', ')}，已保留；请再次运行 rotate-key` : '',
    dataKeys().source === 'ZHENWU_DATA_KEY' && !result.kept.length ? '旧密钥已不再使用，可从 ZHENWU_DATA_KEY 中删除' : '',
  ];
  return lines.filter(Boolean).join('\n');
}
