import type { RouteObject } from 'react-router';

/** Scaffold: accepting a network invitation (issue 9), mounted by `router.tsx` outside the signed-in gate. */
export const networkInvitationPublicRoutes: RouteObject[] = [];

/** Scaffold: network membership pages (issue 9), mounted by `router.tsx` inside the signed-in gate. */
export const networkMembershipRoutes: RouteObject[] = [];
