import { type TProblem, ZProblem } from '@waymark/rubric';
import type { z } from 'zod';

/**
 * The one way the web app talks to the API: JSON in and out, every response validated against the
 * contract's zod schema, every failure thrown as an `ApiError` carrying RFC 9457 problem details —
 * the API's own when it sent them, otherwise ones made up here so that the UI has one shape to show.
 */

export const API_BASE = '/api/v1';

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

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

// By name, not `instanceof DOMException`: the error may come from another realm (a test's jsdom).
function isAbort(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && 'name' in error && error.name === 'AbortError'
  );
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function problemFromFailedResponse(response: Response, body: unknown): TProblem {
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

/**
 * Calls the API at `path` (relative to `/api/v1`) and returns the body parsed by `schema`.
 * Throws `ApiError` on a network failure, a non-2xx answer, or a body that breaks the contract.
 */
export async function apiRequest<TSchema extends z.ZodType>(
  path: string,
  schema: TSchema,
  options: RequestOptions = {},
): Promise<z.output<TSchema>> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const init: RequestInit = {
    method: options.method ?? 'GET',
    headers,
    credentials: 'same-origin',
  };
  if (options.signal) init.signal = options.signal;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, init);
  } catch (cause) {
    // An abort is React Query cancelling a stale request, not a failure to show.
    if (isAbort(cause)) throw cause;
    throw new ApiError(
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

  const body = await readJson(response);
  if (!response.ok) {
    throw new ApiError(problemFromFailedResponse(response, body));
  }

  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(
      {
        type: 'about:blank',
        title: 'Unexpected answer from the server',
        status: response.status,
        code: CLIENT_ERROR_CODES.invalidResponse,
        detail:
          'The server sent data this version of the app does not understand. Reload the page.',
        issues: parsed.error.issues.map((issue) => ({
          path: issue.path.map(String).join('.'),
          message: issue.message,
          code: issue.code,
        })),
      },
      { cause: parsed.error },
    );
  }
  return parsed.data;
}

export function apiGet<TSchema extends z.ZodType>(
  path: string,
  schema: TSchema,
  options: Omit<RequestOptions, 'method' | 'body'> = {},
): Promise<z.output<TSchema>> {
  return apiRequest(path, schema, { ...options, method: 'GET' });
}
