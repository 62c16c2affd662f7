import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { contextOf } from '../../http/context.js';
import * as s from './cadre.schemas.js';
import * as c from '../../../core/contracts/cadre.js';
import { createGroup, deleteGroup, listGroups, setMembers, setVillages, updateGroup } from './cadre.service.js';
import { exportCadre } from './cadre-export.service.js';
import { sendXlsx } from '../../http/xlsx.js';
import { createWorkLine, deleteWorkLine, listWorkLines, updateWorkLine } from './work-lines.service.js';

export async function cadreRoutes(scope: FastifyInstance, { database }: AppDeps) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: Parameters<typeof contextOf>[0]) => contextOf(request, database.db);
  const tags = ['组线包村'];
  const querystring = s.townshipQuery;

  app.get('/api/cadre-groups', { schema: { querystring, response: { 200: c.cadreOrganisation }, tags } }, (req) =>
    listGroups(ctx(req), req.query.township),
  );
  app.get('/api/cadre-groups/export', { schema: { querystring, tags } }, async (req, reply) => {
    const { township, buffer } = await exportCadre(ctx(req), req.query.township);
    return sendXlsx(reply, `${township}组线包村.xlsx`, buffer);
  });
  app.post('/api/cadre-groups', { schema: { querystring, body: s.createGroupBody, response: { 201: c.cadreGroup }, tags } }, async (req, reply) => {
    reply.status(201);
    return createGroup(ctx(req), req.body, req.query.township);
  });
  app.patch(
    '/api/cadre-groups/:id',
    { schema: { querystring, params: s.idParams, body: s.updateGroupBody, response: { 200: c.cadreGroup }, tags } },
    (req) => updateGroup(ctx(req), req.params.id, req.body, req.query.township),
  );
  app.delete('/api/cadre-groups/:id', { schema: { querystring, params: s.idParams, tags } }, async (req, reply) => {
    await deleteGroup(ctx(req), req.params.id, req.query.township);
    return reply.status(204).send();
  });
  app.put(
    '/api/cadre-groups/:id/members',
    { schema: { querystring, params: s.idParams, body: s.membersBody, response: { 200: c.cadreGroup }, tags } },
    (req) => setMembers(ctx(req), req.params.id, req.body.members, req.query.township),
  );
  app.put(
    '/api/cadre-groups/:id/villages',
    { schema: { querystring, params: s.idParams, body: s.villagesBody, response: { 200: c.cadreGroup }, tags } },
    (req) => setVillages(ctx(req), req.params.id, req.body.villageCodes, req.query.township),
  );

  const lineTags = ['工作条线'];
  app.get('/api/work-lines', { schema: { querystring, response: { 200: c.workLineList }, tags: lineTags } }, (req) =>
    listWorkLines(ctx(req), req.query.township),
  );
  app.post(
    '/api/work-lines',
    { schema: { querystring, body: s.createWorkLineBody, response: { 201: c.workLine }, tags: lineTags } },
    async (req, reply) => {
      reply.status(201);
      return createWorkLine(ctx(req), req.body, req.query.township);
    },
  );
  app.patch(
    '/api/work-lines/:id',
    { schema: { querystring, params: s.idParams, body: s.updateWorkLineBody, response: { 200: c.workLine }, tags: lineTags } },
    (req) => updateWorkLine(ctx(req), req.params.id, req.body, req.query.township),
  );
  app.delete('/api/work-lines/:id', { schema: { querystring, params: s.idParams, tags: lineTags } }, async (req, reply) => {
    await deleteWorkLine(ctx(req), req.params.id, req.query.township);
    return reply.status(204).send();
  });
}
