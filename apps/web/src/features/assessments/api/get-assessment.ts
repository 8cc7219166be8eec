import { queryOptions, useQuery } from '@tanstack/react-query';
import { type TAssessmentDetail, ZAssessmentDetail } from '@waymark/rubric';
import { organisationKeys } from '../../../api/organisations';
import { apiGet } from '../../../lib/api-client';

export const assessmentKeys = {
  all: ['assessments'] as const,
  detail: (assessmentId: string) => ['assessments', assessmentId] as const,
  results: (assessmentId: string) => ['assessments', assessmentId, 'results'] as const,
  actions: (assessmentId: string) => ['assessments', assessmentId, 'actions'] as const,
  // Under the organisation's key: refreshing the organisation refreshes its list of assessments.
  forOrganisation: (orgId: string) => [...organisationKeys.one(orgId), 'assessments'] as const,
};

export function getAssessment(
  assessmentId: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<TAssessmentDetail> {
  return apiGet(
    `/assessments/${encodeURIComponent(assessmentId)}`,
    ZAssessmentDetail,
    signal ? { signal } : {},
  );
}

export function assessmentQueryOptions(assessmentId: string) {
  return queryOptions({
    queryKey: assessmentKeys.detail(assessmentId),
    queryFn: ({ signal }) => getAssessment(assessmentId, { signal }),
    // Colleagues answer in parallel: a task list a few seconds old is fine, one from a minute ago
    // is not.
    staleTime: 5_000,
  });
}

/** The assessment, its task list and every stored answer. */
export function useAssessment(assessmentId: string) {
  return useQuery(assessmentQueryOptions(assessmentId));
}
