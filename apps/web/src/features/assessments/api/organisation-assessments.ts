import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type TAssessmentListResponse,
  type TAssessmentSummary,
  type TCreateAssessmentBody,
  ZAssessmentListResponse,
  ZAssessmentSummary,
} from '@waymark/rubric';
import { organisationPath } from '../../../api/organisations';
import { apiGet, apiRequest } from '../../../lib/api-client';
import { assessmentKeys } from './get-assessment';

const assessmentsPath = (orgId: string) => `${organisationPath(orgId)}/assessments`;

export function getOrganisationAssessments(
  orgId: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<TAssessmentListResponse> {
  return apiGet(assessmentsPath(orgId), ZAssessmentListResponse, signal ? { signal } : {});
}

export function organisationAssessmentsQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: assessmentKeys.forOrganisation(orgId),
    queryFn: ({ signal }) => getOrganisationAssessments(orgId, { signal }),
  });
}

export function useOrganisationAssessments(orgId: string) {
  return useQuery(organisationAssessmentsQueryOptions(orgId));
}

export function createAssessment(
  orgId: string,
  body: TCreateAssessmentBody,
): Promise<TAssessmentSummary> {
  return apiRequest(assessmentsPath(orgId), ZAssessmentSummary, {
    method: 'POST',
    body,
  });
}

/** Starts an assessment (admin); the list is refreshed. */
export function useCreateAssessment(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateAssessmentBody) => createAssessment(orgId, body),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: assessmentKeys.forOrganisation(orgId) }),
  });
}
