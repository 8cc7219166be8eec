import type { SelectHTMLAttributes } from 'react';
import { type FieldProps, FieldShell, useFieldIds } from './field';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps
  extends FieldProps,
    Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'> {
  options: readonly SelectOption[];
  /** A first, empty choice such as "Choose a size"; its value is "". */
  placeholder?: string;
  ref?: React.Ref<HTMLSelectElement>;
}

/** A labelled native `<select>`: the most dependable choice list on every device and reader. */
export function SelectField({
  label,
  hint,
  error,
  optional,
  id,
  className,
  options,
  placeholder,
  ...select
}: SelectFieldProps) {
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
      <select
        {...select}
        id={ids.id}
        className="field__control field__control--select"
        aria-describedby={ids.describedBy}
        aria-invalid={ids.invalid}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
