import type { ButtonHTMLAttributes } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  /** True while the action runs: the button is disabled and says `pendingLabel`. */
  pending?: boolean;
  /** What the button says while pending, e.g. "Signing in…" (default: its usual label). */
  pendingLabel?: string;
  ref?: React.Ref<HTMLButtonElement>;
}

/**
 * A button in one of the app's styles. `type` defaults to "button" so that a button inside a form
 * never submits it by accident; pass `type="submit"` for the one that should.
 */
export function Button({
  variant = 'primary',
  pending = false,
  pendingLabel,
  type = 'button',
  className,
  disabled,
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={['button', `button--${variant}`, className].filter(Boolean).join(' ')}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
    >
      {pending ? (
        <>
          <span className="spinner spinner--inline" aria-hidden="true" />
          {pendingLabel ?? children}
        </>
      ) : (
        children
      )}
    </button>
  );
}
