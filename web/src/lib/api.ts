import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './api-types';
import { initialLang, translate } from './i18n';

export type { paths };

/** Response body of a JSON operation, e.g. `ResponseOf<'/api/enterprises', 'get'>`. */
export type ResponseOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: { content: { 'application/json': infer B } } }
    ? B
    : R extends { 201: { content: { 'application/json': infer B } } }
      ? B
      : never
  : never;

/** JSON request body of an operation. */
export type BodyOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** Query parameters of an operation. */
export type QueryOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;

export interface FieldIssue {
  field: string;
  message: string;
}

export interface RowIssue {
  row: number;
  column: string;
  message: string;
}

/** An error answered by the API (`{error: {code, message, details}}`) or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details: unknown = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field-level problems (`details.fields`), to show on form items. */
  get fields(): FieldIssue[] {
    const d = this.details;
    if (d && typeof d === 'object' && 'fields' in d && Array.isArray(d.fields)) {
      return d.fields.filter(
        (f): f is FieldIssue => !!f && typeof f === 'object' && typeof f.field === 'string' && typeof f.message === 'string',
      );
    }
    return [];
  }

  /** Row-level problems of an import (`details.errors`). */
  get rows(): RowIssue[] {
    const d = this.details;
    if (d && typeof d === 'object' && 'errors' in d && Array.isArray(d.errors)) {
      return d.errors.filter(
        (e): e is RowIssue => !!e && typeof e === 'object' && typeof e.row === 'number' && typeof e.message === 'string',
      );
    }
    return [];
  }
}

function isErrorBody(v: unknown): v is { error: { code: string; message: string; details?: unknown } } {
  if (!v || typeof v !== 'object' || !('error' in v)) {
    return false;
  }
  const e = v.error;
  return !!e && typeof e === 'object' && 'code' in e && typeof e.code === 'string' && 'message' in e && typeof e.message === 'string';
}

export function toApiError(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) {
    return new ApiError(status, body.error.code, body.error.message, body.error.details ?? null);
  }
  if (status === 0) {
    return new ApiError(0, 'network', translate(initialLang(), 'common.networkFailed'));
  }
  return new ApiError(status, 'http_' + status, translate(initialLang(), 'common.httpFailed', { status }));
}

let csrfToken: string | null = null;

/** The session's CSRF token, from login or GET /api/auth/me; sent on every non-GET request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();

/** Called when the server says the session is gone (idle timeout, logout elsewhere, disabled). */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

export function notifyUnauthenticated(): void {
  unauthenticatedListeners.forEach((l) => l());
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    if (!SAFE_METHODS.has(request.method) && csrfToken) {
      request.headers.set('x-csrf-token', csrfToken);
    }
    request.headers.set('accept-language', apiLanguage());
    return request;
  },
  onResponse({ request, response }) {
    const path = new URL(request.url).pathname;
    if (response.status === 401 && path !== '/api/auth/login' && path !== '/api/auth/me') {
      notifyUnauthenticated();
    }
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(sessionMiddleware);

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Awaits an openapi-fetch call and returns its data, or throws an ApiError. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (err) {
    if (err instanceof ApiError) {
      throw err;
    }
    throw toApiError(0, null);
  }
  const { data, error, response } = result;
  if (error !== undefined || !response.ok) {
    throw toApiError(response.status, error);
  }
  return data as T;
}

/** Headers for hand-made requests (uploads, downloads) that openapi-fetch does not cover. */
export function sessionHeaders(method: string): Record<string, string> {
  const language = { 'accept-language': apiLanguage() };
  return !SAFE_METHODS.has(method.toUpperCase()) && csrfToken ? { ...language, 'x-csrf-token': csrfToken } : language;
}

/** The API names statuses, types and districts, and words its errors, in the language the user chose. */
function apiLanguage(): string {
  return initialLang() === 'en' ? 'en' : 'zh-CN';
}
