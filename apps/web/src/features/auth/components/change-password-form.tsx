import { AUTH_ERROR_CODES, PASSWORD_MIN_LENGTH, ZChangePasswordRequest } from '@waymark/rubric';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/form/error-summary';
import { PasswordField } from '../../../components/form/password-field';
import { useToast } from '../../../components/toast';
import { applyServerErrors, useZodForm } from '../../../lib/form';
import { useChangePassword } from '../api/passwords';

export function ChangePasswordForm() {
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, submitCount },
  } = useZodForm(ZChangePasswordRequest, {
    defaultValues: { currentPassword: '', newPassword: '' },
    required: {
      currentPassword: 'Enter your current password',
      newPassword: 'Enter a new password',
    },
  });
  const change = useChangePassword();
  const { showToast } = useToast();
  const [problem, setProblem] = useState<unknown>(null);

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      await change.mutateAsync(values);
      reset();
      showToast({ message: 'Your password has been changed.' });
    } catch (error) {
      // A wrong current password has its own code (not "email or password"): it belongs here.
      setProblem(
        applyServerErrors(error, setError, {
          fields: ['currentPassword', 'newPassword'],
          codeFields: { [AUTH_ERROR_CODES.currentPasswordWrong]: 'currentPassword' },
        }),
      );
    }
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="change-password-heading">
      <h2 id="change-password-heading">Change your password</h2>
      <ErrorSummary
        fieldErrors={errors}
        focusKey={submitCount}
        error={problem}
        heading="Could not change your password"
      />
      <PasswordField
        label="Current password"
        autoComplete="current-password"
        error={errors.currentPassword?.message}
        {...register('currentPassword')}
      />
      <PasswordField
        label="New password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters; common passwords are refused.`}
        autoComplete="new-password"
        error={errors.newPassword?.message}
        {...register('newPassword')}
      />
      <div className="form__actions">
        <Button type="submit" pending={change.isPending} pendingLabel="Saving…">
          Change password
        </Button>
      </div>
    </form>
  );
}
