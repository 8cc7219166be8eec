import type { TextareaHTMLAttributes } from 'react';
import { type FieldProps, FieldShell, useFieldIds } from './field';

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
    <FieldShell
      ids={ids}
      label={label}
      hint={hint}
      error={error}
      optional={optional}
      className={className}
    >
      <textarea
        {...textarea}
        rows={rows}
        id={ids.id}
        className="field__control field__control--textarea"
        aria-describedby={ids.describedBy}
        aria-invalid={ids.invalid}
      />
    </FieldShell>
  );
}
