import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app.js';
import { invalid } from '../../http/app-error.js';
import { contextOf } from '../../http/context.js';
import * as c from '../../../core/contracts/attachments.js';
import { ATTACHMENT_MAX_BYTES, readAttachment, saveAttachment } from './attachments.service.js';

const idParams = z.object({ id: z.string().regex(/^[0-9a-f-]{36}$/, '附件编号不正确') });

export async function attachmentsRoutes(scope: FastifyInstance, { database }: AppDeps) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const tags = ['附件'];

  app.post('/api/attachments', { schema: { response: { 201: c.attachment }, tags } }, async (req, reply) => {
    const ctx = contextOf(req, database.db);
    const file = req.isMultipart() ? await req.file({ limits: { fileSize: ATTACHMENT_MAX_BYTES + 1 } }) : undefined;
    if (!file) throw invalid([{ field: 'file', message: '请选择要上传的文件' }], '未收到文件');
    const content = await file.toBuffer();
    reply.status(201);
    return saveAttachment(ctx, file.filename, content);
  });

  app.get('/api/attachments/:id', { schema: { params: idParams, tags } }, async (req, reply) => {
    const row = await readAttachment(contextOf(req, database.db), req.params.id);
    return reply
      .header('content-type', row.mimeType)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(row.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .send(row.content);
  });
}
