import {
  AUTH_ERROR_CODES,
  PASSWORD_MIN_LENGTH,
  ZPasswordResetConfirmRequest,
} from '@waymark/rubric';
import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/form/error-summary';
import { PasswordField } from '../../../components/form/password-field';
import { isApiError } from '../../../lib/api-client';
import { applyServerErrors, useZodForm } from '../../../lib/form';
import { useConfirmPasswordReset } from '../api/passwords';

// The token comes from the link, not from a field; the rest of the contract validates the form.
const ZResetPasswordForm = ZPasswordResetConfirmRequest.omit({ token: true });

export function ResetPasswordForm({ token }: { token: string }) {
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, submitCount },
  } = useZodForm(ZResetPasswordForm, {
    defaultValues: { newPassword: '' },
    required: { newPassword: 'Enter a new password' },
  });
  const confirm = useConfirmPasswordReset();
  const [problem, setProblem] = useState<unknown>(null);

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      await confirm.mutateAsync({ token, newPassword: values.newPassword });
    } catch (error) {
      setProblem(applyServerErrors(error, setError, { fields: ['newPassword'] }));
    }
  });

  if (confirm.isSuccess) {
    return (
      <div className="form-success" role="status">
        <h2 className="form-success__heading">Password changed</h2>
        <p>Your new password is set, and every other device has been signed out.</p>
        <p>
          <Link to="/sign-in" className="button button--primary">
            Sign in
          </Link>
        </p>
      </div>
    );
  }

  const linkInvalid =
    isApiError(problem) &&
    (problem.code === AUTH_ERROR_CODES.resetTokenInvalid ||
      problem.problem.issues?.some((issue) => issue.path.endsWith('token')));

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Choose a new password">
      <ErrorSummary
        fieldErrors={errors}
        focusKey={submitCount}
        error={problem}
        heading={linkInvalid ? 'This reset link does not work' : 'Could not change your password'}
      />
      {linkInvalid ? (
        <p>
          Links work once and expire after a while.{' '}
          <Link to="/forgot-password">Ask for a new one</Link>.
        </p>
      ) : null}
      <PasswordField
        label="New password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters; common passwords are refused.`}
        autoComplete="new-password"
        error={errors.newPassword?.message}
        {...register('newPassword')}
      />
      <div className="form__actions">
        <Button type="submit" pending={confirm.isPending} pendingLabel="Saving…">
          Save new password
        </Button>
      </div>
    </form>
  );
}
