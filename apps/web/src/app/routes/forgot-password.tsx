import { ForgotPasswordForm } from '../../features/auth/components/forgot-password-form';
import { AuthPage } from './auth-page';

export function ForgotPasswordRoute() {
  return (
    <AuthPage
      title="Reset your password"
      intro={<p>Enter your email address and we will send you a link to choose a new password.</p>}
    >
      <ForgotPasswordForm />
    </AuthPage>
  );
}
