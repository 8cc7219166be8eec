import { createBrowserRouter, type RouteObject } from 'react-router';
import { ExplorerRoute } from './routes/explorer';
import { NotFoundRoute } from './routes/not-found';
import { RootRoute } from './routes/root';
import { RouteErrorBoundary } from './routes/route-error';

/**
 * Every page of the app. Each page route has its own error boundary, so a failure stays inside the
 * layout; the root's catches a failure of the layout itself.
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
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
