import { queryOptions, useQuery } from '@tanstack/react-query';
import { type TFrameworkListResponse, ZFrameworkListResponse } from '@waymark/rubric';
import { apiGet } from '../../../lib/api-client';

export function getFrameworks({
  signal,
}: {
  signal?: AbortSignal;
} = {}): Promise<TFrameworkListResponse> {
  return apiGet('/frameworks', ZFrameworkListResponse, signal ? { signal } : {});
}

export function frameworksQueryOptions() {
  return queryOptions({
    queryKey: ['frameworks'],
    queryFn: ({ signal }) => getFrameworks({ signal }),
  });
}

/** The published framework versions an assessment can be started on. */
export function useFrameworks({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...frameworksQueryOptions(), enabled });
}
