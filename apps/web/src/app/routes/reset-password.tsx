import { Link, useSearchParams } from 'react-router';
import { ResetPasswordForm } from '../../features/auth/components/reset-password-form';
import { AuthPage } from './auth-page';

/** `/reset-password?token=…`, the page the reset email links to. */
export function ResetPasswordRoute() {
  const [params] = useSearchParams();
  const token = params.get('token');
  if (!token) {
    return (
      <AuthPage title="This reset link is incomplete">
        <p>
          The link should end with a long code. Copy the whole link from the email into the address
          bar, or <Link to="/forgot-password">ask for a new link</Link>.
        </p>
      </AuthPage>
    );
  }
  return (
    <AuthPage title="Choose a new password">
      <ResetPasswordForm token={token} />
    </AuthPage>
  );
}
