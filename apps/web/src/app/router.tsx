import { createBrowserRouter, type NonIndexRouteObject, type RouteObject } from 'react-router';
import { assessmentRoutes } from './routes/assessment-routes';
import { cycleRoutes } from './routes/cycle-routes';
import { ExplorerRoute } from './routes/explorer';
import { networkInvitationPublicRoutes } from './routes/network-invitation-routes';
import { networkRoutes } from './routes/network-routes';
import { NotFoundRoute } from './routes/not-found';
import { noticeRoutes } from './routes/notice-routes';
import { RequireSession } from './routes/require-session';
import { RootRoute } from './routes/root';
import { RouteErrorBoundary } from './routes/route-error';

/**
 * The assessment pages under `/orgs/:orgId/…` render inside the organisation's layout (its
 * navigation, and one "not found" for a stranger's organisation); the rest (`/assessments/…`) sit
 * directly in the signed-in gate. `assessment-routes.tsx` lists full paths; this splits them.
 */
const ORGANISATION_PREFIX = 'orgs/:orgId/';
const organisationAssessmentRoutes = assessmentRoutes
  .filter((route) => route.path?.startsWith(ORGANISATION_PREFIX))
  .map(
    (route) => ({ ...route, path: route.path?.slice(ORGANISATION_PREFIX.length) }) as RouteObject,
  );
const otherAssessmentRoutes = assessmentRoutes.filter(
  (route) => !route.path?.startsWith(ORGANISATION_PREFIX),
);

/**
 * A page route with its own error boundary, so that a failure stays inside the layout. The page's
 * code is fetched the first time it is visited: the public explorer, which most visitors see
 * first, does not download the signed-in app's forms and pages (issue 7).
 */
function page(path: string, load: () => Promise<React.ComponentType>): NonIndexRouteObject {
  return {
    path,
    lazy: async () => ({ Component: await load() }),
    errorElement: <RouteErrorBoundary />,
  };
}

/** The same for a layout route (children render in its `<Outlet />`). */
function layout(
  path: string,
  load: () => Promise<React.ComponentType>,
  children: RouteObject[],
): RouteObject {
  return { ...page(path, load), children };
}

/**
 * Every page of the app. Public: the framework explorer, sign-in and registration, password reset
 * and the invitation page (the invitee may have no account yet). Everything else sits behind
 * `RequireSession`, which restores or asks for a session first. Each page route has its own error
 * boundary; the root's catches a failure of the layout itself.
 */
export const routes: RouteObject[] = [
  {
    element: <RootRoute />,
    errorElement: <RouteErrorBoundary />,
    children: [
      { index: true, element: <ExplorerRoute />, errorElement: <RouteErrorBoundary /> },
      {
        path: 'frameworks/:frameworkId/:version',
        element: <ExplorerRoute />,
        errorElement: <RouteErrorBoundary />,
      },
      page('sign-in', () => import('./routes/sign-in').then((m) => m.SignInRoute)),
      page('register', () => import('./routes/register').then((m) => m.RegisterRoute)),
      page('forgot-password', () =>
        import('./routes/forgot-password').then((m) => m.ForgotPasswordRoute),
      ),
      page('reset-password', () =>
        import('./routes/reset-password').then((m) => m.ResetPasswordRoute),
      ),
      page('accessibility', () =>
        import('./routes/accessibility').then((m) => m.AccessibilityRoute),
      ),
      page('invitations/accept', () =>
        import('./routes/accept-invitation').then((m) => m.AcceptInvitationRoute),
      ),
      ...networkInvitationPublicRoutes,
      {
        element: <RequireSession />,
        errorElement: <RouteErrorBoundary />,
        children: [
          page('account', () => import('./routes/account').then((m) => m.AccountRoute)),
          page('orgs', () =>
            import('./routes/organisations-index').then((m) => m.OrganisationsIndexRoute),
          ),
          page('orgs/new', () =>
            import('./routes/create-organisation').then((m) => m.CreateOrganisationRoute),
          ),
          layout(
            'orgs/:orgId',
            () => import('./routes/organisation-layout').then((m) => m.OrganisationLayoutRoute),
            [
              {
                index: true,
                lazy: () =>
                  import('./routes/organisation-home').then((m) => ({
                    Component: m.OrganisationHomeRoute,
                  })),
                errorElement: <RouteErrorBoundary />,
              },
              page('settings', () =>
                import('./routes/organisation-settings').then((m) => m.OrganisationSettingsRoute),
              ),
              page('people', () =>
                import('./routes/organisation-people').then((m) => m.OrganisationPeopleRoute),
              ),
              ...organisationAssessmentRoutes,
            ],
          ),
          ...otherAssessmentRoutes,
          ...networkRoutes,
          ...cycleRoutes,
          ...noticeRoutes,
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
