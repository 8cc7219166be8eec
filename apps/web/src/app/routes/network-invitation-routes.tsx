import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { RouteErrorBoundary } from './route-error';

/**
 * Network membership pages (issue 9). `networkInvitationPublicRoutes` (the accept page: the invitee
 * may not have an account yet) is mounted by `router.tsx` outside the signed-in gate;
 * `networkMembershipRoutes` inside it. Each page's code is fetched the first time it is visited.
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

export const networkMembershipRoutes: RouteObject[] = [
  page('networks/:networkId/members', () =>
    import('./network-membership-members').then((m) => m.NetworkMembersRoute),
  ),
  page('cycles/:cycleId/members/:organisationId', () =>
    import('./cycle-member-results').then((m) => m.CycleMemberResultsRoute),
  ),
];
