import type { TextareaHTMLAttributes } from 'react';
import { FieldError, FieldHint, FieldLabel, type FieldProps, useFieldIds } from './field';

export interface TextareaFieldProps
  extends FieldProps,
    Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'children'> {
  ref?: React.Ref<HTMLTextAreaElement>;
}

/** A labelled multi-line text box. */
export function TextareaField({
  label,
  hint,
  error,
  optional,
  id,
  className,
  rows = 4,
  ...textarea
}: TextareaFieldProps) {
  const ids = useFieldIds({ hint, error }, id);
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <FieldLabel htmlFor={ids.id} label={label} optional={optional} />
      <FieldHint id={ids.hintId} hint={hint} />
      <FieldError id={ids.errorId} error={error} />
      <textarea
        {...textarea}
        rows={rows}
        id={ids.id}
        className="field__control field__control--textarea"
        aria-describedby={ids.describedBy}
        aria-invalid={ids.invalid}
      />
    </div>
  );
}
