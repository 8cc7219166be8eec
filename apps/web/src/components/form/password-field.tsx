import { type InputHTMLAttributes, useState } from 'react';
import { FieldError, FieldHint, FieldLabel, type FieldProps, useFieldIds } from './field';

export interface PasswordFieldProps
  extends FieldProps,
    Omit<InputHTMLAttributes<HTMLInputElement>, 'children' | 'type'> {
  /** `current-password` to sign in, `new-password` to choose one (password managers rely on it). */
  autoComplete: 'current-password' | 'new-password';
  ref?: React.Ref<HTMLInputElement>;
}

/** A password input with a "Show" toggle, so that a long password can be checked before sending. */
export function PasswordField({
  label,
  hint,
  error,
  optional,
  id,
  className,
  ...input
}: PasswordFieldProps) {
  const ids = useFieldIds({ hint, error }, id);
  const [visible, setVisible] = useState(false);
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <FieldLabel htmlFor={ids.id} label={label} optional={optional} />
      <FieldHint id={ids.hintId} hint={hint} />
      <FieldError id={ids.errorId} error={error} />
      <div className="field__with-button">
        <input
          {...input}
          id={ids.id}
          type={visible ? 'text' : 'password'}
          className="field__control"
          aria-describedby={ids.describedBy}
          aria-invalid={ids.invalid}
          autoCapitalize="none"
          spellCheck={false}
        />
        <button
          type="button"
          className="button button--secondary field__toggle"
          aria-controls={ids.id}
          aria-pressed={visible}
          onClick={() => setVisible((v) => !v)}
        >
          Show <span className="visually-hidden">password</span>
        </button>
      </div>
    </div>
  );
}
