import { type ReactNode, useId } from 'react';

/**
 * The wiring every form field shares: a visible label, an optional hint and error, both linked to
 * the control by `aria-describedby`, and `aria-invalid` while there is an error.
 */
export interface FieldProps {
  label: ReactNode;
  /** Help shown under the label, e.g. "At least 12 characters". */
  hint?: ReactNode;
  /** The message to show; the field is marked invalid while there is one. */
  error?: string | undefined;
  /** Adds "(optional)" to the label. */
  optional?: boolean;
}

interface FieldIds {
  id: string;
  describedBy: string | undefined;
  invalid: true | undefined;
}

export function useFieldIds(
  { hint, error }: Pick<FieldProps, 'hint' | 'error'>,
  givenId?: string,
): FieldIds & { hintId: string; errorId: string } {
  const generated = useId();
  const id = givenId ?? generated;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return {
    id,
    hintId,
    errorId,
    describedBy: describedBy || undefined,
    invalid: error ? true : undefined,
  };
}

export function FieldLabel({
  htmlFor,
  label,
  optional,
}: {
  htmlFor: string;
  label: ReactNode;
  optional?: boolean | undefined;
}) {
  return (
    <label className="field__label" htmlFor={htmlFor}>
      {label}
      {optional ? <span className="field__optional"> (optional)</span> : null}
    </label>
  );
}

export function FieldHint({ id, hint }: { id: string; hint: ReactNode }) {
  if (!hint) return null;
  return (
    <div className="field__hint" id={id}>
      {hint}
    </div>
  );
}

export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p className="field__error" id={id}>
      <span className="visually-hidden">Error:</span> {error}
    </p>
  );
}

/** The wrapper every field draws around its control: label, hint and error, in that order. */
export function FieldShell({
  ids,
  label,
  hint,
  error,
  optional,
  className,
  children,
}: FieldProps & {
  ids: { id: string; hintId: string; errorId: string };
  className?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <FieldLabel htmlFor={ids.id} label={label} optional={optional} />
      <FieldHint id={ids.hintId} hint={hint} />
      <FieldError id={ids.errorId} error={error} />
      {children}
    </div>
  );
}
