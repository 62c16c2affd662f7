import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { actorOf } from '../../http/context.js';
import { describeMe } from './me.service.js';
import {
  confirmEnrolment,
  disableTwoFactor,
  regenerateRecoveryCodes,
  startEnrolment,
  stepUp,
  twoFactorStatus,
  verifyLogin,
} from './two-factor.service.js';
import * as c from '../../../core/contracts/auth.js';
import * as t from '../../../core/contracts/two-factor.js';

export async function twoFactorRoutes(scope: FastifyInstance, { database }: AppDeps) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  const tags = ['auth'];
  // An administrator without a second factor may reach these: enrolling is what he has to do.
  const enrolment = { beforeTwoFactorEnrolment: true };
  const codeSchema = { body: t.secondFactorCodeBody, tags };

  app.get('/api/auth/two-factor', { schema: { response: { 200: t.twoFactorStatus }, tags }, config: enrolment }, (req) =>
    twoFactorStatus(db, req.session!),
  );
  app.post('/api/auth/two-factor/setup', { schema: { response: { 200: t.twoFactorSetup }, tags }, config: enrolment }, (req) =>
    startEnrolment(db, req.session!, actorOf(req)),
  );
  app.post('/api/auth/two-factor/confirm', { schema: { ...codeSchema, response: { 200: t.recoveryCodes } }, config: enrolment }, (req) =>
    confirmEnrolment(db, req.session!, req.body.code, actorOf(req)),
  );
  // The login's second step: the only route (with logout) a password-only session reaches.
  app.post(
    '/api/auth/two-factor/verify',
    { schema: { ...codeSchema, response: { 200: c.me } }, config: { secondFactorStep: true, beforePasswordChange: true } },
    async (req) => {
      await verifyLogin(db, req.session!, req.body.code, actorOf(req));
      return describeMe(db, { ...req.session!, twoFactor: { ...req.session!.twoFactor, pending: false, verifiedAt: new Date() } });
    },
  );
  app.post('/api/auth/two-factor/step-up', { schema: { ...codeSchema, response: { 200: t.stepUpResult } } }, (req) =>
    stepUp(db, req.session!, req.body.code, actorOf(req)),
  );
  app.post('/api/auth/two-factor/recovery-codes', { schema: { ...codeSchema, response: { 200: t.recoveryCodes } } }, (req) =>
    regenerateRecoveryCodes(db, req.session!, req.body.code, actorOf(req)),
  );
  app.delete('/api/auth/two-factor', { schema: codeSchema }, async (req, reply) => {
    await disableTwoFactor(db, req.session!, req.body.code, actorOf(req));
    return reply.status(204).send();
  });
}
