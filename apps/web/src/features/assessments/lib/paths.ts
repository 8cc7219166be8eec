/** Addresses of the assessment pages (mounted by `app/routes/assessment-routes.tsx`). */
export function assessmentPaths(assessmentId: string) {
  const base = `/assessments/${encodeURIComponent(assessmentId)}`;
  return {
    taskList: base,
    criterion: (criterionId: string) => `${base}/criteria/${encodeURIComponent(criterionId)}`,
    review: `${base}/review`,
    submitted: `${base}/submitted`,
    results: `${base}/results`,
    actions: `${base}/actions`,
  };
}

export function organisationAssessmentsPath(orgId: string): string {
  return `/orgs/${encodeURIComponent(orgId)}/assessments`;
}
