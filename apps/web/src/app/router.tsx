import { createBrowserRouter, type RouteObject } from 'react-router';
import { AcceptInvitationRoute } from './routes/accept-invitation';
import { AccountRoute } from './routes/account';
import { assessmentRoutes } from './routes/assessment-routes';
import { CreateOrganisationRoute } from './routes/create-organisation';
import { ExplorerRoute } from './routes/explorer';
import { ForgotPasswordRoute } from './routes/forgot-password';
import { NotFoundRoute } from './routes/not-found';
import { OrganisationHomeRoute } from './routes/organisation-home';
import { OrganisationLayoutRoute } from './routes/organisation-layout';
import { OrganisationPeopleRoute } from './routes/organisation-people';
import { OrganisationSettingsRoute } from './routes/organisation-settings';
import { OrganisationsIndexRoute } from './routes/organisations-index';
import { RegisterRoute } from './routes/register';
import { RequireSession } from './routes/require-session';
import { ResetPasswordRoute } from './routes/reset-password';
import { RootRoute } from './routes/root';
import { RouteErrorBoundary } from './routes/route-error';
import { SignInRoute } from './routes/sign-in';

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

/** A page route with its own error boundary, so that a failure stays inside the layout. */
function page(path: string, element: React.ReactNode): RouteObject {
  return { path, element, errorElement: <RouteErrorBoundary /> };
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
      page('frameworks/:frameworkId/:version', <ExplorerRoute />),
      page('sign-in', <SignInRoute />),
      page('register', <RegisterRoute />),
      page('forgot-password', <ForgotPasswordRoute />),
      page('reset-password', <ResetPasswordRoute />),
      page('invitations/accept', <AcceptInvitationRoute />),
      {
        element: <RequireSession />,
        errorElement: <RouteErrorBoundary />,
        children: [
          page('account', <AccountRoute />),
          page('orgs', <OrganisationsIndexRoute />),
          page('orgs/new', <CreateOrganisationRoute />),
          {
            path: 'orgs/:orgId',
            element: <OrganisationLayoutRoute />,
            errorElement: <RouteErrorBoundary />,
            children: [
              {
                index: true,
                element: <OrganisationHomeRoute />,
                errorElement: <RouteErrorBoundary />,
              },
              page('settings', <OrganisationSettingsRoute />),
              page('people', <OrganisationPeopleRoute />),
              ...organisationAssessmentRoutes,
            ],
          },
          ...otherAssessmentRoutes,
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
