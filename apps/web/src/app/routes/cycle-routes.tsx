import type { RouteObject } from 'react-router';

/** Scaffold: the cycle pages (issue 9), mounted by `router.tsx` inside the signed-in gate. */
export const cycleRoutes: RouteObject[] = [];
