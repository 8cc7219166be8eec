import type { RouteObject } from 'react-router';

/** Scaffold: the notices page (issue 9), mounted by `router.tsx` inside the signed-in gate. */
export const noticeRoutes: RouteObject[] = [];
