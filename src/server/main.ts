// CLI entry: `zhenwu start | migrate | demo | import-divisions <file.csv> | remind | report | create-admin | backup | restore`
// (npm start runs `start`).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { loadConfig, type Config } from './config.js';
import { openDatabase, runMigrations } from './db/connection.js';
import { SYSTEM_ACTOR } from './modules/audit/index.js';
import { backupCommand, dumpPglite, holdServerPresence, openControlChannel, restoreCommand } from './modules/backup/index.js';
import { importDivisions } from './modules/org/index.js';
import { loadDataKeys, rotateKeyCommand, sealPersonalDataAtStart } from './modules/personal-data/index.js';
import { reportCommand } from './modules/reports/index.js';
import { createUser } from './modules/users/index.js';
import { useTwoFactorKey } from './modules/auth/index.js';
import { deliverOutbox, runReminders, startNotificationJobs } from './modules/notifications/index.js';
import { isDemoLoaded, loadDemoTownship, type DemoAccount } from '../../demo/demo-township.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const HELP = `镇务 Zhenwu — 乡镇工作系统

用法 (usage): zhenwu <command>

  start                       start the server (builds the web app if missing; loads the demo township on an empty database)
  migrate                     apply database migrations and exit
  demo                        load the demo township 川山坪镇 into an empty database and exit
  import-divisions <file.csv> import statistical divisions (code,name,level,parent_code) as the system
  remind [township] [date]    run the day's task reminders and digests (once per day and township), then send the outbox
  report --template <key> --period <id> [--as-of <date>] [--unit <code>] --format docx|html|txt --out <file>
                              render a report template to a file (e.g. --template half-year --period 2022S1)
  create-admin <username>     create a deployment-wide administrator (password: ZHENWU_ADMIN_PASSWORD, else random, printed once)
  rotate-key                  a new data key becomes current; ID numbers and mobiles are re-encrypted (resumable)
  backup [--out <file>]       back up the database, also while the server runs (embedded: zhenwu-backup-<date>.tar.gz;
                              PostgreSQL: pg_dump custom format, .dump); prints the file's path and size
  restore <file> [--force]    restore a backup into an empty DATA_DIR / database; refused while a server uses it;
                              --force replaces a non-empty target (embedded: old files moved aside). docs/operations.md

