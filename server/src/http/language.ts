import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ErrorCode } from './errors.js';

/**
 * The API speaks Chinese; a client that asks for English (`Accept-Language: en…` as its first choice)
 * gets the names the server gives — statuses, types, actions, districts (`statusName`, `typeName`,
 * `name`, `next`…) — and its error messages in English. The Chinese strings are the message ids (as in
 * gettext): modules keep producing Chinese, and the English is looked up at the edge, so a name without
 * an English entry stays Chinese rather than breaking (the catalogue's test lists what the server can
 * produce). Chinese answers pass untouched, at no cost.
 */
export type ApiLang = 'zh' | 'en';

/** The first language the client prefers: English when it is `en` or `en-…`, Chinese otherwise. */
export function preferredLang(header: string | string[] | undefined): ApiLang {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value || !/en/i.test(value)) {
    return 'zh';
  }
  const first = value
    ?.split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((p) => p.tag && p.q > 0)
    .sort((a, b) => b.q - a.q)[0];
  return first && (first.tag === 'en' || first.tag.startsWith('en-')) ? 'en' : 'zh';
}

/**
 * Keys whose string values are names the server derives (`statusName`, `districtName`, `actorLabel`, a
 * status's `next` step, a list of them as `categoryNames`…), and the `name` of a case action (`{ action, name }`). A bare `name` or `label`
 * is not translated: it is often a record's own field that an edit form sends back (a district's name, a
 * programme's score items), and an English copy would be saved over the Chinese.
 */
const NAME_KEY = /^(?:next|toStatus)$|[a-z](?:Name|Label)s?$/;
const CJK = /[\u3400-\u9fff]/;

/** What an error says in English when its own message has no English entry. */
export const ERROR_MESSAGES_EN: Record<ErrorCode, string> = {
  validation_failed: 'The request is not valid: check the marked fields',
  invalid_uscc: 'The unified social credit code is not valid',
  weak_password: 'The password is too weak',
  role_conflict: 'These roles may not be held together',
  bad_cursor: 'The page cursor is not valid; reload the list',
  import_invalid: 'The file cannot be imported',
  invalid_search: 'The search terms are not valid',
  unauthenticated: 'Please sign in',
  invalid_credentials: 'Wrong username or password',
  session_expired: 'Your session has expired; please sign in again',
  csrf_invalid: 'The page is out of date; reload it and try again',
  forbidden: 'You are not allowed to do this',
  account_disabled: 'This account is disabled',
  not_found: 'The record does not exist or you may not see it',
  conflict: 'This conflicts with an existing record',
  uscc_exists: 'An enterprise with this unified social credit code already exists',
  uscc_unavailable: 'This unified social credit code cannot be used',
  username_exists: 'The username is taken',
  version_conflict: 'Someone else changed this record; refresh and try again',
  in_use: 'The record is still referenced or a linked record is missing',
  insufficient_balance: 'The balance is not enough',
  budget_exceeded: 'This exceeds the budget',
  cap_exceeded: 'This exceeds the cap',
  invalid_state: 'This action is not possible in the record’s current status',
  policy_expired: 'The policy has expired',
  provider_unavailable: 'The service provider cannot take bookings now',
  registration_overdue: 'The registration deadline has passed',
  auction_not_open: 'The auction is not open',
  bid_too_low: 'The bid is too low',
  call_closed: 'The call for applications is closed',
  objection_open: 'An objection is still open',
  notice_open: 'The public notice period has not ended',
  notice_closed: 'The public notice period has ended',
  panel_unsatisfiable: 'Not enough eligible experts to form the panel',
  conflict_not_declared: 'Declare that you have no conflict of interest before viewing the application',
  score_out_of_band: 'The score is outside the allowed band',
  factor_all_zero: 'At least one factor must be above zero',
  attachment_invalid: 'The attachment is not valid',
  payload_too_large: 'The upload is too large',
  unsupported_media_type: 'This file type is not supported',
  idempotency_key_reused: 'This request key was already used for a different request',
  benchmark_unknown: 'Unknown benchmark',
  account_locked: 'The account is locked for a while after failed sign-ins',
  rate_limited: 'Too many requests; please try again later',
  internal: 'Internal server error; please try again later',
  not_ready: 'The service is starting; please try again shortly',
};

