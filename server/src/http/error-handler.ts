import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, ERROR_STATUS, type ErrorCode, type FieldIssue } from './errors.js';

interface PgLikeError {
  code?: string;
  constraint_name?: string;
  constraint?: string;
}

function pgError(err: unknown): PgLikeError | undefined {
  let cur: unknown = err;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const c = cur as PgLikeError & { cause?: unknown };
    if (typeof c.code === 'string' && /^[0-9A-Z]{5}$/.test(c.code)) {
      return c;
    }
    cur = c.cause;
  }
  return undefined;
}

function body(code: ErrorCode, message: string, details: unknown = null) {
  return { error: { code, message, details } };
}

const FIELD_LABELS: Record<string, string> = {};

function zodIssueMessage(issue: { code?: string; message: string; path?: PropertyKey[] }): string {
  // zod's default English messages are replaced by Chinese ones for the common cases.
  switch (issue.code) {
    case 'invalid_type':
      return issue.message.includes('received undefined') ? '必填项' : '类型不正确';
    case 'too_small':
      return issue.message.startsWith('Too small') ? '取值过小或过短' : issue.message;
    case 'too_big':
      return issue.message.startsWith('Too big') ? '取值过大或过长' : issue.message;
    case 'invalid_format':
      return issue.message.startsWith('Invalid') ? '格式不正确' : issue.message;
    case 'invalid_value':
      return issue.message.startsWith('Invalid') ? '取值不在允许范围内' : issue.message;
    case 'unrecognized_keys':
      return '包含未知字段';
    default:
      return issue.message;
  }
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send(body('not_found', `接口不存在：${request.method} ${request.url.split('?')[0]}`));
  });

  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send(body(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields: FieldIssue[] = err.validation.map((v) => {
        const where = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const params = v.params as { issue?: { code?: string; message: string; path?: PropertyKey[] } };
        const msg = params.issue ? zodIssueMessage(params.issue) : v.message ?? '格式不正确';
        return { field: where || err.validationContext || 'body', message: FIELD_LABELS[where] ? `${FIELD_LABELS[where]}${msg}` : msg };
      });
      return reply.status(400).send(body('validation_failed', '请求参数有误，请检查标注的字段', { fields }));
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err }, 'response serialisation failed');
      return reply.status(500).send(body('internal', '服务器内部错误，请稍后重试'));
    }
    const pg = pgError(err);
    if (pg?.code === '23505') {
      return reply.status(409).send(body('conflict', '记录已存在（唯一性冲突）'));
    }
    if (pg?.code === '23503') {
      return reply.status(409).send(body('in_use', '关联记录不存在或仍被引用'));
    }
    if (pg?.code === '22P02' || pg?.code === '22003' || pg?.code === '22007' || pg?.code === '22008') {
      return reply.status(400).send(body('validation_failed', '参数格式不正确'));
    }
    const status = err.statusCode ?? 500;
    if (status === 413 || err.code === 'FST_REQ_FILE_TOO_LARGE' || err.code === 'FST_PARTS_LIMIT') {
      return reply.status(413).send(body('payload_too_large', '上传内容过大'));
    }
    if (status === 415 || err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send(body('unsupported_media_type', '不支持的内容类型'));
    }
    if (status === 429) {
      return reply.status(429).send(body('rate_limited', '请求过于频繁，请稍后再试'));
    }
    if (status >= 400 && status < 500) {
      const code: ErrorCode = status === 404 ? 'not_found' : 'validation_failed';
      return reply.status(status in ERROR_STATUS ? status : status).send(body(code, '请求格式不正确'));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body('internal', '服务器内部错误，请稍后重试'));
  });
}
