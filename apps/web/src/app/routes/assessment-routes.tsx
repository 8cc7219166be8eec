import type { RouteObject } from 'react-router';
import { useParams } from 'react-router';
import { z } from 'zod';
import { ActionPlanPage } from '../../features/assessments/components/action-plan-page';
import { AssessmentListPage } from '../../features/assessments/components/assessment-list-page';
import { CriterionPage } from '../../features/assessments/components/criterion-page';
import { ResultsPage } from '../../features/assessments/components/results-page';
import { ReviewPage } from '../../features/assessments/components/review-page';
import { TaskListPage } from '../../features/assessments/components/task-list-page';
import { NotFoundRoute } from './not-found';
import { RouteErrorBoundary } from './route-error';

/**
 * The assessment pages (issue 4), mounted by `router.tsx` inside the signed-in layout. Each route
 * checks its parameters' shape first: a malformed id is "not found" without asking the API.
 */

const ZId = z.uuid();
const ZCriterionId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

function useIdParam(name: string): string | null {
  const value = useParams()[name];
  return ZId.safeParse(value).success ? (value ?? null) : null;
}

function OrganisationAssessmentsRoute() {
  const orgId = useIdParam('orgId');
  return orgId ? <AssessmentListPage orgId={orgId} /> : <NotFoundRoute />;
}

function TaskListRoute() {
  const assessmentId = useIdParam('assessmentId');
  return assessmentId ? <TaskListPage assessmentId={assessmentId} /> : <NotFoundRoute />;
}

function CriterionRoute() {
  const assessmentId = useIdParam('assessmentId');
  const criterionId = useParams().criterionId;
  if (!assessmentId || !ZCriterionId.safeParse(criterionId).success || !criterionId) {
    return <NotFoundRoute />;
  }
  return <CriterionPage assessmentId={assessmentId} criterionId={criterionId} />;
}

function ReviewRoute() {
  const assessmentId = useIdParam('assessmentId');
  return assessmentId ? <ReviewPage assessmentId={assessmentId} /> : <NotFoundRoute />;
}

function ResultsRoute() {
  const assessmentId = useIdParam('assessmentId');
  return assessmentId ? <ResultsPage assessmentId={assessmentId} /> : <NotFoundRoute />;
}

function ActionPlanRoute() {
  const assessmentId = useIdParam('assessmentId');
  return assessmentId ? <ActionPlanPage assessmentId={assessmentId} /> : <NotFoundRoute />;
}

export const assessmentRoutes: RouteObject[] = [
  {
    path: 'orgs/:orgId/assessments',
    element: <OrganisationAssessmentsRoute />,
    errorElement: <RouteErrorBoundary />,
  },
  {
    path: 'assessments/:assessmentId',
    element: <TaskListRoute />,
    errorElement: <RouteErrorBoundary />,
  },
  {
    path: 'assessments/:assessmentId/criteria/:criterionId',
    element: <CriterionRoute />,
    errorElement: <RouteErrorBoundary />,
  },
  {
    path: 'assessments/:assessmentId/review',
    element: <ReviewRoute />,
    errorElement: <RouteErrorBoundary />,
  },
  {
    path: 'assessments/:assessmentId/results',
    element: <ResultsRoute />,
    errorElement: <RouteErrorBoundary />,
  },
  {
    path: 'assessments/:assessmentId/actions',
    element: <ActionPlanRoute />,
    errorElement: <RouteErrorBoundary />,
  },
];
