import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app.js';
import { AppError, invalid } from '../../http/app-error.js';
import { contextOf } from '../../http/context.js';
import { sendXlsx } from '../../http/xlsx.js';
import { keyParams, recordsQuery } from './ledgers.schemas.js';
import { ledgerImport } from '../../../core/contracts/ledgers.js';
import { exportRecordsXlsx } from './ledger-excel-export.service.js';
import { importTemplate } from './ledger-excel-template.service.js';
import { commitImport, importStatus, importView, INLINE_BYTES, startImport } from './ledger-import.service.js';

const importParams = keyParams.extend({ id: z.uuid('导入任务编号不正确') });

export async function ledgerExcelRoutes(scope: FastifyInstance, { database, config }: AppDeps) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: Parameters<typeof contextOf>[0]) => contextOf(request, database.db);
  const tags = ['台账 Excel'];
  const megabytes = (config.importMaxBytes / 1024 / 1024).toFixed(config.importMaxBytes % (1024 * 1024) ? 1 : 0);

  app.get('/api/ledgers/:key/template.xlsx', { schema: { params: keyParams, tags } }, async (req, reply) => {
    const { fileName, buffer } = await importTemplate(ctx(req), req.params.key, config.importMaxRows);
    return sendXlsx(reply, fileName, buffer);
  });

  app.get('/api/ledgers/:key/records.xlsx', { schema: { params: keyParams, querystring: recordsQuery, tags } }, async (req, reply) => {
    const { fileName, buffer } = await exportRecordsXlsx(ctx(req), req.params.key, req.query, config.importMaxRows);
    return sendXlsx(reply, fileName, buffer);
  });

  const uploadSchema = { params: keyParams, response: { 200: ledgerImport, 202: ledgerImport }, tags };
  app.post('/api/ledgers/:key/imports', { schema: uploadSchema }, async (req, reply) => {
    const context = ctx(req);
    const file = req.isMultipart() ? await req.file({ limits: { fileSize: config.importMaxBytes, files: 1 } }) : undefined;
    if (!file) throw invalid([{ field: 'file', message: '请选择要导入的 .xlsx 或 .csv 文件' }], '未收到文件');
    let bytes: Buffer;
    try {
      bytes = await file.toBuffer();
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
        throw new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${megabytes} MB 的上限，请拆分成多个文件导入`, [
          { field: 'file', message: `文件不能超过 ${megabytes} MB` },
        ]);
      }
      throw error;
    }
    const { job } = await startImport(context, req.params.key, file.filename, bytes, { maxRows: config.importMaxRows, inlineBytes: INLINE_BYTES });
    // Still parsing in the background: 202, and the client follows GET .../imports/:id.
    reply.status(job.phase === 'parsing' || job.phase === 'validating' ? 202 : 200);
    return importView(job);
  });

  app.get('/api/ledgers/:key/imports/:id', { schema: { params: importParams, response: { 200: ledgerImport }, tags } }, (req) =>
    importStatus(ctx(req), req.params.key, req.params.id),
  );

  app.post('/api/ledgers/:key/imports/:id/commit', { schema: { params: importParams, response: { 200: ledgerImport }, tags } }, (req) =>
    commitImport(ctx(req), req.params.key, req.params.id),
  );
}
