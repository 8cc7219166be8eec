import { ZLoginRequest } from '@waymark/rubric';
import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/button';
import { FormAlert } from '../../../components/form/form-alert';
import { PasswordField } from '../../../components/form/password-field';
import { TextField } from '../../../components/form/text-field';
import { applyServerErrors, useZodForm } from '../../../lib/form';
import { requiredMessage } from '../../../lib/required-message';
import { useSignIn } from '../api/sign-in';

export interface SignInFormProps {
  defaultEmail?: string;
  onSignedIn: () => void;
  /** Carried to the register link, so that registering returns to the same place. */
  registerHref: string;
}

export function SignInForm({ defaultEmail = '', onSignedIn, registerHref }: SignInFormProps) {
  const form = useZodForm(ZLoginRequest, { defaultValues: { email: defaultEmail, password: '' } });
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors },
  } = form;
  const values = watch();
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
      <FormAlert error={problem} heading="Could not sign you in" />
      <TextField
        label="Email address"
        type="email"
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        error={requiredMessage(errors.email?.message, values.email, 'Enter your email address')}
        {...register('email')}
      />
      <PasswordField
        label="Password"
        autoComplete="current-password"
        error={requiredMessage(errors.password?.message, values.password, 'Enter your password')}
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
