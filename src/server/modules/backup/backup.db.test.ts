// Backup and restore round trip on the database the suite runs on: a township with data is backed up, restored
// into a fresh data directory (PGlite) or database (PostgreSQL), and every table compared; a restore over a live
// target, into a non-empty one, or from a file that is no backup is refused and changes nothing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { loadConfig, type Config } from '../../config.js';
import { openDatabase, type Database } from '../../db/connection.js';
import { buildHouseholdFields, buildIdCard, buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';
import { tableChecksums } from '../../testing/table-checksums.js';
import { buildTestApp, multipartFile, testBackend, type TestApp } from '../../testing/test-app.js';
import { backupCommand, restoreBackup, restoreCommand } from './backup-command.js';
import { openControlChannel } from './control-channel.js';
import { dumpPglite } from './pglite-backup.js';
import { holdServerPresence } from './server-presence.js';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

/** A township with users, a household ledger with records and a photo, entered through the API. */
async function fillTownship(t: TestApp) {
  const { townshipCode, villageCodes } = await buildTownship(t.system);
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: townshipCode }]);
  await buildUser(t.system, 'cun201', [{ role: 'village_cadre', orgUnitCode: villageCodes[0] }]);
  const leader = await t.login('shuji', TEST_PASSWORD);
  await t.ok(
    'POST',
    '/api/ledgers',
    leader,
    {
      key: 'households',
      name: '防返贫监测户',
      kind: 'register',
      fields: [...buildHouseholdFields(), { key: 'photos', label: '照片', type: 'photos' }],
    },
    201,
  );
  const file = multipartFile('现场.png', PNG);
  const upload = await t.app.inject({ method: 'POST', url: '/api/attachments', headers: { cookie: leader, ...file.headers }, payload: file.payload });
  expect(upload.statusCode, upload.body).toBe(201);
  for (let i = 1; i <= 6; i++) {
    const values = {
      name: `户主${i}`,
      idcard: buildIdCard(i),
      phone: `1380000000${i}`,
      members: i,
      ...(i === 1 ? { photos: [upload.json().id] } : {}),
    };
    await t.ok('POST', '/api/ledgers/households/records', leader, { orgUnit: villageCodes[i % 3], values }, 201);
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zhenwu-backup-test-'));
const configFor = (env: Record<string, string>): Config => loadConfig({ ...env });
const expectRefused = async (work: Promise<unknown>, message: RegExp) => {
  await expect(work).rejects.toMatchObject({ code: 'BACKUP_REFUSED', message: expect.stringMatching(message) });
};

let t: TestApp;
let source: Awaited<ReturnType<typeof tableChecksums>>;

beforeAll(async () => {
  t = await buildTestApp();
  await fillTownship(t);
  source = await tableChecksums(t.db);
});

afterAll(async () => {
  await t?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe.runIf(testBackend() === 'pglite')('backup and restore of the embedded database', () => {
  const dirs = { first: path.join(tmp, 'first'), second: path.join(tmp, 'second'), untouched: path.join(tmp, 'untouched') };
  const files = { first: path.join(tmp, 'first.tar.gz'), live: path.join(tmp, 'live.tar.gz'), garbage: path.join(tmp, 'garbage.tar.gz') };

  /** Restores the file into the directory and answers the restored tables' checksums. */
  async function restoredChecksums(file: string, dataDir: string, force = false) {
    const { database, where } = await restoreBackup(configFor({ DATA_DIR: dataDir }), file, force);
    try {
      return { where, checksums: await tableChecksums(database.db) };
    } finally {
      await database.close();
    }
  }

  it('restores a backup into an empty data directory with every table as it was', async () => {
    expect(source.find((s) => s.table === 'public.ledger_records')?.rows).toBe(6);
    fs.writeFileSync(files.first, await dumpPglite(t.database.pglite!));
    expect((await restoredChecksums(files.first, dirs.first)).checksums).toEqual(source);
  });

  it('backs up while the server holds the directory, through its control channel, and refuses to restore over it', async () => {
    // this process plays the server: it holds the directory and answers on the control channel
    const server = await openDatabase({ dataDir: dirs.first });
    const control = await openControlChannel(dirs.first, () => dumpPglite(server.pglite!));
    try {
      expect(fs.statSync(path.join(dirs.first, 'zhenwu-control.json')).mode & 0o777).toBe(0o600);
      const said = await backupCommand(configFor({ DATA_DIR: dirs.first }), ['--out', files.live]);
      expect(said).toContain(files.live);
      expect(fs.statSync(files.live).mode & 0o777).toBe(0o600);
      await expectRefused(restoreCommand(configFor({ DATA_DIR: dirs.first }), [files.live, '--force']), /不能在运行中恢复/);
      // an existing file is never overwritten
      await expectRefused(backupCommand(configFor({ DATA_DIR: dirs.first }), ['--out', files.live]), /已存在/);
    } finally {
      await control.close();
      await server.close();
    }
    expect(fs.existsSync(path.join(dirs.first, 'zhenwu-control.json'))).toBe(false);
    expect((await restoredChecksums(files.live, dirs.second)).checksums).toEqual(source);
  });

  it('refuses a non-empty directory unless --force, which moves its content aside', async () => {
    await expectRefused(restoreCommand(configFor({ DATA_DIR: dirs.second }), [files.first]), /不是空的.*--force/);
    const said = await restoreCommand(configFor({ DATA_DIR: dirs.second }), [files.first, '--force']);
    expect(said).toMatch(/原有内容已移到 .*second\.before-restore-.*乡镇 1 个，用户 2 个，台账记录 6 条/s);
  });

  it('refuses files that are not an embedded backup, touching nothing', async () => {
    const config = configFor({ DATA_DIR: dirs.untouched });
    fs.writeFileSync(files.garbage, crypto.randomBytes(4096));
    await expectRefused(restoreCommand(config, [files.garbage]), /不是镇务备份文件/);
    // gzip's magic, then nonsense; a gzip of something that is no data directory; a PostgreSQL archive
    fs.writeFileSync(files.garbage, Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), crypto.randomBytes(4096)]));
    await expectRefused(restoreCommand(config, [files.garbage]), /gzip 解压失败/);
    const zlib = await import('node:zlib');
    fs.writeFileSync(files.garbage, zlib.gzipSync(Buffer.from('not a tar archive at all'.repeat(50))));
    await expectRefused(restoreCommand(config, [files.garbage]), /不是镇务备份/);
    fs.writeFileSync(files.garbage, Buffer.concat([Buffer.from('PGDMP'), Buffer.from([1, 14, 0, 4, 8, 1]), crypto.randomBytes(100)]));
    await expectRefused(restoreCommand(config, [files.garbage]), /pg_dump 备份，不能恢复到嵌入式数据库/);
    await expectRefused(restoreCommand(config, [path.join(tmp, 'missing.tar.gz')]), /找不到备份文件/);
    expect(fs.existsSync(dirs.untouched) ? fs.readdirSync(dirs.untouched) : []).toEqual([]);
  });
});

