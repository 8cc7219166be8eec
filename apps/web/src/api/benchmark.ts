import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  type TCycle,
  type TCycleBenchmarkResponse,
  type TNetwork,
  ZCycleBenchmarkResponse,
  ZCycleDetail,
  ZCycleListResponse,
  ZNetworkListResponse,
} from '@waymark/rubric';
import { apiGet } from '../lib/api-client';

/**
 * The member benchmark of a cycle (`GET /cycles/:cycleId/benchmark?organisationId=`), and the
 * cycles an assessment counts for. The assessment contract does not name its cycles, so they are
 * found through the organisation's networks: the networks it belongs to, their cycles on the
 * assessment's framework version, and each cycle's linked assessment for the organisation.
 */

export const benchmarkKeys = {
  cycles: (assessmentId: string) => ['member-benchmark', 'cycles', assessmentId] as const,
  benchmark: (cycleId: string, organisationId: string) =>
    ['member-benchmark', cycleId, organisationId] as const,
};

export interface AssessmentCycle {
  network: Pick<TNetwork, 'id' | 'name'>;
  cycle: TCycle;
}

export interface AssessmentRef {
  id: string;
  organisationId: string;
  frameworkId: string;
  frameworkVersion: number;
}

export async function getAssessmentCycles(
  assessment: AssessmentRef,
  { signal }: { signal?: AbortSignal } = {},
): Promise<AssessmentCycle[]> {
  const options = signal ? { signal } : {};
  const networks = await apiGet('/networks', ZNetworkListResponse, options);
  const memberOf = networks.items.filter((n) =>
    n.memberOrganisations.some((m) => m.organisationId === assessment.organisationId),
  );
  const perNetwork = await Promise.all(
    memberOf.map(async (network) => {
      const cycles = await apiGet(
        `/networks/${encodeURIComponent(network.id)}/cycles`,
        ZCycleListResponse,
        options,
      );
      const candidates = cycles.items.filter(
        (c) =>
          c.frameworkId === assessment.frameworkId &&
          c.frameworkVersion === assessment.frameworkVersion &&
          c.status !== 'upcoming',
      );
      const linked = await Promise.all(
        candidates.map(async (cycle) => {
          const detail = await apiGet(
            `/cycles/${encodeURIComponent(cycle.id)}`,
            ZCycleDetail,
            options,
          );
          const mine = detail.yourOrganisations.find(
            (o) => o.organisationId === assessment.organisationId,
          );
          return mine?.assessment?.id === assessment.id
            ? { network: { id: network.id, name: network.name }, cycle }
            : null;
        }),
      );
      return linked.filter((c): c is AssessmentCycle => c !== null);
    }),
  );
  return perNetwork.flat();
}

/** The network cycles this assessment belongs to (none for a standalone assessment). */
export function useAssessmentCycles(assessment: AssessmentRef) {
  return useQuery(
    queryOptions({
      queryKey: benchmarkKeys.cycles(assessment.id),
      queryFn: ({ signal }) => getAssessmentCycles(assessment, { signal }),
      staleTime: 60_000,
    }),
  );
}

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