Environment: PORT (3000), DATA_DIR (./data, embedded PGlite), DATABASE_URL (postgres://… instead of PGlite),
ZHENWU_ADMIN_PASSWORD, ZHENWU_DEMO_PASSWORD (otherwise random, printed once), ZHENWU_NO_DEMO=true,
ZHENWU_DATA_KEY (base64, 32 bytes) or ZHENWU_DATA_KEY_FILE (default: zhenwu-data.key beside DATA_DIR),
ZHENWU_ADMIN_TOTP_SECRET (the demo administrator's two-factor secret, base32; otherwise random, printed once),
ZHENWU_TWO_FACTOR_KEY (32 bytes, hex or base64: seals two-factor secrets; otherwise DATA_DIR/two-factor.key).`;

async function open(config: Config) {
  // H3 two-factor login: the key sealing second factors, before the demo loader enrols its administrator.
  useTwoFactorKey(config);
  // H6 personal data at rest: the data key first (created on a first start), plain personal values sealed after migrating.
  loadDataKeys(config);
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await runMigrations(database);
  await sealPersonalDataAtStart(database.db);
  return database;
}

function ensureWebBuilt() {
  if (fs.existsSync(path.join(root, 'dist/web/index.html'))) return;
  // API only, no build (tests that start real server processes: resilience suite)
  if (process.env.ZHENWU_SKIP_WEB_BUILD === 'true') return;
  console.log('正在构建前端 (building the web app, first start only)…');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  // The API still serves without the web app; say so loudly instead of refusing to start.
  if (result.status !== 0) console.error('!!! 前端构建失败，仅提供 API (web build failed; serving the API only)');
}

function printAccounts(accounts: DemoAccount[]) {
  console.log('\n演示账户 (demo accounts)；随机生成的密码只显示这一次，首次登录须修改:');
  for (const a of accounts) console.log(`  ${a.username.padEnd(10)} ${a.password.padEnd(14)} ${a.roleName}`);
  for (const a of accounts.filter((account) => account.totp)) {
    console.log(
      `\n管理员 ${a.username} 须用两步验证登录 (two-factor login)；密钥只显示这一次，请添加到手机验证器应用（如 Google Authenticator、Microsoft Authenticator）:`,
    );
    console.log(`  密钥 (secret): ${a.totp!.secret}`);
    console.log(`  ${a.totp!.uri}`);
  }
  console.log('');
}

async function loadDemoIfEmpty(config: Config, db: Parameters<typeof isDemoLoaded>[0]) {
  if (process.env.ZHENWU_NO_DEMO === 'true' || (await isDemoLoaded(db))) return;
  console.log('空数据库：正在载入演示乡镇 川山坪镇 (loading the demo township)…');
  printAccounts(
    await loadDemoTownship(db, { adminPassword: config.adminPassword, demoPassword: config.demoPassword, adminTotpSecret: config.adminTotpSecret }),
  );
}

async function start(config: Config) {
  // The database first: a locked data directory or an unreachable server is said at once, before a long build.
  const database = await open(config);
  ensureWebBuilt();
  await loadDemoIfEmpty(config, database.db);
  const app = await buildApp({ database, config });
  await app.listen({ port: config.port, host: config.host });
  // Each day's reminders and digests, and the outbox of e-mail and group robots: idempotent, safe with two processes.
  const stopJobs = startNotificationJobs(database.db);
  // `zhenwu backup` beside the running server: it asks this process (embedded), or sees it connected (PostgreSQL).
  const control = database.kind === 'pglite' ? await openControlChannel(config.dataDir, () => dumpPglite(database.pglite!)) : undefined;
  const releasePresence = config.databaseUrl ? holdServerPresence(config.databaseUrl) : undefined;
  const where = database.kind === 'pglite' ? `PGlite, ${config.dataDir}` : 'PostgreSQL';
  console.log(`镇务已启动 (Zhenwu is running): http://localhost:${config.port}  [${where}]`);
  const stop = async () => {
    stopJobs();
    await control?.close();
    await releasePresence?.();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function main(argv: string[]) {
  const [command, ...args] = argv;
  const config = loadConfig();
  switch (command) {
    case 'start':
      return start(config);
    case 'migrate': {
      const database = await open(config);
      await database.close();
      return console.log('数据库迁移完成 (migrations applied)');
    }
    case 'demo': {
      const database = await open(config);
      await loadDemoIfEmpty(config, database.db);
      return database.close();
    }
    case 'import-divisions': {
      if (!args[0]) throw new Error('usage: zhenwu import-divisions <file.csv>');
      const database = await open(config);
      const system = {
        db: database.db,
        principal: { userId: 0, username: 'system', grants: [{ role: 'admin' as const, scopePaths: ['/'] }] },
        actor: SYSTEM_ACTOR,
        townshipId: null,
      };
      const result = await importDivisions(system, fs.readFileSync(args[0]), path.basename(args[0]));
      console.log(`导入 ${result.imported} 个，跳过已存在 ${result.skipped} 个`);
      return database.close();
    }
    case 'remind': {
      const database = await open(config);
      console.log(await runReminders(database.db, { townshipCode: args[0], today: args[1] }));
      console.log(await deliverOutbox(database.db));
      return database.close();
    }
    case 'report': {
      const database = await open(config);
      try {
        console.log(await reportCommand(database.db, args));
      } finally {
        await database.close();
      }
      return;
    }
    case 'create-admin': {
      if (!args[0]) throw new Error('usage: zhenwu create-admin <username>');
      const database = await open(config);
      const system = {
        db: database.db,
        principal: { userId: 0, username: 'system', grants: [{ role: 'admin' as const, scopePaths: ['/'] }] },
        actor: SYSTEM_ACTOR,
        townshipId: null,
      };
      const { initialPassword } = await createUser(system, {
        username: args[0],
        displayName: '系统管理员',
        password: config.adminPassword,
        roles: [{ role: 'admin' }],
      });
      console.log(`已创建管理员 ${args[0]}${initialPassword ? `，初始密码 ${initialPassword}（首次登录须修改）` : ''}`);
      return database.close();
    }
    case 'backup':
      return console.log(await backupCommand(config, args));
    case 'restore':
      return console.log(await restoreCommand(config, args));
    case 'rotate-key': {
      const database = await open(config);
      try {
        console.log(await rotateKeyCommand(database.db));
      } finally {
        await database.close();
      }
      return;
    }
    default:
      console.log(HELP);
      if (command && command !== '--help' && command !== 'help') process.exitCode = 1;
  }
}

main(process.argv.slice(2)).catch((error) => {
  const details = (error as { errors?: unknown[] }).errors;
  console.error(`错误 (error): ${(error as Error).message}`);
  // Drizzle reports a failed statement as "Failed query: …"; what went wrong is in its cause.
  const cause = (error as { cause?: { message?: string } }).cause;
  if (cause?.message && !(error as Error).message.includes(cause.message)) console.error(`原因 (cause): ${cause.message}`);
  if (details) console.error(JSON.stringify(details.slice(0, 20), null, 2));
  process.exit(1);
});
