import { queryOptions, useQuery } from '@tanstack/react-query';
import { type TAssessmentResults, ZAssessmentResults } from '@waymark/rubric';
import { apiGet } from '../../../lib/api-client';
import { assessmentKeys } from './get-assessment';

export function getResults(
  assessmentId: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<TAssessmentResults> {
  return apiGet(
    `/assessments/${encodeURIComponent(assessmentId)}/results`,
    ZAssessmentResults,
    signal ? { signal } : {},
  );
}

export function resultsQueryOptions(assessmentId: string) {
  return queryOptions({
    queryKey: assessmentKeys.results(assessmentId),
    queryFn: ({ signal }) => getResults(assessmentId, { signal }),
  });
}

/** Scores, radar rows, strengths, priorities and next steps, worked out by the API. */
export function useResults(assessmentId: string) {
  return useQuery(resultsQueryOptions(assessmentId));
}
