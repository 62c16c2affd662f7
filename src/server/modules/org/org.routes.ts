import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { invalid } from '../../http/app-error.js';
import { contextOf } from '../../http/context.js';
import * as s from './org.schemas.js';
import * as c from '../../../core/contracts/org.js';
import { closeUnit, createUnit, getUnit, listUnits, moveUnit, renameUnit, searchUnits } from './org.service.js';
import { importDivisions } from './org-import.service.js';
import { mergeGroups, mergeProgress, setMergePlan } from './org-merge.service.js';
import { exportChildren, exportMergeProgress } from './org-export.service.js';
import { sendXlsx } from '../../http/xlsx.js';

export async function orgRoutes(scope: FastifyInstance, { database }: AppDeps) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: Parameters<typeof contextOf>[0]) => contextOf(request, database.db);
  const tags = ['组织架构'];

  app.get('/api/org-units', { schema: { querystring: s.listQuery, response: { 200: c.orgUnitList }, tags } }, (req) =>
    listUnits(ctx(req), req.query),
  );
  app.get('/api/org-units/search', { schema: { querystring: s.searchQuery, response: { 200: c.orgUnitSearchResult }, tags } }, (req) =>
    searchUnits(ctx(req), req.query.q),
  );
  app.get('/api/org-units/merge-progress', { schema: { querystring: s.progressQuery, response: { 200: c.mergeProgress }, tags } }, (req) =>
    mergeProgress(ctx(req), req.query.township),
  );
  app.get('/api/org-units/export', { schema: { querystring: s.listQuery.required({ parent: true }), tags } }, async (req, reply) => {
    const { fileName, buffer } = await exportChildren(ctx(req), req.query);
    return sendXlsx(reply, fileName, buffer);
  });
  app.get('/api/org-units/merge-progress/export', { schema: { querystring: s.progressQuery, tags } }, async (req, reply) => {
    const { fileName, buffer } = await exportMergeProgress(ctx(req), req.query.township);
    return sendXlsx(reply, fileName, buffer);
  });
  app.get('/api/org-units/:code', { schema: { params: s.codeParams, response: { 200: c.orgUnitWithAncestors }, tags } }, (req) =>
    getUnit(ctx(req), req.params.code),
  );

  app.post('/api/org-units', { schema: { body: s.createBody, response: { 201: c.orgUnit }, tags } }, async (req, reply) => {
    reply.status(201);
    return createUnit(ctx(req), req.body);
  });
  app.patch('/api/org-units/:code', { schema: { params: s.codeParams, body: s.renameBody, response: { 200: c.orgUnit }, tags } }, (req) =>
    renameUnit(ctx(req), req.params.code, req.body.name),
  );
  app.post('/api/org-units/:code/move', { schema: { params: s.codeParams, body: s.moveBody, response: { 200: c.orgUnit }, tags } }, (req) =>
    moveUnit(ctx(req), req.params.code, req.body.parentCode),
  );
  app.post('/api/org-units/:code/close', { schema: { params: s.codeParams, body: s.closeBody, response: { 200: c.orgUnit }, tags } }, (req) =>
    closeUnit(ctx(req), req.params.code, req.body.date),
  );
  app.put('/api/org-units/:code/merge-plan', { schema: { params: s.codeParams, body: s.planBody, response: { 200: c.mergePlan }, tags } }, (req) =>
    setMergePlan(ctx(req), req.params.code, req.body.plannedGroups),
  );
  app.post('/api/org-units/merge', { schema: { body: s.mergeBody, response: { 201: c.orgUnit }, tags } }, async (req, reply) => {
    reply.status(201);
    return mergeGroups(ctx(req), req.body);
  });

  app.post('/api/org-units/import', { schema: { response: { 200: c.orgImportResult }, tags } }, async (req) => {
    const context = ctx(req);
    const file = req.isMultipart() ? await req.file() : undefined;
    if (!file) throw invalid([{ field: 'file', message: '请选择要导入的 CSV 文件' }], '未收到文件');
    const bytes = await file.toBuffer();
    return importDivisions(context, bytes, file.filename);
  });
}
