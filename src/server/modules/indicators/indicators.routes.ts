import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { AppError, invalid } from '../../http/app-error.js';
import { contextOf } from '../../http/context.js';
import { sendXlsx } from '../../http/xlsx.js';
import * as s from './indicators.schemas.js';
import * as c from '../../../core/contracts/indicators.js';
import {
  createIndicator,
  deleteIndicator,
  getIndicator,
  listIndicators,
  previewIndicator,
  updateIndicator,
} from './indicator-definitions.service.js';
import { explainValue, explainXlsx } from './indicator-explain.service.js';
import { installIndicatorLibrary, listIndicatorLibrary } from './indicator-library.service.js';
import { getTargets, importTargets, saveTargets, targetTemplate } from './indicator-targets.service.js';
import { indicatorValues } from './indicator-values.service.js';

export async function indicatorsRoutes(scope: FastifyInstance, { database, config }: AppDeps) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: Parameters<typeof contextOf>[0]) => contextOf(request, database.db);
  const tags = ['指标'];

  app.get('/api/indicators', { schema: { response: { 200: c.indicatorList }, tags } }, (req) => listIndicators(ctx(req)));
  app.post('/api/indicators', { schema: { body: s.createIndicatorBody, response: { 201: c.indicator }, tags } }, async (req, reply) => {
    reply.status(201);
    return createIndicator(ctx(req), req.body);
  });
  app.get('/api/indicator-library', { schema: { response: { 200: c.indicatorLibrary }, tags } }, (req) => listIndicatorLibrary(ctx(req)));
  app.post('/api/indicator-library/install', { schema: { body: s.installLibraryBody, response: { 200: c.indicatorsInstalled }, tags } }, (req) =>
    installIndicatorLibrary(ctx(req), req.body.keys),
  );
  app.post('/api/indicators/preview', { schema: { body: s.previewBody, response: { 200: c.indicatorPreview }, tags } }, (req) =>
    previewIndicator(ctx(req), req.body),
  );
  // Before /:key, so that "values" is not read as an indicator key.
  app.get('/api/indicators/values', { schema: { querystring: s.valuesQuery, response: { 200: c.valuesAnswer }, tags } }, (req) =>
    indicatorValues(ctx(req), req.query),
  );
  app.get('/api/indicators/:key', { schema: { params: s.keyParams, response: { 200: c.indicator }, tags } }, (req) =>
    getIndicator(ctx(req), req.params.key),
  );
  app.put('/api/indicators/:key', { schema: { params: s.keyParams, body: s.updateIndicatorBody, response: { 200: c.indicator }, tags } }, (req) =>
    updateIndicator(ctx(req), req.params.key, req.body),
  );
  app.delete('/api/indicators/:key', { schema: { params: s.keyParams, tags } }, async (req, reply) => {
    await deleteIndicator(ctx(req), req.params.key);
    return reply.status(204).send();
  });

  app.get(
    '/api/indicators/:key/explain',
    { schema: { params: s.keyParams, querystring: s.explainQuery, response: { 200: c.explanation }, tags } },
    (req) => explainValue(ctx(req), req.params.key, req.query),
  );
  app.get('/api/indicators/:key/explain.xlsx', { schema: { params: s.keyParams, querystring: s.explainQuery, tags } }, async (req, reply) => {
    const { fileName, buffer } = await explainXlsx(ctx(req), req.params.key, req.query);
    return sendXlsx(reply, fileName, buffer);
  });

  app.get(
    '/api/indicators/:key/targets',
    { schema: { params: s.keyParams, querystring: s.targetsQuery, response: { 200: c.targetTable }, tags } },
    (req) => getTargets(ctx(req), req.params.key, req.query.period),
  );
  app.put(
    '/api/indicators/:key/targets/:period',
    { schema: { params: s.periodParams, body: s.targetsBody, response: { 200: c.targetTable }, tags } },
    (req) => saveTargets(ctx(req), req.params.key, req.params.period, req.body.items),
  );
  app.get('/api/indicators/:key/targets/:period/template.xlsx', { schema: { params: s.periodParams, tags } }, async (req, reply) => {
    const { fileName, buffer } = await targetTemplate(ctx(req), req.params.key, req.params.period);
    return sendXlsx(reply, fileName, buffer);
  });
  const importSchema = { params: s.periodParams, response: { 200: c.targetTable }, tags };
  app.post('/api/indicators/:key/targets/:period/import', { schema: importSchema }, async (req) => {
    const context = ctx(req);
    const file = req.isMultipart() ? await req.file({ limits: { fileSize: config.importMaxBytes, files: 1 } }) : undefined;
    if (!file) throw invalid([{ field: 'file', message: '请选择要导入的 .xlsx 文件' }], '未收到文件');
    let bytes: Buffer;
    try {
      bytes = await file.toBuffer();
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PAYLOAD_TOO_LARGE', '文件过大');
      throw error;
    }
    return importTargets(context, req.params.key, req.params.period, file.filename, bytes);
  });
}
