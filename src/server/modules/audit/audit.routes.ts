import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { contextOf } from '../../http/context.js';
import { exportAudit, readAudit } from './audit-read.service.js';
import { sendXlsx } from '../../http/xlsx.js';
import * as c from '../../../core/contracts/audit.js';
import { auditFilterQuery, auditListQuery } from '../../../core/contracts/audit-requests.js';

const filterQuery = auditFilterQuery;
const listQuery = auditListQuery;

export async function auditRoutes(scope: FastifyInstance, { database }: AppDeps) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const tags = ['审计日志'];
  app.get('/api/audit', { schema: { querystring: listQuery, response: { 200: c.auditPage }, tags } }, (req) => {
    const { page, pageSize, ...filter } = req.query;
    return readAudit(contextOf(req, database.db), filter, page, pageSize);
  });
  app.get('/api/audit/export', { schema: { querystring: filterQuery, tags } }, async (req, reply) => {
    const buffer = await exportAudit(contextOf(req, database.db), req.query);
    return sendXlsx(reply, '审计日志.xlsx', buffer);
  });
}
