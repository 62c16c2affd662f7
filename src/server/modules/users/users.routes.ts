import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { contextOf } from '../../http/context.js';
import * as s from './users.schemas.js';
import * as c from '../../../core/contracts/users.js';
import { sendXlsx } from '../../http/xlsx.js';
import { approveGrant, listPendingGrants } from './role-grants.service.js';
import {
  createUser,
  exportUsers,
  getUser,
  listUsers,
  resetPassword,
  resetTwoFactor,
  revokeUserSessions,
  setDisabled,
  updateUser,
} from './users.service.js';

export async function usersRoutes(scope: FastifyInstance, { database }: AppDeps) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: Parameters<typeof contextOf>[0]) => contextOf(request, database.db);
  const tags = ['用户与权限'];

  app.get('/api/users', { schema: { querystring: s.listUsersQuery, response: { 200: c.userList }, tags } }, (req) => listUsers(ctx(req), req.query));
  app.get('/api/users/export', { schema: { querystring: s.listUsersQuery.pick({ q: true }), tags } }, async (req, reply) =>
    sendXlsx(reply, '用户列表.xlsx', await exportUsers(ctx(req), req.query)),
  );
  // For township leaders: grants carrying household data that an administrator asked for, waiting for them.
  app.get('/api/users/pending-grants', { schema: { response: { 200: c.pendingGrantList }, tags } }, (req) => listPendingGrants(ctx(req)));
  app.get('/api/users/:id', { schema: { params: s.userIdParams, response: { 200: c.user }, tags } }, (req) => getUser(ctx(req), req.params.id));
  app.post('/api/users', { schema: { body: s.createUserBody, response: { 201: c.createdUser }, tags } }, async (req, reply) => {
    reply.status(201);
    return createUser(ctx(req), req.body);
  });
  app.patch('/api/users/:id', { schema: { params: s.userIdParams, body: s.updateUserBody, response: { 200: c.user }, tags } }, (req) =>
    updateUser(ctx(req), req.params.id, req.body),
  );
  app.post('/api/users/:id/reset-password', { schema: { params: s.userIdParams, response: { 200: c.passwordReset }, tags } }, (req) =>
    resetPassword(ctx(req), req.params.id),
  );
  app.post('/api/users/:id/disable', { schema: { params: s.userIdParams, response: { 200: c.user }, tags } }, (req) =>
    setDisabled(ctx(req), req.params.id, true),
  );
  app.post('/api/users/:id/enable', { schema: { params: s.userIdParams, response: { 200: c.user }, tags } }, (req) =>
    setDisabled(ctx(req), req.params.id, false),
  );
  app.post('/api/users/:id/roles/:roleId/approve', { schema: { params: s.grantParams, response: { 200: c.pendingGrant }, tags } }, (req) =>
    approveGrant(ctx(req), req.params.id, req.params.roleId),
  );
  // A lost phone: the account signs in with its password alone until it enrols again (administrators at once).
  app.post('/api/users/:id/reset-two-factor', { schema: { params: s.userIdParams, tags } }, async (req, reply) => {
    await resetTwoFactor(ctx(req), req.params.id);
    return reply.status(204).send();
  });
  app.post('/api/users/:id/revoke-sessions', { schema: { params: s.userIdParams, tags } }, async (req, reply) => {
    await revokeUserSessions(ctx(req), req.params.id);
    return reply.status(204).send();
  });
}
