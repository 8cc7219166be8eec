import { useQuery } from '@tanstack/react-query';
import { type TCycleDashboardResponse, ZCycleDashboardResponse } from '@waymark/rubric';
import { cycleKeys, cyclePath } from '../../../api/cycles';
import { apiGet } from '../../../lib/api-client';

export function getDashboard(
  cycleId: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<TCycleDashboardResponse> {
  return apiGet(
    `${cyclePath(cycleId)}/dashboard`,
    ZCycleDashboardResponse,
    signal ? { signal } : {},
  );
}

/** The coordinator dashboard of a cycle (a member's people get 403). */
export function useDashboard(cycleId: string) {
  return useQuery({
    queryKey: cycleKeys.dashboard(cycleId),
    queryFn: ({ signal }) => getDashboard(cycleId, { signal }),
  });
}
