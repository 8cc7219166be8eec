import { Navigate, useSearchParams } from 'react-router';
import { LoadingState } from '../../components/spinner';
import { SignInForm } from '../../features/auth/components/sign-in-form';
import { safeNextPath } from '../../lib/safe-next';
import { useSession } from '../../lib/session';
import { AuthPage } from './auth-page';

/** `/sign-in?next=…&email=…`: signed in, goes to `next` (or the user's organisation). */
export function SignInRoute() {
  const session = useSession();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const email = params.get('email') ?? '';

  if (session.status === 'restoring')
    return <LoadingState label="Checking whether you are signed in…" />;
  if (session.status === 'signed-in') return <Navigate to={next ?? '/orgs'} replace />;

  const registerParams = new URLSearchParams();
  if (next) registerParams.set('next', next);
  if (email) registerParams.set('email', email);
  const registerHref = `/register${registerParams.size ? `?${registerParams}` : ''}`;

  return (
    <AuthPage
      title="Sign in"
      intro={
        params.get('expired') ? (
          <p className="notice" role="status">
            Your session has ended. Sign in again to carry on where you were.
          </p>
        ) : null
      }
    >
      {/* Navigation happens on the session change above, so onSignedIn has nothing to do. */}
      <SignInForm defaultEmail={email} onSignedIn={() => {}} registerHref={registerHref} />
    </AuthPage>
  );
}
