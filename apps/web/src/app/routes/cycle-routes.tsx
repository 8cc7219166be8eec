import type { RouteObject } from 'react-router';
import { RouteErrorBoundary } from './route-error';

const pages = () => import('./cycle-pages');

/**
 * The cycle pages (issue 9), mounted by `router.tsx` inside the signed-in gate: a cycle's details
 * (extend or reopen it) and its coordinator dashboard, in one layout that loads the cycle and shows
 * its network's navigation; a named member's read-only results (`/cycles/:cycleId/members/…`,
 * the dashboard heatmap's click-through) sit in the same layout.
 */
export const cycleRoutes: RouteObject[] = [
  {
    path: 'cycles/:cycleId',
    lazy: async () => ({ Component: (await pages()).CycleLayoutRoute }),
    errorElement: <RouteErrorBoundary />,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await pages()).CycleDetailRoute }),
        errorElement: <RouteErrorBoundary />,
      },
      {
        path: 'dashboard',
        lazy: async () => ({ Component: (await pages()).CycleDashboardRoute }),
        errorElement: <RouteErrorBoundary />,
      },
      {
        path: 'members/:organisationId',
        lazy: async () => ({
          Component: (await import('./cycle-member-results')).CycleMemberResultsRoute,
        }),
        errorElement: <RouteErrorBoundary />,
      },
    ],
  },
];
