import { Outlet, ScrollRestoration } from 'react-router';
import { AppLayout } from '../../components/layouts/app-layout';
import { HeaderAccount } from '../layout/header-account';

/** The layout route: every page renders inside the shared header and footer. */
export function RootRoute() {
  return (
    <AppLayout headerEnd={<HeaderAccount />}>
      <Outlet />
      <ScrollRestoration />
    </AppLayout>
  );
}
