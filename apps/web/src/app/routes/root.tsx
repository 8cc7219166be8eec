import { Outlet, ScrollRestoration } from 'react-router';
import { AppLayout } from '../../components/layouts/app-layout';
import { HeaderAccount } from '../layout/header-account';
import { RouteFocus } from '../layout/route-focus';

/**
 * The layout route: every page renders inside the shared header and footer; moving to another
 * page moves focus to its heading and announces its title (`RouteFocus`).
 */
export function RootRoute() {
  return (
    <AppLayout headerEnd={<HeaderAccount />}>
      <Outlet />
      <ScrollRestoration />
      <RouteFocus />
    </AppLayout>
  );
}
