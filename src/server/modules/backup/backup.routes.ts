import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { contextOf } from '../../http/context.js';
import { downloadBackup } from './backup.service.js';

export async function backupRoutes(scope: FastifyInstance, deps: AppDeps) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  // POST: each download makes a new backup and an audit entry.
  app.post(
    '/api/system/backups',
    { schema: { tags: ['系统'], summary: '生成并下载数据库备份（镇领导，且只在其范围覆盖全部乡镇时）' } },
    async (req, reply) => {
      const backup = await downloadBackup(contextOf(req, deps.database.db), deps);
      reply
        .header('content-type', backup.kind === 'pglite' ? 'application/gzip' : 'application/octet-stream')
        .header('content-disposition', `attachment; filename="${backup.fileName}"`)
        .header('content-length', backup.size)
        .header('x-zhenwu-backup-kind', backup.kind);
      if (Buffer.isBuffer(backup.content)) return reply.send(backup.content);
      const stream = fs.createReadStream(backup.content.path);
      stream.on('close', backup.dispose);
      return reply.send(stream);
    },
  );
}
