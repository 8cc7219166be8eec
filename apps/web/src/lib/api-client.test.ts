import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, apiGet, apiRequest } from './api-client';

const ZThing = z.object({ id: z.string(), count: z.number() });

function stubFetch(outcome: Response | { throws: unknown }) {
  const fetchMock = vi.fn<typeof fetch>(async () => {
    if ('throws' in outcome) throw outcome.throws;
    return outcome;
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('api client', () => {
  it('returns the parsed body and calls the versioned path', async () => {
    const fetchMock = stubFetch(Response.json({ id: 'a', count: 2, extra: true }));
    await expect(apiGet('/things/a', ZThing)).resolves.toEqual({ id: 'a', count: 2 });
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/v1/things/a',
      expect.objectContaining({ method: 'GET', headers: { Accept: 'application/json' } }),
    );
  });

  it('sends a JSON body', async () => {
    const fetchMock = stubFetch(Response.json({ id: 'b', count: 0 }, { status: 201 }));
    await apiRequest('/things', ZThing, { method: 'POST', body: { id: 'b' } });
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.body).toBe('{"id":"b"}');
    expect(init?.headers).toMatchObject({ 'Content-Type': 'application/json' });
  });

  it('sends a raw body as it is, with its own content type instead of JSON', async () => {
    const fetchMock = stubFetch(Response.json({ id: 'c', count: 1 }));
    const file = new Blob(['name,email\nAda,ada@example.org\n'], { type: 'text/csv' });
    await apiRequest('/things/import', ZThing, {
      method: 'POST',
      rawBody: { content: file, contentType: 'text/csv; charset=utf-8' },
    });
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.body).toBe(file);
    expect(init?.headers).toEqual({
      Accept: 'application/json',
      'Content-Type': 'text/csv; charset=utf-8',
    });
  });

  it('throws the API’s problem details on an error status', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      code: 'validation_failed',
      detail: 'count must be a number',
      issues: [{ path: 'count', message: 'Expected number' }],
    };
    stubFetch(Response.json(problem, { status: 400 }));
    const error = await caught(apiGet('/things', ZThing));
    expect(error.problem).toEqual(problem);
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('count must be a number');
  });

  it('makes up problem details when an error has no problem body', async () => {
    stubFetch(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const error = await caught(apiGet('/things', ZThing));
    expect(error.problem).toMatchObject({
      status: 502,
      code: 'unexpected_response',
      title: 'Bad Gateway',
    });
  });

  it('rejects a body that breaks the contract, listing the issues', async () => {
    stubFetch(Response.json({ id: 'a', count: 'two' }));
    const error = await caught(apiGet('/things', ZThing));
    expect(error.code).toBe('invalid_response');
    expect(error.problem.issues).toEqual([expect.objectContaining({ path: 'count' })]);
  });

  it('reports a network failure as status 0', async () => {
    stubFetch({ throws: new TypeError('Failed to fetch') });
    const error = await caught(apiGet('/things', ZThing));
    expect(error.status).toBe(0);
    expect(error.code).toBe('network_error');
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('lets an abort through untouched', async () => {
    stubFetch({ throws: new DOMException('aborted', 'AbortError') });
    await expect(apiGet('/things', ZThing)).rejects.toMatchObject({ name: 'AbortError' });
  });
});
