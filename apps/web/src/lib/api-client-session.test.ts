import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { fetchedPaths, jsonResponse, mockApi, problemResponse } from '../testing/api-mocks';
import { anAuthSession, signInForTest, startRestoring } from '../testing/session';
import { apiGet, apiRequest, restoreSession } from './api-client';
import { getSession } from './session';

const ZThing = z.object({ id: z.string() });

const unauthorized = () =>
  problemResponse({
    type: 'about:blank',
    title: 'Unauthorized',
    status: 401,
    code: 'token_expired',
    detail: 'The access token has expired.',
  });

function headersOf(init: RequestInit | undefined): Record<string, string> {
  return (init?.headers ?? {}) as Record<string, string>;
}

/** Answers 401 to the stale token and 200 to the fresh one, as the API would. */
function thingRoute(freshToken: string) {
  return ({ init }: { init: RequestInit | undefined }) =>
    headersOf(init).Authorization === `Bearer ${freshToken}`
      ? jsonResponse({ id: 'a' })
      : unauthorized();
}

describe('api client sessions', () => {
  it('sends the access token as a Bearer header', async () => {
    signInForTest({ accessToken: 'token-1' });
    const fetchMock = mockApi({ 'GET /things/a': () => jsonResponse({ id: 'a' }) });
    await apiGet('/things/a', ZThing);
    expect(headersOf(fetchMock.mock.calls[0]?.[1]).Authorization).toBe('Bearer token-1');
  });

  it('on a 401 refreshes the session once, with the CSRF header and the cookie, then retries', async () => {
    signInForTest({ accessToken: 'stale' });
    const fetchMock = mockApi({
      'GET /things/a': thingRoute('fresh'),
      'POST /auth/refresh': () => jsonResponse(anAuthSession({ accessToken: 'fresh' })),
    });

    await expect(apiGet('/things/a', ZThing)).resolves.toEqual({ id: 'a' });

    expect(fetchedPaths(fetchMock)).toEqual(['/things/a', '/auth/refresh', '/things/a']);
    const refreshInit = fetchMock.mock.calls[1]?.[1];
    expect(refreshInit?.credentials).toBe('same-origin');
    expect(headersOf(refreshInit)['X-Requested-With']).toBe('waymark');
    expect(headersOf(refreshInit).Authorization).toBeUndefined();
    expect(headersOf(fetchMock.mock.calls[2]?.[1]).Authorization).toBe('Bearer fresh');
    const session = getSession();
    expect(session.status === 'signed-in' && session.accessToken).toBe('fresh');
  });

  it('sends a raw body again, unchanged, when a 401 makes it retry', async () => {
    signInForTest({ accessToken: 'stale' });
    const fetchMock = mockApi({
      'POST /things/import': thingRoute('fresh'),
      'POST /auth/refresh': () => jsonResponse(anAuthSession({ accessToken: 'fresh' })),
    });
    const csv = 'name\nAda\n';
    await expect(
      apiRequest('/things/import', ZThing, {
        method: 'POST',
        rawBody: { content: csv, contentType: 'text/csv; charset=utf-8' },
      }),
    ).resolves.toEqual({ id: 'a' });
    expect(fetchedPaths(fetchMock)).toEqual(['/things/import', '/auth/refresh', '/things/import']);
    for (const call of [fetchMock.mock.calls[0], fetchMock.mock.calls[2]]) {
      expect(call?.[1]?.body).toBe(csv);
      expect(headersOf(call?.[1])['Content-Type']).toBe('text/csv; charset=utf-8');
    }
    expect(headersOf(fetchMock.mock.calls[2]?.[1]).Authorization).toBe('Bearer fresh');
  });

  it('shares one refresh between requests that fail at the same time', async () => {
    signInForTest({ accessToken: 'stale' });
    let releaseRefresh: () => void = () => {};
    const refreshGate = new Promise<void>((resolve) => {
      releaseRefresh = resolve;
    });
    const fetchMock = mockApi({
      'GET /things/a': thingRoute('fresh'),
      'GET /things/b': thingRoute('fresh'),
      'GET /things/c': thingRoute('fresh'),
      'POST /auth/refresh': async () => {
        await refreshGate;
        return jsonResponse(anAuthSession({ accessToken: 'fresh' }));
      },
    });

    const requests = Promise.all(['a', 'b', 'c'].map((id) => apiGet(`/things/${id}`, ZThing)));
    // All three 401s arrive while the refresh is still open.
    await vi.waitFor(() => {
      const paths = fetchedPaths(fetchMock);
      expect(paths.filter((p) => p.startsWith('/things/'))).toHaveLength(3);
      expect(paths).toContain('/auth/refresh');
    });
    releaseRefresh();
    await expect(requests).resolves.toHaveLength(3);

    const paths = fetchedPaths(fetchMock);
    expect(paths.filter((p) => p === '/auth/refresh')).toHaveLength(1);
    expect(paths.filter((p) => p.startsWith('/things/'))).toHaveLength(6);
  });

  it('ends the session as expired when the refresh is refused, and throws the 401', async () => {
    signInForTest({ accessToken: 'stale' });
    const fetchMock = mockApi({
      'GET /things/a': unauthorized,
      'POST /auth/refresh': () =>
        problemResponse({
          type: 'about:blank',
          title: 'Unauthorized',
          status: 401,
          code: 'refresh_token_invalid',
        }),
    });

    await expect(apiGet('/things/a', ZThing)).rejects.toMatchObject({ status: 401 });
    expect(fetchedPaths(fetchMock)).toEqual(['/things/a', '/auth/refresh']);
    expect(getSession()).toEqual({ status: 'signed-out', reason: 'expired' });
  });

  it('does not refresh for the sign-in routes, whose 401 means a wrong password', async () => {
    const fetchMock = mockApi({
      'POST /auth/login': () =>
        problemResponse({
          type: 'about:blank',
          title: 'Unauthorized',
          status: 401,
          code: 'invalid_credentials',
        }),
    });
    await expect(
      apiRequest('/auth/login', ZThing, { method: 'POST', body: {}, auth: false }),
    ).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect(fetchedPaths(fetchMock)).toEqual(['/auth/login']);
    expect(getSession()).toEqual({ status: 'signed-out', reason: 'initial' });
  });

  it('restores a session from the refresh cookie on start, or settles signed out', async () => {
    startRestoring();
    mockApi({ 'POST /auth/refresh': () => jsonResponse(anAuthSession()) });
    await restoreSession();
    expect(getSession()).toMatchObject({ status: 'signed-in', accessToken: 'access-1' });

    startRestoring();
    mockApi({ 'POST /auth/refresh': unauthorized });
    await restoreSession();
    expect(getSession()).toEqual({ status: 'signed-out', reason: 'initial' });
  });

  it('does not try to restore in a browser that never signed in, or signed out', async () => {
    startRestoring({ signedInBefore: false });
    const fetchMock = mockApi({});
    await restoreSession();
    expect(getSession()).toEqual({ status: 'signed-out', reason: 'initial' });
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
