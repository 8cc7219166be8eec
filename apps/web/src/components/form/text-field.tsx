import type { InputHTMLAttributes } from 'react';
import { type FieldProps, FieldShell, useFieldIds } from './field';

export interface TextFieldProps
  extends FieldProps,
    Omit<InputHTMLAttributes<HTMLInputElement>, 'children'> {
  ref?: React.Ref<HTMLInputElement>;
}

/**
 * A labelled text input (also email, url, number, date…). Spread react-hook-form's `register()`
 * into it: `<TextField label="Email" type="email" autoComplete="email" error={errors.email?.message}
 * {...register('email')} />`.
 */
export function TextField({
  label,
  hint,
  error,
  optional,
  id,
  className,
  ...input
}: TextFieldProps) {
  const ids = useFieldIds({ hint, error }, id);
  return (
    <FieldShell
      ids={ids}
      label={label}
      hint={hint}
      error={error}
      optional={optional}
      className={className}
    >
      <input
        {...input}
        id={ids.id}
        className="field__control"
        aria-describedby={ids.describedBy}
        aria-invalid={ids.invalid}
      />
    </FieldShell>
  );
}
