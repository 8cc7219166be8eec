import { Navigate, useSearchParams } from 'react-router';
import { LoadingState } from '../../components/spinner';
import { RegisterForm } from '../../features/auth/components/register-form';
import { safeNextPath, signInPath } from '../../lib/safe-next';
import { useSession } from '../../lib/session';
import { AuthPage } from './auth-page';

/** `/register?next=…&email=…`: a new account, signed in at once, then `next` or "create your organisation". */
export function RegisterRoute() {
  const session = useSession();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const email = params.get('email') ?? '';

  if (session.status === 'restoring')
    return <LoadingState label="Checking whether you are signed in…" />;
  if (session.status === 'signed-in') return <Navigate to={next ?? '/orgs'} replace />;

  return (
    <AuthPage
      title="Create your account"
      intro={
        <p>
          Then set up your organisation, or join one you have been invited to, and start its
          self-assessment.
        </p>
      }
    >
      <RegisterForm
        defaultEmail={email}
        onRegistered={() => {}}
        signInHref={signInPath(next, email ? { email } : {})}
      />
    </AuthPage>
  );
}
