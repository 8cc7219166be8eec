import { ZLoginRequest } from '@waymark/rubric';
import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/form/error-summary';
import { PasswordField } from '../../../components/form/password-field';
import { TextField } from '../../../components/form/text-field';
import { applyServerErrors, useZodForm } from '../../../lib/form';
import { useSignIn } from '../api/sign-in';

export interface SignInFormProps {
  defaultEmail?: string;
  onSignedIn: () => void;
  /** Carried to the register link, so that registering returns to the same place. */
  registerHref: string;
}

export function SignInForm({ defaultEmail = '', onSignedIn, registerHref }: SignInFormProps) {
  const form = useZodForm(ZLoginRequest, {
    defaultValues: { email: defaultEmail, password: '' },
    required: { email: 'Enter your email address', password: 'Enter your password' },
  });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, submitCount },
  } = form;
  const signIn = useSignIn();
  const [problem, setProblem] = useState<unknown>(null);

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      await signIn.mutateAsync(values);
      onSignedIn();
    } catch (error) {
      // A wrong email and a wrong password get the same answer: it belongs to the form, not a field.
      setProblem(applyServerErrors(error, setError, { fields: ['email', 'password'] }));
    }
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Sign in">
      <ErrorSummary
        fieldErrors={errors}
        focusKey={submitCount}
        error={problem}
        heading="Could not sign you in"
      />
      <TextField
        label="Email address"
        type="email"
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        error={errors.email?.message}
        {...register('email')}
      />
      <PasswordField
        label="Password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...register('password')}
      />
      <div className="form__actions">
        <Button type="submit" pending={signIn.isPending} pendingLabel="Signing in…">
          Sign in
        </Button>
        <Link to="/forgot-password">Forgotten your password?</Link>
      </div>
      <p className="form__aside">
        New to Waymark? <Link to={registerHref}>Create an account</Link>
      </p>
    </form>
  );
}
