import {
  DEFAULT_FRAMEWORK,
  type TFramework,
  type TFrameworkListResponse,
  type TFrameworkVersionResponse,
  type TProblem,
} from '@waymark/rubric';
import { type Mock, vi } from 'vitest';

export const PUBLISHED_AT = '2026-03-12T09:00:00.000Z';

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

export function problemResponse(problem: TProblem): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

export function frameworkList(
  frameworks: readonly TFramework[] = [DEFAULT_FRAMEWORK],
): TFrameworkListResponse {
  return {
    items: frameworks.map((f) => ({
      id: f.id,
      version: f.version,
      title: f.title,
      description: f.description,
      pillarCount: f.pillars.length,
      criterionCount: f.pillars.reduce((n, p) => n + p.criteria.length, 0),
      publishedAt: PUBLISHED_AT,
    })),
  };
}

export function frameworkVersion(
  framework: TFramework = DEFAULT_FRAMEWORK,
): TFrameworkVersionResponse {
  return { framework, publishedAt: PUBLISHED_AT };
}

type Handler = (request: {
  url: string;
  init: RequestInit | undefined;
}) => Response | Promise<Response>;

/**
 * Replaces `fetch` with a router over `METHOD /path` keys (paths without the `/api/v1` prefix).
 * An unmatched request fails the test loudly rather than hanging. A handler may be a list, used
 * one per call (the last one repeats), to script a failure followed by a success.
 */
export function mockApi(routes: Record<string, Handler | Handler[]>): Mock<typeof fetch> {
  const calls = new Map<string, number>();
  const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const path = new URL(url, 'http://localhost').pathname.replace(/^\/api\/v1/, '');
    const key = `${init?.method ?? 'GET'} ${path}`;
    const route = routes[key];
    if (!route) throw new Error(`Unexpected request in test: ${key}`);
    const count = calls.get(key) ?? 0;
    calls.set(key, count + 1);
    const handler = Array.isArray(route) ? route[Math.min(count, route.length - 1)] : route;
    if (!handler) throw new Error(`No handler for ${key}`);
    return handler({ url, init });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The paths that were fetched, in order, without the `/api/v1` prefix. */
export function fetchedPaths(fetchMock: Mock<typeof fetch>): string[] {
  return fetchMock.mock.calls.map(([input]) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    return new URL(url, 'http://localhost').pathname.replace(/^\/api\/v1/, '');
  });
}
