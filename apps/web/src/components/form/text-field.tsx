import type { InputHTMLAttributes } from 'react';
import { FieldError, FieldHint, FieldLabel, type FieldProps, useFieldIds } from './field';

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
    <div className={['field', className].filter(Boolean).join(' ')}>
      <FieldLabel htmlFor={ids.id} label={label} optional={optional} />
      <FieldHint id={ids.hintId} hint={hint} />
      <FieldError id={ids.errorId} error={error} />
      <input
        {...input}
        id={ids.id}
        className="field__control"
        aria-describedby={ids.describedBy}
        aria-invalid={ids.invalid}
      />
    </div>
  );
}
