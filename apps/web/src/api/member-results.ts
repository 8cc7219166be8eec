import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type TCycleMemberResults,
  type TSendCycleReminderBody,
  ZCycleListResponse,
  ZCycleMemberResults,
  ZSendCycleReminderResponse,
} from '@waymark/rubric';
import { apiGet, apiRequest } from '../lib/api-client';
import { networkPath } from './network-members';

/**
 * A coordinator's read-only view of a named member's results in a cycle, the network's cycles (to
 * find the open one) and the coordinator's reminder to members who have not submitted.
 */

const cyclePath = (cycleId: string) => `/cycles/${encodeURIComponent(cycleId)}`;

export function getCycleMemberResults(
  cycleId: string,
  organisationId: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<TCycleMemberResults> {
  return apiGet(
    `${cyclePath(cycleId)}/members/${encodeURIComponent(organisationId)}/results`,
    ZCycleMemberResults,
    signal ? { signal } : {},
  );
}

/** 404 for an anonymous member, a non-member or a stranger; 409 `not_submitted`. */
export function useCycleMemberResults(cycleId: string, organisationId: string) {
  return useQuery(
    queryOptions({
      queryKey: ['cycles', cycleId, 'members', organisationId, 'results'] as const,
      queryFn: ({ signal }) => getCycleMemberResults(cycleId, organisationId, { signal }),
    }),
  );
}

/** The network's cycles, to find the open one (its reminders). */
export function useNetworkCyclesForReminders(networkId: string, { enabled = true } = {}) {
  return useQuery({
    queryKey: ['networks', networkId, 'cycles', 'for-reminders'] as const,
    queryFn: ({ signal }) =>
      apiGet(`${networkPath(networkId)}/cycles`, ZCycleListResponse, { signal }),
    enabled,
  });
}

export function useSendCycleReminder(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TSendCycleReminderBody) =>
      apiRequest(`${cyclePath(cycleId)}/reminders`, ZSendCycleReminderResponse, {
        method: 'POST',
        body,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['cycles', cycleId] }),
  });
}
