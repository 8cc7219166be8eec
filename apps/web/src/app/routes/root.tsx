import { Outlet, ScrollRestoration } from 'react-router';
import { AppLayout } from '../../components/layouts/app-layout';

/** The layout route: every page renders inside the shared header and footer. */
export function RootRoute() {
  return (
    <AppLayout>
      <Outlet />
      <ScrollRestoration />
    </AppLayout>
  );
}
