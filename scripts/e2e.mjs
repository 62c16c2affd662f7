#!/usr/bin/env node
// Browser journeys: starts the server on a free port with a fresh database (which loads the demo
// township), waits for /api/health, runs Playwright against it, stops the server.
// Without /usr/bin/chromium the step is skipped loudly, unless E2E=required (CI), where it fails.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'apt-get install -y chromium fonts-noto-cjk';

if (!existsSync(CHROMIUM)) {
  if (process.env.E2E === 'required') {
    console.error(`\n!!! E2E=required but ${CHROMIUM} is missing: install Chromium with: ${INSTALL}\n`);
    process.exit(1);
  }
  console.log(`!!! E2E skipped: install Chromium with: ${INSTALL}`);
  process.exit(0);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, server, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited early with code ${server.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not answer ${url}/api/health within ${timeoutMs / 1000} s`);
}

// The server serves dist/web: build it from the current sources so journeys never test a stale bundle.
if (!process.env.E2E_SKIP_BUILD) {
  const build = spawn('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  const buildCode = await new Promise((resolve) => build.on('exit', resolve));
  if (buildCode !== 0) {
    console.error('e2e: the web build failed');
    process.exit(1);
  }
}

const port = await freePort();
const dataDir = mkdtempSync(join(tmpdir(), 'zhenwu-e2e-'));
const baseUrl = `http://localhost:${port}`;
const env = {
  ...process.env,
  PORT: String(port),
  DATA_DIR: dataDir,
  ZHENWU_ADMIN_PASSWORD: 'Xitong-2026a',
  ZHENWU_DEMO_PASSWORD: 'Demo12345',
  // the demo administrator signs in with a second factor: journeys compute its codes (tests/e2e/helpers.ts)
  ZHENWU_ADMIN_TOTP_SECRET: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  // every journey logs in from 127.0.0.1: the per-IP login limit is for attackers, not for this suite
  ZHENWU_LOGIN_RATE_LIMIT: '1000',
};
delete env.DATABASE_URL;

console.log(`e2e: starting the server on ${baseUrl} (data in ${dataDir})`);
const server = spawn(process.execPath, ['bin/zhenwu.mjs', 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
let serverLog = '';
server.stdout.on('data', (chunk) => {
  serverLog += chunk;
});
server.stderr.on('data', (chunk) => {
  serverLog += chunk;
});

function stopServer() {
  if (server.exitCode === null) server.kill('SIGTERM');
}
process.on('SIGINT', () => {
  stopServer();
  process.exit(130);
});

let code = 1;
try {
  await waitForHealth(baseUrl, server);
  code = await new Promise((resolve) => {
    // npm test asks for a JSON report too (E2E_JSON), to sum up passed and failed journeys
    const reporter = process.env.E2E_JSON ? ['--reporter=list,json'] : [];
    const runner = spawn('npx', ['playwright', 'test', ...reporter, ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: {
        ...process.env,
        BASE_URL: baseUrl,
        E2E_ADMIN_PASSWORD: 'Xitong-2026a',
        E2E_DEMO_PASSWORD: 'Demo12345',
        E2E_ADMIN_TOTP_SECRET: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
        ...(process.env.E2E_JSON ? { PLAYWRIGHT_JSON_OUTPUT_NAME: process.env.E2E_JSON } : {}),
      },
    });
    runner.on('exit', (exitCode) => resolve(exitCode ?? 1));
  });
} catch (error) {
  console.error(`e2e: ${error.message}\n--- server output ---\n${serverLog.slice(-4000)}`);
} finally {
  if (code !== 0) {
    const problems = serverLog.split('\n').filter((line) => /"level":(40|50|60)|Error/.test(line));
    if (problems.length) console.error(`--- server warnings and errors ---\n${problems.slice(-30).join('\n')}`);
  }
  stopServer();
  await new Promise((r) => (server.exitCode === null ? server.once('exit', r) : r()));
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(code);
