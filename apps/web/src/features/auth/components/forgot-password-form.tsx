import { ZPasswordResetRequest } from '@waymark/rubric';
import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/form/error-summary';
import { TextField } from '../../../components/form/text-field';
import { applyServerErrors, useZodForm } from '../../../lib/form';
import { useRequestPasswordReset } from '../api/passwords';

export function ForgotPasswordForm() {
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, submitCount },
  } = useZodForm(ZPasswordResetRequest, {
    defaultValues: { email: '' },
    required: { email: 'Enter your email address' },
  });
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
      <ErrorSummary
        fieldErrors={errors}
        focusKey={submitCount}
        error={problem}
        heading="Could not send the link"
      />
      <TextField
        label="Email address"
        hint="The address you sign in with."
        type="email"
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        error={errors.email?.message}
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
