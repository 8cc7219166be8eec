import type { TProblem } from '@waymark/rubric';
import { API_BASE, ApiError, CLIENT_ERROR_CODES, refreshSession } from '../../../lib/api-client';
import { endSession, getAccessToken } from '../../../lib/session';

/**
 * A raw `fetch` to the API with the access token, for the three requests `apiRequest` cannot make:
 * an answer save whose 409 body carries the winning answer (`current`, which the shared problem
 * schema would drop), a save that must outlive the page (`keepalive`), and a CSV download (a Blob,
 * not JSON). A 401 refreshes the session once and retries, as `apiRequest` does.
 */

export interface AuthorisedFetchOptions {
  method?: 'GET' | 'PUT' | 'POST';
  body?: unknown;
  accept?: string;
  /** Let the request finish after the page is gone (tab hidden or closed). */
  keepalive?: boolean;
  signal?: AbortSignal;
}

export function networkProblem(): TProblem {
  return {
    type: 'about:blank',
    title: 'Could not reach Waymark',
    status: 0,
    code: CLIENT_ERROR_CODES.network,
    detail: 'Check your internet connection; your change is kept on this device until it is saved.',
  };
}

async function send(path: string, options: AuthorisedFetchOptions, token: string | null) {
  const headers: Record<string, string> = { Accept: options.accept ?? 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const init: RequestInit = {
    method: options.method ?? 'GET',
    headers,
    credentials: 'same-origin',
  };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  if (options.keepalive) init.keepalive = true;
  if (options.signal) init.signal = options.signal;
  try {
    return await fetch(`${API_BASE}${path}`, init);
  } catch (cause) {
    if (typeof cause === 'object' && cause !== null && 'name' in cause) {
      if (cause.name === 'AbortError') throw cause;
    }
    throw new ApiError(networkProblem(), { cause });
  }
}

export async function authorisedFetch(
  path: string,
  options: AuthorisedFetchOptions = {},
): Promise<Response> {
  const sentToken = getAccessToken();
  const response = await send(path, options, sentToken);
  if (response.status !== 401) return response;
  const current = getAccessToken();
  if (current && current !== sentToken) return send(path, options, current);
  const outcome = await refreshSession();
  if (outcome.ok) return send(path, options, outcome.session.accessToken);
  // Offline: say so (the autosave retries); otherwise the session is over and sign-in follows.
  if (outcome.error.status === 0) throw outcome.error;
  endSession('expired');
  return response;
}
