import { queryOptions, useQuery } from '@tanstack/react-query';
import { type TFrameworkVersionResponse, ZFrameworkVersionResponse } from '@waymark/rubric';
import { apiGet } from '../../../lib/api-client';

export interface FrameworkRef {
  id: string;
  version: number;
}

export function getFrameworkVersion(
  { id, version }: FrameworkRef,
  { signal }: { signal?: AbortSignal } = {},
): Promise<TFrameworkVersionResponse> {
  return apiGet(
    `/frameworks/${encodeURIComponent(id)}/versions/${version}`,
    ZFrameworkVersionResponse,
    signal ? { signal } : {},
  );
}

export function frameworkVersionQueryOptions(ref: FrameworkRef) {
  return queryOptions({
    queryKey: ['frameworks', ref.id, 'versions', ref.version],
    queryFn: ({ signal }) => getFrameworkVersion(ref, { signal }),
    // A published version never changes.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The framework definition an assessment was started on; waits while `ref` is null. */
export function useFrameworkVersion(ref: FrameworkRef | null) {
  return useQuery({
    ...frameworkVersionQueryOptions(ref ?? { id: '', version: 0 }),
    enabled: ref !== null,
  });
}
