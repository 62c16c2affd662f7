// Every request's query, path parameters and JSON body are refused, before any route sees them, when a text holds
// a character no stored text may hold (src/core/safe-text.ts): a NUL once made nine write paths answer 500, and a
// U+FFFF made every later export unreadable.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { unsafeTextPath, withoutUnsafeCharacters } from '../../core/safe-text.js';
import { sendProblem } from './problem.js';

export async function refuseUnsafeText(request: FastifyRequest, reply: FastifyReply) {
  const parts: [string, unknown][] = [
    ['query', request.query],
    ['params', request.params],
    ['body', request.body],
  ];
  for (const [part, value] of parts) {
    const path = unsafeTextPath(value);
    if (path === null) continue;
    return sendProblem(reply, 'VALIDATION', 400, '输入中含有不允许的字符（空字符、控制字符或无效的 Unicode 字符），请删除后重试', [
      { field: withoutUnsafeCharacters(path) || part, message: '含有不允许的字符' },
    ]);
  }
}
