import type { RouteObject } from 'react-router';
import { RouteErrorBoundary } from './route-error';

/** The notices page (issue 9), mounted by `router.tsx` inside the signed-in gate. */
export const noticeRoutes: RouteObject[] = [
  {
    path: 'notices',
    lazy: async () => ({ Component: (await import('./notices')).NoticesRoute }),
    errorElement: <RouteErrorBoundary />,
  },
];
