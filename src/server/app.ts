// Builds the Fastify app: security plugins, sessions, error shape, then each domain's routes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isDatabaseReady, type Database } from './db/connection.js';
import type { Config } from './config.js';
import { refuseUnsafeText } from './http/text-guard.js';
import { clientProblem, problemHandler, sendProblem } from './http/problem.js';
import { attachmentsRoutes } from './modules/attachments/index.js';
import { auditRoutes } from './modules/audit/index.js';
import { backupRoutes } from './modules/backup/index.js';
import { authRoutes, isAdministrator, resolveSession, twoFactorRoutes, useTwoFactorKey } from './modules/auth/index.js';
import { cadreRoutes } from './modules/cadre/index.js';
import { reportsRoutes } from './modules/reports/index.js';
import { supervisionRoutes } from './modules/supervision/index.js';
import { notificationsRoutes } from './modules/notifications/index.js';
import { indicatorsRoutes, qualityAfterImport, rankingsRoutes } from './modules/indicators/index.js';
import { ledgerExcelRoutes, ledgersRoutes, onLedgerImported } from './modules/ledgers/index.js';
import { orgRoutes } from './modules/org/index.js';
import { usersRoutes } from './modules/users/index.js';
import { health } from '../core/contracts/health.js';

z.config(z.locales.zhCN());

