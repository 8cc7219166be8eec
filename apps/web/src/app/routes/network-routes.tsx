import type { RouteObject } from 'react-router';

/** Scaffold: the network pages (issue 9), mounted by `router.tsx` inside the signed-in gate. */
export const networkRoutes: RouteObject[] = [];
