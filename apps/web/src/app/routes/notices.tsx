import { NoticesPage } from '../../features/notices/components/notices-page';

/** `/notices`. */
export function NoticesRoute() {
  return <NoticesPage />;
}
