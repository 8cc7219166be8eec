import { useEffect, useId, useRef, useState } from 'react';

export interface CopyFieldProps {
  label: string;
  value: string;
  hint?: React.ReactNode;
}

/**
 * A read-only value (an invitation link) with a Copy button. The text is selectable too, for when
 * the clipboard is unavailable; the result of copying is announced.
 */
export function CopyField({ label, value, hint }: CopyFieldProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (status === 'idle') return;
    const timer = setTimeout(() => setStatus('idle'), 4000);
    return () => clearTimeout(timer);
  }, [status]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('copied');
    } catch {
      inputRef.current?.select();
      setStatus('failed');
    }
  }

  return (
    <div className="field copy-field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="field__hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      <div className="field__with-button">
        <input
          ref={inputRef}
          id={id}
          className="field__control copy-field__value"
          value={value}
          readOnly
          onFocus={(event) => event.currentTarget.select()}
          aria-describedby={hint ? `${id}-hint` : undefined}
        />
        <button type="button" className="button button--secondary" onClick={copy}>
          Copy <span className="visually-hidden">{label.toLowerCase()}</span>
        </button>
      </div>
      <p className="copy-field__status" role="status">
        {status === 'copied' ? 'Copied to the clipboard.' : null}
        {status === 'failed'
          ? 'Could not copy: the text is selected, press Ctrl+C to copy it.'
          : null}
      </p>
    </div>
  );
}
