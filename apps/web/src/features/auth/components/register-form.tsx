import { AUTH_ERROR_CODES, PASSWORD_MIN_LENGTH, ZRegisterRequest } from '@waymark/rubric';
import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/form/error-summary';
import { PasswordField } from '../../../components/form/password-field';
import { TextField } from '../../../components/form/text-field';
import { applyServerErrors, useZodForm } from '../../../lib/form';
import { useRegister } from '../api/register';

export interface RegisterFormProps {
  defaultEmail?: string;
  onRegistered: () => void;
  signInHref: string;
}

export function RegisterForm({ defaultEmail = '', onRegistered, signInHref }: RegisterFormProps) {
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, submitCount },
  } = useZodForm(ZRegisterRequest, {
    defaultValues: { name: '', email: defaultEmail, password: '' },
    required: {
      name: 'Enter your name',
      email: 'Enter your email address',
      password: 'Enter a password',
    },
  });
  const registration = useRegister();
  const [problem, setProblem] = useState<unknown>(null);

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      await registration.mutateAsync(values);
      onRegistered();
    } catch (error) {
      setProblem(
        applyServerErrors(error, setError, {
          fields: ['name', 'email', 'password'],
          codeFields: { [AUTH_ERROR_CODES.emailTaken]: 'email' },
        }),
      );
    }
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Create an account">
      <ErrorSummary
        fieldErrors={errors}
        focusKey={submitCount}
        error={problem}
        heading="Could not create your account"
      />
      <TextField
        label="Your name"
        autoComplete="name"
        error={errors.name?.message}
        {...register('name')}
      />
      <TextField
        label="Email address"
        hint="You will sign in with this. Use your work address if colleagues will invite you."
        type="email"
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        error={errors.email?.message}
        {...register('email')}
      />
      <PasswordField
        label="Password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong password that is easy to remember; common passwords are refused.`}
        autoComplete="new-password"
        error={errors.password?.message}
        {...register('password')}
      />
      <div className="form__actions">
        <Button type="submit" pending={registration.isPending} pendingLabel="Creating account…">
          Create account
        </Button>
      </div>
      <p className="form__aside">
        Already have an account? <Link to={signInHref}>Sign in</Link>
      </p>
    </form>
  );
}
