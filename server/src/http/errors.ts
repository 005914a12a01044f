/** Every error the API can answer with; an unmapped code fails to compile. */
export const ERROR_STATUS = {
  validation_failed: 400,
  invalid_uscc: 400,
  weak_password: 400,
  role_conflict: 400,
  bad_cursor: 400,
  import_invalid: 400,
  invalid_search: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  session_expired: 401,
  csrf_invalid: 403,
  forbidden: 403,
  account_disabled: 403,
  not_found: 404,
  conflict: 409,
  uscc_exists: 409,
  uscc_unavailable: 409,
  username_exists: 409,
  version_conflict: 409,
  in_use: 409,
  insufficient_balance: 409,
  budget_exceeded: 409,
  cap_exceeded: 409,
  invalid_state: 409,
  policy_expired: 409,
  provider_unavailable: 409,
  registration_overdue: 409,
  auction_not_open: 409,
  bid_too_low: 409,
  call_closed: 409,
  objection_open: 409,
  notice_open: 409,
  notice_closed: 409,
  panel_unsatisfiable: 409,
  conflict_not_declared: 409,
  score_out_of_band: 400,
  factor_all_zero: 400,
  attachment_invalid: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  benchmark_unknown: 422,
  account_locked: 423,
  rate_limited: 429,
  internal: 500,
  not_ready: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldIssue {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.code = code;
    this.details = details ?? null;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what = '记录'): AppError => new AppError('not_found', `${what}不存在或无权访问`);
export const forbidden = (message = '无权执行此操作'): AppError => new AppError('forbidden', message);
export const fieldError = (field: string, message: string, code: ErrorCode = 'validation_failed'): AppError =>
  new AppError(code, message, { fields: [{ field, message }] satisfies FieldIssue[] });
