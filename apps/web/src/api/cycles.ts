import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type TCycleDetail,
  type TCycleListResponse,
  ZCycleAssessmentLink,
  ZCycleDetail,
  ZCycleListResponse,
} from '@waymark/rubric';
import { apiGet, apiRequest } from '../lib/api-client';
import { networkKeys, networkPath } from './networks';

/**
 * A network's yearly cycles (issue 9). The network home lists them and starts a member's
 * assessment from the open one; the cycle pages read and change them.
 */
export const cycleKeys = {
  all: ['cycles'] as const,
  ofNetwork: (networkId: string) => [...networkKeys.one(networkId), 'cycles'] as const,
  one: (cycleId: string) => ['cycles', cycleId] as const,
  dashboard: (cycleId: string) => ['cycles', cycleId, 'dashboard'] as const,
};

export const cyclePath = (cycleId: string) => `/cycles/${encodeURIComponent(cycleId)}`;

/** Addresses of the cycle pages in the web app. */
export function cyclePagePaths(cycleId: string) {
  const base = `/cycles/${encodeURIComponent(cycleId)}`;
  return {
    detail: base,
    dashboard: `${base}/dashboard`,
    member: (organisationId: string) => `${base}/members/${encodeURIComponent(organisationId)}`,
  };
}

export function getNetworkCycles(
  networkId: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<TCycleListResponse> {
  return apiGet(`${networkPath(networkId)}/cycles`, ZCycleListResponse, signal ? { signal } : {});
}

export function networkCyclesQueryOptions(networkId: string) {
  return queryOptions({
    queryKey: cycleKeys.ofNetwork(networkId),
    queryFn: ({ signal }) => getNetworkCycles(networkId, { signal }),
  });
}

/** A network's cycles with their status and days left. */
export function useNetworkCycles(networkId: string) {
  return useQuery(networkCyclesQueryOptions(networkId));
}

export function getCycle(
  cycleId: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<TCycleDetail> {
  return apiGet(cyclePath(cycleId), ZCycleDetail, signal ? { signal } : {});
}

export function cycleQueryOptions(cycleId: string) {
  return queryOptions({
    queryKey: cycleKeys.one(cycleId),
    queryFn: ({ signal }) => getCycle(cycleId, { signal }),
  });
}

/** A cycle and, for a member, its organisations' linked assessments. Waits while `cycleId` is null. */
export function useCycle(cycleId: string | null) {
  return useQuery({ ...cycleQueryOptions(cycleId ?? ''), enabled: cycleId !== null });
}

export function startCycleAssessment(cycleId: string, organisationId: string) {
  return apiRequest(`${cyclePath(cycleId)}/assessments`, ZCycleAssessmentLink, {
    method: 'POST',
    body: { organisationId },
  });
}

/** Starts (or finds) a member organisation's assessment for an open cycle. */
export function useStartCycleAssessment(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (organisationId: string) => startCycleAssessment(cycleId, organisationId),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: cycleKeys.one(cycleId) });
    },
  });
}