describe.runIf(testBackend() === 'postgresql')('backup and restore on PostgreSQL', () => {
  const baseUrl = process.env.TEST_DATABASE_URL!;
  const created: string[] = [];
  const file = path.join(tmp, 'township.dump');

  async function freshDatabase(): Promise<string> {
    const name = `zw_restore_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    created.push(name);
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    return url.toString();
  }
  async function checksumsOf(url: string) {
    const database: Database = await openDatabase({ url });
    try {
      return await tableChecksums(database.db);
    } finally {
      await database.close();
    }
  }

  afterAll(async () => {
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('backs up with pg_dump while Zhenwu is connected and restores into an empty database with every table as it was', async () => {
    const sourceUrl = t.database.pool!.options.connectionString!;
    const said = await backupCommand(configFor({ DATABASE_URL: sourceUrl }), ['--out', file]);
    expect(said).toContain(file);
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('PGDMP');
    const target = await freshDatabase();
    expect(await restoreCommand(configFor({ DATABASE_URL: target }), [file])).toMatch(/恢复完成.*乡镇 1 个，用户 2 个，台账记录 6 条/);
    expect(await checksumsOf(target)).toEqual(source);
  });

  it('refuses to back up without pg_dump, or with one older than the server, in Chinese', async () => {
    const config = configFor({ DATABASE_URL: t.database.pool!.options.connectionString! });
    const bin = path.join(tmp, 'old-bin');
    fs.mkdirSync(bin);
    const previous = process.env.ZHENWU_PG_BINDIR;
    try {
      process.env.ZHENWU_PG_BINDIR = path.join(tmp, 'missing-bin');
      await expectRefused(backupCommand(config, ['--out', path.join(tmp, 'a.dump')]), /未找到 pg_dump.*postgresql-client-\d+/);
      fs.writeFileSync(path.join(bin, 'pg_dump'), '#!/bin/sh\necho "pg_dump (PostgreSQL) 9.6.24"\n', { mode: 0o755 });
      process.env.ZHENWU_PG_BINDIR = bin;
      await expectRefused(backupCommand(config, ['--out', path.join(tmp, 'b.dump')]), /pg_dump 是 9 版，比数据库服务器（PostgreSQL \d+）旧/);
    } finally {
      if (previous === undefined) delete process.env.ZHENWU_PG_BINDIR;
      else process.env.ZHENWU_PG_BINDIR = previous;
    }
    expect(fs.existsSync(path.join(tmp, 'a.dump.partial')) || fs.existsSync(path.join(tmp, 'b.dump.partial'))).toBe(false);
  });

  it('refuses a database a Zhenwu server is connected to, even an idle one, and a non-empty one unless --force', async () => {
    const target = await freshDatabase();
    await restoreCommand(configFor({ DATABASE_URL: target }), [file]);
    const release = holdServerPresence(target);
    try {
      // the presence connection is up once PostgreSQL lists it
      const probe = new pg.Client({ connectionString: target });
      await probe.connect();
      await expect
        .poll(
          async () =>
            (await probe.query(`select 1 from pg_stat_activity where application_name = 'zhenwu-server' and datname = current_database()`)).rowCount,
        )
        .toBe(1);
      await probe.end();
      await expectRefused(restoreCommand(configFor({ DATABASE_URL: target }), [file, '--force']), /镇务仍连接着该数据库.*zhenwu-server/);
    } finally {
      await release();
    }
    await expectRefused(restoreCommand(configFor({ DATABASE_URL: target }), [file]), /不是空的.*--force/);
    await restoreCommand(configFor({ DATABASE_URL: target }), [file, '--force']);
    expect(await checksumsOf(target)).toEqual(source);
  });

  it('refuses files that are not a pg_dump archive, touching nothing', async () => {
    const target = await freshDatabase();
    const config = configFor({ DATABASE_URL: target });
    const garbage = path.join(tmp, 'garbage.dump');
    fs.writeFileSync(garbage, crypto.randomBytes(4096));
    await expectRefused(restoreCommand(config, [garbage]), /不是镇务备份文件/);
    fs.writeFileSync(garbage, Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), crypto.randomBytes(100)]));
    await expectRefused(restoreCommand(config, [garbage]), /嵌入式数据库（PGlite）的备份，不能恢复到 PostgreSQL/);
    fs.writeFileSync(garbage, Buffer.concat([Buffer.from('PGDMP'), crypto.randomBytes(4096)]));
    await expectRefused(restoreCommand(config, [garbage]), /不是镇务备份文件/);
    // a valid pg_dump header followed by nonsense: pg_restore fails inside its one transaction
    fs.writeFileSync(garbage, Buffer.concat([fs.readFileSync(file).subarray(0, 16), crypto.randomBytes(4096)]));
    await expect(restoreCommand(config, [garbage])).rejects.toThrow(/pg_restore 失败/);
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    const { rows } = await client.query(`select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`);
    await client.end();
    expect(rows[0].n).toBe(0);
  });
});
