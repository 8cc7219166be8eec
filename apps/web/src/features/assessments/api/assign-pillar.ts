import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type TPillarAssigneeResponse, ZPillarAssigneeResponse } from '@waymark/rubric';
import { apiRequest } from '../../../lib/api-client';
import { assessmentKeys } from './get-assessment';

export function assignPillar(
  assessmentId: string,
  pillarId: string,
  userId: string | null,
): Promise<TPillarAssigneeResponse> {
  return apiRequest(
    `/assessments/${encodeURIComponent(assessmentId)}/pillars/${encodeURIComponent(pillarId)}/assignee`,
    ZPillarAssigneeResponse,
    { method: 'PUT', body: { userId } },
  );
}

/** Assigns a pillar to a colleague, or unassigns it (admin). */
export function useAssignPillar(assessmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ pillarId, userId }: { pillarId: string; userId: string | null }) =>
      assignPillar(assessmentId, pillarId, userId),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: assessmentKeys.detail(assessmentId) }),
  });
}