const TYPE_EN: Record<string, string> = { 文本: 'text', 数字: 'a number', 整数: 'an integer', '布尔值（true/false）': 'true or false', 数组: 'a list', 对象: 'an object', 日期: 'a date', 空值: 'null' };
const UNIT_EN: Record<string, string> = { 个字符: ' characters', 项: ' items', '': '' };

/** The validation messages of `error-handler.ts zodIssueMessage`, in English. */
const VALIDATION_EN: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^必填项$/, () => 'Required'],
  [/^应为整数$/, () => 'Must be an integer'],
  [/^类型不正确，应为(.+)$/, (m) => `Wrong type: must be ${TYPE_EN[m[1]] ?? m[1]}`],
  [/^不能为空$/, () => 'Must not be empty'],
  [/^至少(\S+?)(个字符|项)$/, (m) => `At least ${m[1]}${UNIT_EN[m[2]]}`],
  [/^不能超过(\S+?)(个字符|项)$/, (m) => `At most ${m[1]}${UNIT_EN[m[2]]}`],
  [/^不能小于(\S+)$/, (m) => `Must not be less than ${m[1]}`],
  [/^应大于(\S+)$/, (m) => `Must be greater than ${m[1]}`],
  [/^不能大于(\S+)$/, (m) => `Must not be greater than ${m[1]}`],
  [/^应小于(\S+)$/, (m) => `Must be less than ${m[1]}`],
  [/^格式不正确$/, () => 'Invalid format'],
  [/^取值应为：(.+)$/, (m) => `Must be one of: ${m[1].split('、').join(', ')}`],
  [/^取值不在允许范围内$/, () => 'Value not allowed'],
  [/^包含未知字段：(.+)$/, (m) => `Unknown field(s): ${m[1].split('、').join(', ')}`],
  [/^应为(\S+)的倍数$/, (m) => `Must be a multiple of ${m[1]}`],
];

/**
 * The modules' own field messages name their field first (`企业名称至少2个字`, `请填写退出日期`); on the
 * field, its English label is already shown, so the English says only what is wrong.
 */
const FIELD_EN: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^请(?:填写|选择|上传)/, () => 'Required'],
  [/(?:必填|为必填项)$/, () => 'Required'],
  [/(?:不超过|最多)(\d+)个?字(?:符)?$/, (m) => `At most ${m[1]} characters`],
  [/至少(\d+)个?字(?:符)?$/, (m) => `At least ${m[1]} characters`],
  [/最多(?:保留)?两位小数$/, () => 'At most two decimal places'],
  [/只能为整数或一位小数$/, () => 'A whole number or one decimal place'],
  [/不能为负数?$/, () => 'Must not be negative'],
  [/须大于0$/, () => 'Must be greater than 0'],
  [/不能小于(\d+)元$/, (m) => `Must be at least ${m[1]} yuan`],
  [/(?:须|应)为有限数字$/, () => 'Must be a finite number'],
  [/(?:须|应)为整数$/, () => 'Must be a whole number'],
  [/(?:须|应)为数字（元）$/, () => 'Must be an amount in yuan'],
  [/(?:须|应)为数字$/, () => 'Must be a number'],
  [/(?:须|应)为文字$/, () => 'Must be text'],
  [/格式应为 YYYY-MM-DD$/, () => 'Must be a date (YYYY-MM-DD)'],
  [/应在(\S+)至(\S+)之间$/, (m) => `Must be between ${m[1]} and ${m[2]}`],
  [/不超过(\d+)$/, (m) => `Must not exceed ${m[1]}`],
  [/(?:过大|超出范围)$/, () => 'Out of range'],
  [/过长$/, () => 'Too long'],
  [/格式(?:或校验位)?不正确$/, () => 'Invalid format'],
  [/校验位错误/, () => 'Wrong check digit'],
  [/不存在$/, () => 'Not found'],
  [/无效$/, () => 'Invalid'],
];

export class Translator {
  constructor(private readonly names: Readonly<Record<string, string>>) {}

  name(value: string): string {
    return this.names[value] ?? value;
  }

