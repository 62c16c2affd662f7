import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SESSION_COOKIE, type AppDeps } from '../../app.js';
import { actorOf } from '../../http/context.js';
import { changePassword, login, logout, resolveSession } from './auth.service.js';
import { describeMe } from './me.service.js';
import * as c from '../../../core/contracts/auth.js';
import { loginBody, passwordBody } from '../../../core/contracts/auth-requests.js';
import { loginChallenge } from '../../../core/contracts/two-factor.js';

export async function authRoutes(scope: FastifyInstance, { database, config }: AppDeps) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: config.secureCookies };

  app.post(
    '/api/auth/login',
    {
      schema: { body: loginBody, response: { 200: c.me, 202: loginChallenge }, tags: ['auth'] },
      config: { public: true, rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { token, twoFactorPending } = await login(db, request.body, request.ip, request.headers['user-agent'] ?? null);
      reply.setCookie(SESSION_COOKIE, token, cookieOptions);
      // The session opens nothing yet: the code comes next (POST /api/auth/two-factor/verify).
      if (twoFactorPending) return reply.status(202).send({ twoFactorRequired: true as const });
      const session = await resolveSession(db, token, config.sessionIdleMinutes, config.sessionMaxHours);
      return describeMe(db, session!);
    },
  );

  const anyStep = { beforePasswordChange: true, beforeTwoFactorEnrolment: true, secondFactorStep: true };
  app.post('/api/auth/logout', { config: anyStep }, async (request, reply) => {
    await logout(db, request.session!, actorOf(request));
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
    return reply.status(204).send();
  });

  const signedIn = { beforePasswordChange: true, beforeTwoFactorEnrolment: true };
  app.post('/api/auth/password', { schema: { body: passwordBody }, config: signedIn }, async (request, reply) => {
    await changePassword(db, request.session!, request.body, actorOf(request));
    return reply.status(204).send();
  });

  app.get('/api/me', { schema: { response: { 200: c.me }, tags: ['auth'] }, config: signedIn }, async (request) => describeMe(db, request.session!));
}
