import { ZPasswordResetRequest } from '@waymark/rubric';
import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/button';
import { FormAlert } from '../../../components/form/form-alert';
import { TextField } from '../../../components/form/text-field';
import { applyServerErrors, useZodForm } from '../../../lib/form';
import { requiredMessage } from '../../../lib/required-message';
import { useRequestPasswordReset } from '../api/passwords';

export function ForgotPasswordForm() {
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors },
  } = useZodForm(ZPasswordResetRequest, { defaultValues: { email: '' } });
  const email = watch('email');
  const request = useRequestPasswordReset();
  const [problem, setProblem] = useState<unknown>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      await request.mutateAsync(values);
      setSentTo(values.email);
    } catch (error) {
      setProblem(applyServerErrors(error, setError, { fields: ['email'] }));
    }
  });

  if (sentTo) {
    return (
      <div className="form-success" role="status">
        <h2 className="form-success__heading">Check your email</h2>
        <p>
          If <strong>{sentTo}</strong> has a Waymark account, we have sent it a link to choose a new
          password. The link works once and expires soon.
        </p>
        <p>
          No email after a few minutes? Check your spam folder, or{' '}
          <button type="button" className="link-button" onClick={() => setSentTo(null)}>
            try another address
          </button>
          .
        </p>
        <p>
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      </div>
    );
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Reset your password">
      <FormAlert error={problem} heading="Could not send the link" />
      <TextField
        label="Email address"
        hint="The address you sign in with."
        type="email"
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        error={requiredMessage(errors.email?.message, email, 'Enter your email address')}
        {...register('email')}
      />
      <div className="form__actions">
        <Button type="submit" pending={request.isPending} pendingLabel="Sending…">
          Send reset link
        </Button>
        <Link to="/sign-in">Back to sign in</Link>
      </div>
    </form>
  );
}
