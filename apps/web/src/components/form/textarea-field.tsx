import type { TextareaHTMLAttributes } from 'react';
import { CharacterCount } from './character-count';
import { type FieldProps, FieldShell, useFieldIds } from './field';

export interface TextareaFieldProps
  extends FieldProps,
    Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'children'> {
  ref?: React.Ref<HTMLTextAreaElement>;
  /** Shows "You have N characters remaining" under the box (pass the current value). */
  characterCount?: { value: string; limit: number };
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
  characterCount,
  ...textarea
}: TextareaFieldProps) {
  const ids = useFieldIds({ hint, error }, id);
  const countId = `${ids.id}-count`;
  const describedBy = characterCount
    ? [ids.describedBy, countId].filter(Boolean).join(' ')
    : ids.describedBy;
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
        aria-describedby={describedBy}
        aria-invalid={ids.invalid}
      />
      {characterCount ? (
        <CharacterCount id={countId} value={characterCount.value} limit={characterCount.limit} />
      ) : null}
    </FieldShell>
  );
}
