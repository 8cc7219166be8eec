import type { TAssessmentDetail, TFramework } from '@waymark/rubric';
import { useMemo } from 'react';
import { useFrameworkVersion } from '../../../api/frameworks';
import { useAssessment } from '../api/get-assessment';
import { type AssessmentOutline, buildOutline } from '../lib/assessment-outline';

export type AssessmentOutlineQuery =
  | { status: 'pending' }
  | { status: 'error'; error: unknown; retry: () => void; retrying: boolean }
  | {
      status: 'success';
      detail: TAssessmentDetail;
      framework: TFramework;
      outline: AssessmentOutline;
    };

/** The assessment with its framework's wording: what every assessment page starts from. */
export function useAssessmentOutline(assessmentId: string): AssessmentOutlineQuery {
  const detail = useAssessment(assessmentId);
  const ref = detail.data
    ? { frameworkId: detail.data.framework.id, version: detail.data.framework.version }
    : null;
  const framework = useFrameworkVersion(ref);
  const outline = useMemo(
    () =>
      detail.data && framework.data ? buildOutline(framework.data.framework, detail.data) : null,
    [detail.data, framework.data],
  );

  if (detail.isError || framework.isError) {
    return {
      status: 'error',
      error: detail.error ?? framework.error,
      retry: () => {
        if (detail.isError) void detail.refetch();
        if (framework.isError) void framework.refetch();
      },
      retrying: detail.isFetching || framework.isFetching,
    };
  }
  if (!detail.data || !framework.data || !outline) return { status: 'pending' };
  return {
    status: 'success',
    detail: detail.data,
    framework: framework.data.framework,
    outline,
  };
}
