import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type TNetworkMemberListResponse,
  type TNetworkSharing,
  ZNetworkMember,
  ZNetworkMemberListResponse,
} from '@waymark/rubric';
import { apiGet, apiRequest, ZNoContent } from '../lib/api-client';
import { ME_QUERY_KEY } from './me';

/**
 * `/networks/:networkId/members`: who is in a network and how each shares its results. Keys sit
 * under `['networks', networkId]`, so that refreshing a network refreshes its members.
 */
export const networkMembershipKeys = {
  network: (networkId: string) => ['networks', networkId] as const,
  members: (networkId: string) => ['networks', networkId, 'members'] as const,
  invitations: (networkId: string) => ['networks', networkId, 'invitations'] as const,
};

export const networkPath = (networkId: string) => `/networks/${encodeURIComponent(networkId)}`;

export function getNetworkMembers(
  networkId: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<TNetworkMemberListResponse> {
  return apiGet(
    `${networkPath(networkId)}/members`,
    ZNetworkMemberListResponse,
    signal ? { signal } : {},
  );
}

export function networkMembersQueryOptions(networkId: string) {
  return queryOptions({
    queryKey: networkMembershipKeys.members(networkId),
    queryFn: ({ signal }) => getNetworkMembers(networkId, { signal }),
  });
}

/** The members the caller may see (coordinators: all, with sharing; members: named and own). */
export function useNetworkMembers(networkId: string) {
  return useQuery(networkMembersQueryOptions(networkId));
}

/** An organisation's admin changes how it shares its results with the network. */
export function useUpdateSharing(networkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      organisationId,
      sharing,
    }: {
      organisationId: string;
      sharing: TNetworkSharing;
    }) =>
      apiRequest(
        `${networkPath(networkId)}/members/${encodeURIComponent(organisationId)}`,
        ZNetworkMember,
        { method: 'PATCH', body: { sharing } },
      ),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: networkMembershipKeys.network(networkId) }),
  });
}

/** An organisation's admin takes it out of the network. */
export function useLeaveNetwork(networkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ organisationId }: { organisationId: string }) =>
      apiRequest(
        `${networkPath(networkId)}/members/${encodeURIComponent(organisationId)}`,
        ZNoContent,
        { method: 'DELETE' },
      ),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: ['networks'] });
      await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
  });
}
