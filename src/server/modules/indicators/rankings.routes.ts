import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { contextOf } from '../../http/context.js';
import { sendXlsx } from '../../http/xlsx.js';
import * as s from './indicators.schemas.js';
import * as c from '../../../core/contracts/indicators.js';
import { createQualityRule, deleteQualityRule, listQualityRules, qualityViolations, updateQualityRule } from './quality-rules.service.js';
import { createRanking, deleteRanking, listRankings, rankingBoard, rankingBoardXlsx, updateRanking } from './rankings.service.js';

export async function rankingsRoutes(scope: FastifyInstance, { database }: AppDeps) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: Parameters<typeof contextOf>[0]) => contextOf(request, database.db);
  const tags = ['排行榜与数据质量'];

  app.get('/api/rankings', { schema: { response: { 200: c.rankingList }, tags } }, (req) => listRankings(ctx(req)));
  app.post('/api/rankings', { schema: { body: s.createRankingBody, response: { 201: c.ranking }, tags } }, async (req, reply) => {
    reply.status(201);
    return createRanking(ctx(req), req.body);
  });
  app.put('/api/rankings/:key', { schema: { params: s.keyParams, body: s.updateRankingBody, response: { 200: c.ranking }, tags } }, (req) =>
    updateRanking(ctx(req), req.params.key, req.body),
  );
  app.delete('/api/rankings/:key', { schema: { params: s.keyParams, tags } }, async (req, reply) => {
    await deleteRanking(ctx(req), req.params.key);
    return reply.status(204).send();
  });
  app.get('/api/rankings/:key/board', { schema: { params: s.keyParams, querystring: s.boardQuery, response: { 200: c.board }, tags } }, (req) =>
    rankingBoard(ctx(req), req.params.key, req.query),
  );
  app.get('/api/rankings/:key/board.xlsx', { schema: { params: s.keyParams, querystring: s.boardQuery, tags } }, async (req, reply) => {
    const { fileName, buffer } = await rankingBoardXlsx(ctx(req), req.params.key, req.query);
    return sendXlsx(reply, fileName, buffer);
  });

  app.get('/api/quality-rules', { schema: { response: { 200: c.qualityRuleList }, tags } }, (req) => listQualityRules(ctx(req)));
  app.post('/api/quality-rules', { schema: { body: s.qualityRuleBody, response: { 201: c.qualityRule }, tags } }, async (req, reply) => {
    reply.status(201);
    return createQualityRule(ctx(req), req.body);
  });
  app.put('/api/quality-rules/:id', { schema: { params: s.idParams, body: s.qualityRuleBody, response: { 200: c.qualityRule }, tags } }, (req) =>
    updateQualityRule(ctx(req), req.params.id, req.body),
  );
  app.delete('/api/quality-rules/:id', { schema: { params: s.idParams, tags } }, async (req, reply) => {
    await deleteQualityRule(ctx(req), req.params.id);
    return reply.status(204).send();
  });
  app.get('/api/quality-rules/violations', { schema: { querystring: s.boardQuery, response: { 200: c.violations }, tags } }, (req) =>
    qualityViolations(ctx(req), req.query),
  );
}
