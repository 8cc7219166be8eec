import { Navigate, Outlet, useLocation } from 'react-router';
import { LoadingState } from '../../components/spinner';
import { signInPath } from '../../lib/safe-next';
import { useSession } from '../../lib/session';

/**
 * The gate of every signed-in page. While the session is being restored from the refresh cookie it
 * shows a loading state; signed out, it sends the user to sign in and back here afterwards. After
 * an explicit "Sign out" it goes to the start page instead (there is nothing to come back to).
 */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'restoring') {
    return <LoadingState label="Loading your account…" />;
  }
  if (session.status === 'signed-out') {
    if (session.reason === 'signed-out') return <Navigate to="/" replace />;
    const here = `${location.pathname}${location.search}`;
    return (
      <Navigate
        to={signInPath(here, session.reason === 'expired' ? { expired: '1' } : {})}
        replace
      />
    );
  }
  return <Outlet />;
}
