import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type TCreateCycleBody, type TUpdateCycleBody, ZCycle } from '@waymark/rubric';
import { cycleKeys, cyclePath } from '../../../api/cycles';
import { networkPath } from '../../../api/networks';
import { apiRequest } from '../../../lib/api-client';

export function createCycle(networkId: string, body: TCreateCycleBody) {
  return apiRequest(`${networkPath(networkId)}/cycles`, ZCycle, { method: 'POST', body });
}

export function useCreateCycle(networkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateCycleBody) => createCycle(networkId, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: cycleKeys.ofNetwork(networkId) });
    },
  });
}

export function updateCycle(cycleId: string, body: TUpdateCycleBody) {
  return apiRequest(cyclePath(cycleId), ZCycle, { method: 'PATCH', body });
}

/** Renames, moves the dates (extend or reopen) or changes the framework version of a cycle. */
export function useUpdateCycle(cycleId: string, networkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateCycleBody) => updateCycle(cycleId, body),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: cycleKeys.one(cycleId) }),
        queryClient.invalidateQueries({ queryKey: cycleKeys.ofNetwork(networkId) }),
      ]);
    },
  });
}
