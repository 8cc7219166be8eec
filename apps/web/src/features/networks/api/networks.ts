import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type TCreateNetworkBody,
  type TUpdateNetworkBody,
  ZCoordinator,
  ZNetwork,
} from '@waymark/rubric';
import { networkKeys, networkPath } from '../../../api/networks';
import { apiRequest, ZNoContent } from '../../../lib/api-client';

export function createNetwork(body: TCreateNetworkBody) {
  return apiRequest('/networks', ZNetwork, { method: 'POST', body });
}

/** The creator becomes the new network's coordinator. */
export function useCreateNetwork() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createNetwork,
    onSuccess: async (network) => {
      queryClient.setQueryData(networkKeys.one(network.id), network);
      await queryClient.invalidateQueries({ queryKey: networkKeys.all, exact: true });
    },
  });
}

export function updateNetwork(networkId: string, body: TUpdateNetworkBody) {
  return apiRequest(networkPath(networkId), ZNetwork, { method: 'PATCH', body });
}

export function useUpdateNetwork(networkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateNetworkBody) => updateNetwork(networkId, body),
    onSuccess: async (network) => {
      queryClient.setQueryData(networkKeys.one(networkId), network);
      await queryClient.invalidateQueries({ queryKey: networkKeys.all, exact: true });
    },
  });
}

export function addCoordinator(networkId: string, email: string) {
  return apiRequest(`${networkPath(networkId)}/coordinators`, ZCoordinator, {
    method: 'POST',
    body: { email },
  });
}

export function useAddCoordinator(networkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (email: string) => addCoordinator(networkId, email),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: networkKeys.coordinators(networkId) });
    },
  });
}

export function removeCoordinator(networkId: string, userId: string) {
  return apiRequest(
    `${networkPath(networkId)}/coordinators/${encodeURIComponent(userId)}`,
    ZNoContent,
    { method: 'DELETE' },
  );
}

/** Removes a coordinator, or the caller steps down (then their relation to the network changes). */
export function useRemoveCoordinator(networkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => removeCoordinator(networkId, userId),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: networkKeys.coordinators(networkId) }),
        queryClient.invalidateQueries({ queryKey: networkKeys.one(networkId), exact: true }),
        queryClient.invalidateQueries({ queryKey: networkKeys.all, exact: true }),
      ]);
    },
  });
}
