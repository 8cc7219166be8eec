import { lazy, Suspense } from 'react';
import { Link, useLocation } from 'react-router';
import { useMe } from '../../api/me';
import { useCurrentOrganisationId } from '../../lib/current-organisation';
import { signInPath } from '../../lib/safe-next';
import { useSession } from '../../lib/session';

// The menus (Radix, with its positioning and focus code) are for signed-in users only: a visitor
// of the public explorer does not download them (issue 7).
const HeaderMenus = lazy(() => import('./header-menus').then((m) => ({ default: m.HeaderMenus })));

const placeholder = <div className="header-account header-account--loading" aria-hidden="true" />;

/** The header's right side: Sign in / Register, or the organisation switcher and user menu. */
export function HeaderAccount() {
  const session = useSession();
  const location = useLocation();
  const me = useMe();
  const currentId = useCurrentOrganisationId();

  if (session.status === 'restoring') return placeholder;
  if (session.status === 'signed-out') {
    const onAuthPage = ['/sign-in', '/register'].includes(location.pathname);
    const here = onAuthPage ? null : `${location.pathname}${location.search}`;
    return (
      <nav className="header-account" aria-label="Account">
        <Link to={signInPath(here)} className="header-link">
          Sign in
        </Link>
        <Link to="/register" className="button button--on-dark">
          Register
        </Link>
      </nav>
    );
  }
  return (
    <Suspense fallback={placeholder}>
      <HeaderMenus
        user={session.user}
        memberships={me.data?.memberships ?? []}
        currentId={currentId}
      />
    </Suspense>
  );
}
