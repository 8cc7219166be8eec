import type { NonIndexRouteObject, RouteObject } from 'react-router';
import { RouteErrorBoundary } from './route-error';

/** A page fetched the first time it is visited, with its own error boundary (as in `router.tsx`). */
function page(path: string, load: () => Promise<React.ComponentType>): NonIndexRouteObject {
  return {
    path,
    lazy: async () => ({ Component: await load() }),
    errorElement: <RouteErrorBoundary />,
  };
}

const pages = () => import('./network-pages');

/**
 * The network pages (issue 9), mounted by `router.tsx` inside the signed-in gate. The pages under
 * `/networks/:networkId` share one layout that loads the network and shows its navigation,
 * including the members and invitations page (`/networks/:networkId/members`).
 */
export const networkRoutes: RouteObject[] = [
  page('networks', () =>
    import('../../features/networks/components/network-list-page').then((m) => m.NetworkListPage),
  ),
  page('networks/new', () =>
    import('../../features/networks/components/create-network-page').then(
      (m) => m.CreateNetworkPage,
    ),
  ),
  {
    ...page('networks/:networkId', () =>
      import('./network-layout').then((m) => m.NetworkLayoutRoute),
    ),
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await pages()).NetworkHomeRoute }),
        errorElement: <RouteErrorBoundary />,
      },
      page('settings', () => pages().then((m) => m.NetworkSettingsRoute)),
      page('coordinators', () => pages().then((m) => m.NetworkCoordinatorsRoute)),
      page('cycles', () => pages().then((m) => m.NetworkCyclesRoute)),
      page('cycles/new', () => pages().then((m) => m.NetworkNewCycleRoute)),
      page('members', () =>
        import('./network-membership-members').then((m) => m.NetworkMembersRoute),
      ),
    ],
  },
];
