import { queryOptions, useQuery } from '@tanstack/react-query';
import { type TCycleBenchmarkResponse, ZCycleBenchmarkResponse } from '@waymark/rubric';
import { apiGet } from '../lib/api-client';

/**
 * The member benchmark of a cycle (`GET /cycles/:cycleId/benchmark?organisationId=`); the cycles
 * an assessment counts for come with its detail (`GET /assessments/:assessmentId`).
 */

export const benchmarkKeys = {
  benchmark: (cycleId: string, organisationId: string) =>
    ['member-benchmark', cycleId, organisationId] as const,
};

export function getCycleBenchmark(
  cycleId: string,
  organisationId: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<TCycleBenchmarkResponse> {
  const query = new URLSearchParams({ organisationId });
  return apiGet(
    `/cycles/${encodeURIComponent(cycleId)}/benchmark?${query}`,
    ZCycleBenchmarkResponse,
    signal ? { signal } : {},
  );
}

/** Median, quartiles and the organisation's own quartile per pillar, for all and similar members. */
export function useCycleBenchmark(cycleId: string, organisationId: string) {
  return useQuery(
    queryOptions({
      queryKey: benchmarkKeys.benchmark(cycleId, organisationId),
      queryFn: ({ signal }) => getCycleBenchmark(cycleId, organisationId, { signal }),
    }),
  );
}
