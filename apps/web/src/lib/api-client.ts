import {
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  type TAuthSession,
  type TProblem,
  ZAuthSession,
  ZProblem,
} from '@waymark/rubric';
import { z } from 'zod';
import { endSession, getAccessToken, getSession, mayHaveSession, startSession } from './session';

/**
 * The one way the web app talks to the API: JSON in and out (or a raw body in, such as a CSV
 * file), every response validated against the contract's zod schema, every failure thrown as an `ApiError` carrying RFC 9457 problem details —
 * the API's own when it sent them, otherwise ones made up here so that the UI has one shape to show.
 */

export const API_BASE = '/api/v1';

/** For routes that answer 204 (or whose body the caller does not need). */
export const ZNoContent = z.unknown();

export class ApiError extends Error {
  readonly problem: TProblem;

  constructor(problem: TProblem, options?: { cause?: unknown }) {
    super(problem.detail ?? problem.title, options);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Codes for failures that happen in the browser, not in the API. */
export const CLIENT_ERROR_CODES = {
  network: 'network_error',
  invalidResponse: 'invalid_response',
  unexpectedResponse: 'unexpected_response',
} as const;

/** A body sent as it is rather than as JSON: e.g. a file's own bytes, so the API can check them. */
export interface RawBody {
  content: Blob | string;
  /** The `Content-Type` header, e.g. `text/csv; charset=utf-8`. */
  contentType: string;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is, instead of `body` (give one or the other). */
  rawBody?: RawBody;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /**
   * Send the access token, and on a 401 refresh the session once and retry (default). Off for the
   * sign-in routes themselves, whose 401 means "wrong password", not "token expired".
   */
  auth?: boolean;
  /** Add the anti-CSRF header that the cookie-carrying auth routes require. */
  csrf?: boolean;
}

// By name, not `instanceof DOMException`: the error may come from another realm (a test's jsdom).
function isAbort(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && 'name' in error && error.name === 'AbortError'
  );
}

/** The body as JSON; undefined when it is empty or not JSON. */
export async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The API's problem details for a failed response, or made-up ones in the same shape. */
export function problemFromFailedResponse(response: Response, body: unknown): TProblem {
  const parsed = ZProblem.safeParse(body);
  if (parsed.success) return parsed.data;
  return {
    type: 'about:blank',
    title: response.statusText || 'Request failed',
    status: response.status,
    code: CLIENT_ERROR_CODES.unexpectedResponse,
    detail: `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
  };
}

function networkError(cause: unknown): ApiError {
  return new ApiError(
    {
      type: 'about:blank',
      title: 'Could not reach Waymark',
      status: 0,
      code: CLIENT_ERROR_CODES.network,
      detail: 'Check your internet connection, then try again.',
    },
    { cause },
  );
}

async function send(path: string, options: RequestOptions, token: string | null) {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const init: RequestInit = {
    method: options.method ?? 'GET',
    headers,
    credentials: 'same-origin',
  };
  if (options.signal) init.signal = options.signal;
  if (options.rawBody) {
    // A Blob or string can be sent again as it is when a 401 makes the request retry.
    headers['Content-Type'] = options.rawBody.contentType;
    init.body = options.rawBody.content;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.csrf) headers[CSRF_HEADER] = CSRF_HEADER_VALUE;
  try {
    return await fetch(`${API_BASE}${path}`, init);
  } catch (cause) {
    // An abort is React Query cancelling a stale request, not a failure to show.
    if (isAbort(cause)) throw cause;
    throw networkError(cause);
  }
}

function parseBody<TSchema extends z.ZodType>(
  schema: TSchema,
  body: unknown,
  status: number,
): z.output<TSchema> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new ApiError(
    {
      type: 'about:blank',
      title: 'Unexpected answer from the server',
      status,
      code: CLIENT_ERROR_CODES.invalidResponse,
      detail: 'The server sent data this version of the app does not understand. Reload the page.',
      issues: parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
        code: issue.code,
      })),
    },
    { cause: parsed.error },
  );
}

// ─── Session refresh ─────────────────────────────────────────────────────────────────────────

type RefreshOutcome = { ok: true; session: TAuthSession } | { ok: false; error: ApiError };

let refreshInFlight: Promise<RefreshOutcome> | null = null;

async function requestRefresh(): Promise<RefreshOutcome> {
  try {
    const response = await send('/auth/refresh', { method: 'POST', csrf: true }, null);
    const body = await readJson(response);
    if (!response.ok)
      return { ok: false, error: new ApiError(problemFromFailedResponse(response, body)) };
    const session = parseBody(ZAuthSession, body, response.status);
    startSession(session);
    return { ok: true, session };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error };
    throw error;
  }
}

/**
 * Swaps the refresh cookie for a new access token. Concurrent callers share one request: the
 * refresh token rotates on every use, so two refreshes at once would present a rotated token and
 * make the API revoke the whole family.
 */
export function refreshSession(): Promise<RefreshOutcome> {
  refreshInFlight ??= requestRefresh().finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

/**
 * On app start: restores the session from the refresh cookie, silently. Any failure, even a lost
 * connection, leaves the app signed out rather than stuck loading; a protected page then asks the
 * user to sign in.
 */
export async function restoreSession(): Promise<void> {
  if (!mayHaveSession()) {
    endSession('initial');
    return;
  }
  const outcome = await refreshSession();
  if (!outcome.ok && getSession().status !== 'signed-in') endSession('initial');
}

// ─── Requests ────────────────────────────────────────────────────────────────────────────────

/**
 * Calls the API at `path` (relative to `/api/v1`) and returns the body parsed by `schema`.
 * Throws `ApiError` on a network failure, a non-2xx answer, or a body that breaks the contract.
 * A 401 on an authenticated request refreshes the session once and retries; if that fails the
 * session ends (`expired`) and protected routes send the user to sign in.
 */
export async function apiRequest<TSchema extends z.ZodType>(
  path: string,
  schema: TSchema,
  options: RequestOptions = {},
): Promise<z.output<TSchema>> {
  const useAuth = options.auth ?? true;
  const sentToken = useAuth ? getAccessToken() : null;
  let response = await send(path, options, sentToken);

  if (response.status === 401 && useAuth) {
    const current = getAccessToken();
    if (current && current !== sentToken) {
      // Another request refreshed while this one was in flight: retry with its token.
      response = await send(path, options, current);
    } else {
      const outcome = await refreshSession();
      if (outcome.ok) {
        response = await send(path, options, outcome.session.accessToken);
      } else if (outcome.error.status === 0) {
        throw outcome.error;
      } else {
        endSession('expired');
      }
    }
  }

  const body = await readJson(response);
  if (!response.ok) {
    throw new ApiError(problemFromFailedResponse(response, body));
  }
  return parseBody(schema, body, response.status);
}

export function apiGet<TSchema extends z.ZodType>(
  path: string,
  schema: TSchema,
  options: Omit<RequestOptions, 'method' | 'body' | 'rawBody'> = {},
): Promise<z.output<TSchema>> {
  return apiRequest(path, schema, { ...options, method: 'GET' });
}
