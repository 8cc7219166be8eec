import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { RouteErrorBoundary } from './route-error';

/**
 * The network invitation accept page (issue 9), mounted by `router.tsx` outside the signed-in gate:
 * the invitee may not have an account yet. The members page and a member's read-only results sit
 * in the network and cycle layouts (`network-routes.tsx`, `cycle-routes.tsx`).
 */

function page(path: string, load: () => Promise<ComponentType>): RouteObject {
  return {
    path,
    lazy: async () => ({ Component: await load() }),
    errorElement: <RouteErrorBoundary />,
  };
}

export const networkInvitationPublicRoutes: RouteObject[] = [
  page('network-invitations/accept', () =>
    import('./network-invitation-accept').then((m) => m.NetworkInvitationAcceptRoute),
  ),
];
