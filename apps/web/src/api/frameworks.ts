import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  type TFrameworkListResponse,
  type TFrameworkVersionResponse,
  ZFrameworkListResponse,
  ZFrameworkVersionResponse,
} from '@waymark/rubric';
import { apiGet } from '../lib/api-client';

/**
 * The published frameworks (public): the explorer shows them, an assessment is started on one and
 * read against its version. One home for the fetchers, keys and hooks, so that the pages share
 * one cache entry per version.
 */

export const frameworkKeys = {
  all: ['frameworks'] as const,
  version: (frameworkId: string, version: number) =>
    ['frameworks', frameworkId, 'versions', version] as const,
};

export interface FrameworkVersionRef {
  frameworkId: string;
  version: number;
}

export function getFrameworks({
  signal,
}: {
  signal?: AbortSignal;
} = {}): Promise<TFrameworkListResponse> {
  return apiGet('/frameworks', ZFrameworkListResponse, signal ? { signal } : {});
}

export function frameworksQueryOptions() {
  return queryOptions({
    queryKey: frameworkKeys.all,
    queryFn: ({ signal }) => getFrameworks({ signal }),
  });
}

/** The published frameworks, newest version of each, as the API lists them. */
export function useFrameworks({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...frameworksQueryOptions(), enabled });
}

export function getFrameworkVersion(
  { frameworkId, version }: FrameworkVersionRef,
  { signal }: { signal?: AbortSignal } = {},
): Promise<TFrameworkVersionResponse> {
  const path = `/frameworks/${encodeURIComponent(frameworkId)}/versions/${version}`;
  return apiGet(path, ZFrameworkVersionResponse, signal ? { signal } : {});
}

export function frameworkVersionQueryOptions(ref: FrameworkVersionRef) {
  return queryOptions({
    queryKey: frameworkKeys.version(ref.frameworkId, ref.version),
    queryFn: ({ signal }) => getFrameworkVersion(ref, { signal }),
    // A published version is immutable.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** One published framework version; waits while `ref` is null (nothing chosen yet). */
export function useFrameworkVersion(ref: FrameworkVersionRef | null) {
  return useQuery({
    ...frameworkVersionQueryOptions(ref ?? { frameworkId: '', version: 0 }),
    enabled: ref !== null,
  });
}
