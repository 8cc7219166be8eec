import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { useParams } from 'react-router';
import { z } from 'zod';
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

type IdPage<TName extends string> = ComponentType<Record<TName, string>>;

/** Renders `page` with the id parameter `name`, or "not found" for a malformed one. */
function IdRoute<TName extends 'orgId' | 'assessmentId'>({
  name,
  page: Page,
}: {
  name: TName;
  page: IdPage<TName>;
}) {
  const id = useIdParam(name);
  const props = { [name]: id } as Record<TName, string>;
  return id ? <Page {...props} /> : <NotFoundRoute />;
}

function CriterionRoute({ page: Page }: { page: IdPage<'assessmentId' | 'criterionId'> }) {
  const assessmentId = useIdParam('assessmentId');
  const criterionId = useParams().criterionId;
  if (!assessmentId || !ZCriterionId.safeParse(criterionId).success || !criterionId) {
    return <NotFoundRoute />;
  }
  return <Page assessmentId={assessmentId} criterionId={criterionId} />;
}

/** A route whose page is fetched the first time it is visited (issue 7: lazy routes). */
function lazyRoute(path: string, load: () => Promise<React.ReactNode>): RouteObject {
  return {
    path,
    lazy: async () => ({ element: await load() }),
    errorElement: <RouteErrorBoundary />,
  };
}

const pageRoutes: RouteObject[] = [
  lazyRoute('orgs/:orgId/assessments', async () => {
    const { AssessmentListPage } = await import(
      '../../features/assessments/components/assessment-list-page'
    );
    return <IdRoute name="orgId" page={AssessmentListPage} />;
  }),
  lazyRoute('assessments/:assessmentId', async () => {
    const { TaskListPage } = await import('../../features/assessments/components/task-list-page');
    return <IdRoute name="assessmentId" page={TaskListPage} />;
  }),
  lazyRoute('assessments/:assessmentId/criteria/:criterionId', async () => {
    const { CriterionPage } = await import('../../features/assessments/components/criterion-page');
    return <CriterionRoute page={CriterionPage} />;
  }),
  lazyRoute('assessments/:assessmentId/review', async () => {
    const { ReviewPage } = await import('../../features/assessments/components/review-page');
    return <IdRoute name="assessmentId" page={ReviewPage} />;
  }),
  lazyRoute('assessments/:assessmentId/submitted', async () => {
    const { SubmittedPage } = await import('../../features/assessments/components/submitted-page');
    return <IdRoute name="assessmentId" page={SubmittedPage} />;
  }),
  lazyRoute('assessments/:assessmentId/results', async () => {
    const { ResultsPage } = await import('../../features/assessments/components/results-page');
    return <IdRoute name="assessmentId" page={ResultsPage} />;
  }),
  lazyRoute('assessments/:assessmentId/actions', async () => {
    const { ActionPlanPage } = await import(
      '../../features/assessments/components/action-plan-page'
    );
    return <IdRoute name="assessmentId" page={ActionPlanPage} />;
  }),
];

/**
 * The pages at `/assessments/:assessmentId/…` render inside `AssessmentLayoutRoute`, which names
 * their organisation and shows its sections (issue 8); those under `/orgs/:orgId/…` get the
 * organisation's own layout from `router.tsx`.
 */
export const assessmentRoutes: RouteObject[] = [
  ...pageRoutes.filter((route) => !route.path?.startsWith('assessments/')),
  {
    lazy: async () => ({
      Component: (await import('./assessment-layout')).AssessmentLayoutRoute,
    }),
    errorElement: <RouteErrorBoundary />,
    children: pageRoutes.filter((route) => route.path?.startsWith('assessments/')),
  },
];
