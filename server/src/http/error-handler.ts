import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type FieldIssue } from './errors.js';

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

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '布尔值（true/false）',
  array: '数组',
  object: '对象',
  date: '日期',
  null: '空值',
};

const sizeUnit = (origin: unknown) => (origin === 'string' ? '个字符' : origin === 'array' || origin === 'set' ? '项' : '');

/**
 * Chinese messages for zod's built-in checks. Installed as zod's global error map, so it answers
 * for every schema without its own message: request validation and Excel rows alike.
 */
export const zodIssueMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) {
        return '必填项';
      }
      return issue.expected === 'int' ? '应为整数' : `类型不正确，应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small': {
      const unit = sizeUnit(issue.origin);
      if (unit) {
        return Number(issue.minimum) <= 1 ? '不能为空' : `至少${issue.minimum}${unit}`;
      }
      return issue.inclusive ? `不能小于${issue.minimum}` : `应大于${issue.minimum}`;
    }
    case 'too_big': {
      const unit = sizeUnit(issue.origin);
      if (unit) {
        return `不能超过${issue.maximum}${unit}`;
      }
      return issue.inclusive ? `不能大于${issue.maximum}` : `应小于${issue.maximum}`;
    }
    case 'invalid_format':
      return '格式不正确';
    case 'invalid_value':
      return issue.values.length <= 12 ? `取值应为：${issue.values.map(String).join('、')}` : '取值不在允许范围内';
    case 'unrecognized_keys':
      return `包含未知字段：${issue.keys.join('、')}`;
    case 'not_multiple_of':
      return `应为${String(issue.divisor)}的倍数`;
    default:
      return '格式不正确';
  }
};

/** Route validation messages come from zod; anything still in plain ASCII (English) gets a generic Chinese one. */
const chinese = (message: string | undefined) => (!message || /^[\x20-\x7e]*$/.test(message) ? '格式不正确' : message);

/** Unique constraints that have a specific code and field, so a lost race answers like the pre-check does. */
const UNIQUE_CONSTRAINTS: Record<string, { code: ErrorCode; field: string; message: string }> = {
  enterprises_uscc_unique: { code: 'uscc_exists', field: 'uscc', message: '该统一社会信用代码已存在' },
  users_username_unique: { code: 'username_exists', field: 'username', message: '用户名已存在' },
  districts_code_unique: { code: 'conflict', field: 'code', message: '行政区划代码已存在' },
  districts_name_unique: { code: 'conflict', field: 'name', message: '区县名称已存在' },
};

/** Errors Fastify raises before routing (a malformed URL, an oversized path parameter): same envelope as everything else. */
export function frameworkErrorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (err.code === 'FST_ERR_BAD_URL' || err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void reply.status(err.statusCode ?? 400).send(body('validation_failed', '请求地址格式不正确或参数过长'));
    return;
  }
  request.log.error({ err }, 'framework error');
  void reply.status(500).send(body('internal', '服务器内部错误，请稍后重试'));
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (raw non-ASCII in the URL, a broken
 * request line or header): our JSON envelope, not Node's or Fastify's default body.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const payload = JSON.stringify(body('validation_failed', '请求格式不正确：请求行或请求头无法解析（地址中的中文等字符须经 URL 编码）'));
  socket.end(
    `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(payload)}\r\nConnection: close\r\n\r\n${payload}`,
  );
}

export function registerErrorHandler(app: FastifyInstance): void {
  z.config({ customError: zodIssueMessage });
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
        return { field: where || err.validationContext || 'body', message: chinese(v.message) };
      });
      return reply.status(400).send(body('validation_failed', '请求参数有误，请检查标注的字段', { fields }));
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err }, 'response serialisation failed');
      return reply.status(500).send(body('internal', '服务器内部错误，请稍后重试'));
    }
    const pg = pgError(err);
    if (pg?.code === '23505') {
      const known = UNIQUE_CONSTRAINTS[pg.constraint_name ?? pg.constraint ?? ''];
      if (known) {
        return reply.status(409).send(body(known.code, known.message, { fields: [{ field: known.field, message: known.message }] }));
      }
      return reply.status(409).send(body('conflict', '记录已存在（唯一性冲突）'));
    }
    if (pg?.code === '23503') {
      return reply.status(409).send(body('in_use', '关联记录不存在或仍被引用'));
    }
    // Class 22 is "data exception": the input itself is unacceptable (out of range, NUL byte, bad date...).
    if (pg?.code?.startsWith('22')) {
      return reply.status(400).send(body('validation_failed', '参数格式不正确或超出范围'));
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
      return reply.status(status).send(body(code, '请求格式不正确'));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body('internal', '服务器内部错误，请稍后重试'));
  });
}
