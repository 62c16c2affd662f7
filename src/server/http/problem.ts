// Every error leaves the server as application/problem+json with a Chinese detail.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERROR_TITLES, type ErrorCode, type FieldError } from './app-error.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';

/** Seconds a client is asked to wait before trying again while the database is unreachable. */
const RETRY_AFTER_SECONDS = 5;

export function sendProblem(
  reply: FastifyReply,
  code: ErrorCode,
  status: number,
  detail: string,
  errors?: FieldError[],
  extra?: Record<string, unknown>,
) {
  return reply
    .status(status)
    .type('application/problem+json')
    .send({ ...extra, type: 'about:blank', title: ERROR_TITLES[code], status, code, detail, ...(errors ? { errors } : {}) });
}

/** What busboy (under @fastify/multipart) says of a malformed multipart body. */
const MULTIPART_PARSE_ERROR = /multipart|boundary|part header|malformed/i;

export function problemHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) return sendProblem(reply, error.code, error.status, error.detail, error.errors, error.extra);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((v) => ({
      field: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || error.validationContext || 'body',
      message: v.message ?? '格式不正确',
    }));
    return sendProblem(reply, 'VALIDATION', 400, '请检查以下字段', errors);
  }
  // A unique index caught a duplicate that a concurrent request slipped past the service's own check.
  if ((error as { cause?: { code?: string } }).cause?.code === '23505') return sendProblem(reply, 'CONFLICT', 409, '数据重复，请刷新后重试');
  if (error.statusCode === 429) return sendProblem(reply, 'RATE_LIMITED', 429, '请求过于频繁，请稍后再试');
  if (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.statusCode === 413) {
    return sendProblem(reply, 'PAYLOAD_TOO_LARGE', 413, '上传的文件超过大小限制');
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.statusCode === 415) {
    return sendProblem(reply, 'UNSUPPORTED_MEDIA_TYPE', 415, '不支持的请求格式');
  }
  // A multipart body cut short or with broken part headers: busboy's plain Errors, the sender's fault. Read from the
  // header, not request.isMultipart(): the handler also serves apps built without the multipart plugin.
  if (/^multipart\//i.test(request.headers['content-type'] ?? '') && MULTIPART_PARSE_ERROR.test(error.message)) {
    return sendProblem(reply, 'VALIDATION', 400, '上传的内容不完整或格式不正确，请重新选择文件上传', [{ field: 'file', message: '文件内容不完整' }]);
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return sendProblem(reply, 'VALIDATION', error.statusCode, '请求格式不正确');
  }
  // The database restarting or out of reach: the request may succeed in a moment, so 503, not 500.
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    return sendProblem(reply, 'DATABASE_UNAVAILABLE', 503, '数据库暂时无法访问，请稍后再试');
  }
  request.log.error(error);
  return sendProblem(reply, 'INTERNAL', 500, '服务器内部错误，请稍后再试或联系管理员');
}

/**
 * A request Node's HTTP parser could not read (a Content-Length that lies, a broken header): answered as every
 * other refusal, problem+json in Chinese, instead of Fastify's English default. (Fastify's clientErrorHandler.)
 */
export function clientProblem(error: NodeJS.ErrnoException, socket: Socket) {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const detail = status === 408 ? '请求超时，请重试' : status === 431 ? '请求头过大' : '请求报文无法解析（长度或格式不正确），请重试';
  const body = JSON.stringify({ type: 'about:blank', title: ERROR_TITLES.VALIDATION, status, code: 'VALIDATION', detail });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
