import { queryOptions, useQuery } from '@tanstack/react-query';
import { type TFrameworkVersionResponse, ZFrameworkVersionResponse } from '@waymark/rubric';
import { apiGet } from '../../../lib/api-client';

export interface FrameworkVersionRef {
  frameworkId: string;
  version: number;
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
    queryKey: ['frameworks', ref.frameworkId, 'versions', ref.version],
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