export const SESSION_COOKIE = 'zw_session';
export type App = FastifyInstance;
export interface AppDeps {
  database: Database;
  config: Config;
}

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function buildApp(deps: AppDeps) {
  const { database, config } = deps;
  // The CLI (main.ts) loads the key before it opens the database, from the environment or DATA_DIR/two-factor.key;
  // an app built by a test is given one in its config.
  if (config.twoFactorKey) useTwoFactorKey(config);
  const app = Fastify({
    logger: process.env.NODE_ENV === 'test' || process.env.VITEST ? false : { level: process.env.LOG_LEVEL ?? 'info' },
    trustProxy: process.env.ZHENWU_TRUST_PROXY === 'true',
    bodyLimit: 2 * 1024 * 1024,
    // a request the HTTP parser cannot read is answered in Chinese problem+json too (security suite)
    clientErrorHandler: clientProblem,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(problemHandler);
  app.setNotFoundHandler((request, reply) => {
    // Unknown API paths and missing build assets are real 404s; any other path is a page of the single-page app.
    if (request.url.startsWith('/api/') || request.url.startsWith('/assets/') || !fs.existsSync(path.join(webRoot, 'index.html'))) {
      return sendProblem(reply, 'NOT_FOUND', 404, '请求的地址不存在');
    }
    return reply.type('text/html').sendFile('index.html', webRoot);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd generates its styles at run time (CSS-in-JS)
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.secureCookies,
  });
  // Answers are compressed for clients that accept it (a village on a 4G line; a county's values are megabytes of
  // JSON). Request bodies are not decompressed: no client sends them compressed, and it would be one more way in.
  await app.register(compress, { encodings: ['br', 'gzip'], globalDecompression: false });
  await app.register(cookie);
  // Per address: a township office's cadres share one address behind its gateway, and a dashboard asks for a
  // dozen figures at once, so the budget is generous; logins have their own, strict one (auth.routes.ts).
  await app.register(rateLimit, {
    global: true,
    max: config.requestRateLimitPerMinute,
    timeWindow: '1 minute',
    errorResponseBuilder: () => Object.assign(new Error('请求过于频繁，请稍后再试'), { statusCode: 429 }),
  });
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: { info: { title: '镇务 Zhenwu API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
    // Named (recursive) schemas of core/contracts are published as components.
    transformObject: jsonSchemaTransformObject,
  });

  // Modules that look at what another module stored, wired here so that dependencies point one way.
  onLedgerImported(qualityAfterImport);

  app.decorateRequest('session', null);
  app.addHook('preValidation', refuseUnsafeText);
  // Answers hold household data: no browser or proxy keeps a copy (a shared office computer, a county proxy).
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  // Mutations must come from this site: a browser always sends Origin on cross-site POSTs.
  app.addHook('onRequest', async (request, reply) => {
    if (!UNSAFE_METHODS.has(request.method)) return;
    const origin = request.headers.origin;
    if (!origin) return;
    const own = [`http://${request.headers.host}`, `https://${request.headers.host}`, ...config.allowedOrigins];
    if (!own.includes(origin)) return sendProblem(reply, 'FOREIGN_ORIGIN', 403, '请求来源不被信任，操作已拒绝');
  });
  app.addHook('preHandler', async (request, reply) => {
    if (!request.url.startsWith('/api/') || request.routeOptions.config?.public) return;
    const token = request.cookies[SESSION_COOKIE];
    request.session = token ? await resolveSession(database.db, token, config.sessionIdleMinutes, config.sessionMaxHours) : null;
    if (!request.session) return sendProblem(reply, 'UNAUTHENTICATED', 401, '未登录或登录已过期，请重新登录');
    const routeConfig = request.routeOptions.config;
    // A right password with a second factor enrolled opens nothing but the login's second step.
    if (request.session.twoFactor.pending && !routeConfig?.secondFactorStep) {
      return sendProblem(reply, 'TWO_FACTOR_REQUIRED', 401, '请输入两步验证码完成登录');
    }
    if (request.session.user.mustChangePassword && !routeConfig?.beforePasswordChange) {
      return sendProblem(reply, 'PASSWORD_CHANGE_REQUIRED', 403, '首次登录请先修改初始密码');
    }
    if (isAdministrator(request.session.bindings) && !request.session.twoFactor.enrolled && !routeConfig?.beforeTwoFactorEnrolment) {
      return sendProblem(reply, 'TWO_FACTOR_ENROLMENT_REQUIRED', 403, '管理员须先启用两步验证，才能使用系统');
    }
  });

  app.get('/api/health', { schema: { response: { 200: health } }, config: { public: true } }, async () => ({
    status: 'ok' as const,
    database: database.kind,
  }));
  // Liveness above answers while the process runs; readiness asks the database, for a load balancer or probe.
  app.get('/api/health/ready', { config: { public: true } }, async (_request, reply) =>
    (await isDatabaseReady(database))
      ? { status: 'ready', database: database.kind }
      : sendProblem(reply.header('retry-after', '5'), 'DATABASE_UNAVAILABLE', 503, '数据库暂时无法访问，服务暂不可用，请稍后再试'),
  );
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  await app.register(async (scope) => authRoutes(scope, deps));
  await app.register(async (scope) => twoFactorRoutes(scope, deps));
  await app.register(async (scope) => orgRoutes(scope, deps));
  await app.register(async (scope) => usersRoutes(scope, deps));
  await app.register(async (scope) => auditRoutes(scope, deps));
  await app.register(async (scope) => cadreRoutes(scope, deps));
  await app.register(async (scope) => ledgersRoutes(scope, deps));
  await app.register(async (scope) => ledgerExcelRoutes(scope, deps));
  await app.register(async (scope) => indicatorsRoutes(scope, deps));
  await app.register(async (scope) => rankingsRoutes(scope, deps));
  await app.register(async (scope) => attachmentsRoutes(scope, deps));
  await app.register(async (scope) => supervisionRoutes(scope, deps));
  await app.register(async (scope) => notificationsRoutes(scope, deps));
  await app.register(async (scope) => reportsRoutes(scope, deps));
  await app.register(async (scope) => backupRoutes(scope, deps));

  if (fs.existsSync(webRoot)) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: true,
      index: 'index.html',
      // Vite names built files by their content hash: a browser keeps them for a year and asks again only for
      // index.html, so a village on a slow line downloads the app once per release.
      setHeaders: (res, file) => {
        if (file.startsWith(path.join(webRoot, 'assets') + path.sep)) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  return app;
}
