import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type TAssessmentSummary,
  type TSubmitAssessmentResponse,
  ZAssessmentSummary,
  ZSubmitAssessmentResponse,
} from '@waymark/rubric';
import { apiRequest } from '../../../lib/api-client';
import { assessmentKeys } from './get-assessment';

export function submitAssessment(assessmentId: string): Promise<TSubmitAssessmentResponse> {
  return apiRequest(
    `/assessments/${encodeURIComponent(assessmentId)}/submit`,
    ZSubmitAssessmentResponse,
    { method: 'POST' },
  );
}

export function reopenAssessment(assessmentId: string): Promise<TAssessmentSummary> {
  return apiRequest(`/assessments/${encodeURIComponent(assessmentId)}/reopen`, ZAssessmentSummary, {
    method: 'POST',
  });
}

function useRefreshAssessment(assessmentId: string) {
  const queryClient = useQueryClient();
  return async (summary: TAssessmentSummary) => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: assessmentKeys.detail(assessmentId) }),
      queryClient.invalidateQueries({
        queryKey: assessmentKeys.forOrganisation(summary.organisationId),
      }),
    ]);
  };
}

/** Submits (admin): the assessment locks and its scores are stored as a revision. */
export function useSubmitAssessment(assessmentId: string) {
  const refresh = useRefreshAssessment(assessmentId);
  return useMutation({
    mutationFn: () => submitAssessment(assessmentId),
    onSuccess: (result) => refresh(result.assessment),
  });
}

/** Reopens (admin): a new revision to edit; the submitted one is kept as it was. */
export function useReopenAssessment(assessmentId: string) {
  const refresh = useRefreshAssessment(assessmentId);
  return useMutation({
    mutationFn: () => reopenAssessment(assessmentId),
    onSuccess: (summary) => refresh(summary),
  });
}