  /** A message: the catalogue, then zod's validation messages; otherwise as it was. */
  message(value: string): string {
    return this.names[value] ?? this.templated(value, VALIDATION_EN) ?? value;
  }

  /** A field's message: as `message`, then the modules' field templates; what is still Chinese, in general words. */
  fieldMessage(value: string): string {
    const oneOf = /^.*?应为：(.+)$/.exec(value);
    if (oneOf) {
      return `Must be one of: ${oneOf[1].split('、').map((v) => this.name(v)).join(', ')}`;
    }
    const english = this.names[value] ?? this.templated(value, VALIDATION_EN) ?? this.templated(value, FIELD_EN) ?? value;
    return CJK.test(english) ? 'Invalid value' : english;
  }

  private templated(value: string, templates: [RegExp, (m: RegExpExecArray) => string][]): string | undefined {
    for (const [pattern, english] of templates) {
      const m = pattern.exec(value);
      if (m) {
        return english(m);
      }
    }
    return undefined;
  }

  /** A response body with its names in English; the original objects are never changed (they may be cached). */
  payload(value: unknown): unknown {
    if (isErrorBody(value)) {
      return { ...value, error: this.error(value.error) };
    }
    return this.walk(value, false);
  }

  private error(error: ErrorBody['error']): ErrorBody['error'] {
    const message = this.message(error.message);
    const details = this.walk(error.details, false) as Record<string, unknown> | null;
    const fields = details && Array.isArray(details.fields) ? (details.fields as { field: string; message: string }[]) : null;
    return {
      ...error,
      message: CJK.test(message) ? (ERROR_MESSAGES_EN[error.code as ErrorCode] ?? message) : message,
      details: fields ? { ...details, fields: fields.map((f) => ({ ...f, message: this.fieldMessage(f.message) })) } : details,
    };
  }

  private walk(value: unknown, isName: boolean): unknown {
    if (typeof value === 'string') {
      return isName ? this.name(value) : value;
    }
    if (Array.isArray(value)) {
      let out: unknown[] | null = null;
      for (let i = 0; i < value.length; i++) {
        const next = this.walk(value[i], isName);
        if (next !== value[i]) {
          out ??= value.slice();
          out[i] = next;
        }
      }
      return out ?? value;
    }
    if (value === null || typeof value !== 'object' || value instanceof Date || Buffer.isBuffer(value)) {
      return value;
    }
    let out: Record<string, unknown> | null = null;
    const isAction = typeof (value as { action?: unknown }).action === 'string';
    for (const [key, v] of Object.entries(value)) {
      const next = this.walk(v, NAME_KEY.test(key) || (isAction && key === 'name'));
      if (next !== v) {
        out ??= { ...(value as Record<string, unknown>) };
        out[key] = next;
      }
    }
    return out ?? value;
  }
}

interface ErrorBody {
  error: { code: string; message: string; details: unknown };
}

function isErrorBody(value: unknown): value is ErrorBody {
  const e = (value as Partial<ErrorBody> | null)?.error;
  return typeof e === 'object' && e !== null && typeof e.code === 'string' && typeof e.message === 'string';
}

declare module 'fastify' {
  interface FastifyRequest {
    /** the language of the answer (`Accept-Language`) */
    lang: ApiLang;
  }
}

/** Answers in the client's language: register before the routes (the hook applies to routes registered after it). */
export function registerLanguage(app: FastifyInstance, names: Readonly<Record<string, string>>): void {
  const english = new Translator(names);
  app.decorateRequest('lang', 'zh');
  // callback hooks, not async ones: no promise per request on the hot path
  app.addHook('onRequest', (request: FastifyRequest, reply, done) => {
    request.lang = preferredLang(request.headers['accept-language']);
    if (request.url.startsWith('/api/')) {
      void reply.header('vary', 'Accept-Language');
    }
    done();
  });
  app.addHook('preSerialization', (request: FastifyRequest, _reply, payload: unknown, done) => {
    if (request.lang !== 'en' || payload === null || typeof payload !== 'object') {
      done(null, payload);
      return;
    }
    let translated: unknown;
    try {
      translated = english.payload(payload);
    } catch (err) {
      done(err as Error);
      return;
    }
    done(null, translated);
  });
}
