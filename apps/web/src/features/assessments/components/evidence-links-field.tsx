import { MAX_EVIDENCE_LINKS } from '@waymark/rubric';
import { useEffect, useId, useRef, useState } from 'react';
import {
  type Control,
  type FieldErrors,
  type UseFormRegister,
  useFieldArray,
} from 'react-hook-form';
import { Button } from '../../../components/button';
import { FieldError } from '../../../components/form/field';
import type { AnswerFormValues } from '../lib/answer-form';

interface EvidenceLinksFieldProps {
  control: Control<AnswerFormValues>;
  register: UseFormRegister<AnswerFormValues>;
  errors: FieldErrors<AnswerFormValues>;
  disabled?: boolean;
  /** Leaving a link: the form may rewrite it (`www.example.org` → `https://www.example.org`). */
  onNormalise?: (index: number, url: string) => void;
}

/**
 * Links to evidence behind the chosen level (a policy, a report, a certificate): one row per link,
 * each checked as an http(s) address as it is typed, with its own error beside it.
 */
export function EvidenceLinksField({
  control,
  register,
  errors,
  disabled = false,
  onNormalise,
}: EvidenceLinksFieldProps) {
  const id = useId();
  const { fields, append, remove } = useFieldArray({ control, name: 'evidenceLinks' });
  const full = fields.length >= MAX_EVIDENCE_LINKS;
  const addRef = useRef<HTMLButtonElement>(null);
  // After "Remove", focus goes to the link that took its place, else the one before, else "Add a
  // link": never to the page's body (issue 8, point 3).
  const [removedAt, setRemovedAt] = useState<number | null>(null);
  useEffect(() => {
    if (removedAt === null) return;
    setRemovedAt(null);
    const neighbour = Math.min(removedAt, fields.length - 1);
    const input = neighbour >= 0 ? document.getElementById(`${id}-link-${neighbour}`) : null;
    (input ?? addRef.current)?.focus();
  }, [removedAt, fields.length, id]);
  const registered = (index: number) => {
    const field = register(`evidenceLinks.${index}.url`);
    return {
      ...field,
      onBlur: async (event: React.FocusEvent<HTMLInputElement>) => {
        await field.onBlur(event);
        onNormalise?.(index, event.target.value);
      },
    };
  };
  return (
    <fieldset className="evidence-links" aria-describedby={`${id}-hint`}>
      <legend className="answer-section__title">
        Evidence links <span className="field__optional">(optional)</span>
      </legend>
      <p className="field__hint" id={`${id}-hint`}>
        Web addresses of documents that show the level you chose, for example a published policy or
        report, like https://www.example.org.
      </p>
      {fields.length > 0 ? (
        <ol className="evidence-links__list">
          {fields.map((field, index) => {
            const inputId = `${id}-link-${index}`;
            const errorId = `${inputId}-error`;
            const error = errors.evidenceLinks?.[index]?.url?.message;
            return (
              <li key={field.id} className="evidence-links__row">
                <label className="field__label" htmlFor={inputId}>
                  Link {index + 1}
                </label>
                <FieldError id={errorId} error={error} />
                <div className="field__with-button">
                  <input
                    id={inputId}
                    type="url"
                    inputMode="url"
                    autoComplete="url"
                    spellCheck={false}
                    placeholder="https://"
                    className="field__control"
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? errorId : undefined}
                    disabled={disabled}
                    {...registered(index)}
                  />
                  <Button
                    variant="secondary"
                    onClick={() => {
                      remove(index);
                      setRemovedAt(index);
                    }}
                    disabled={disabled}
                  >
                    Remove <span className="visually-hidden">link {index + 1}</span>
                  </Button>
                </div>
              </li>
            );
          })}
        </ol>
      ) : null}
      <Button
        ref={addRef}
        variant="secondary"
        onClick={() => append({ url: '' })}
        disabled={disabled || full}
        className="evidence-links__add"
      >
        {fields.length === 0 ? 'Add a link' : 'Add another link'}
      </Button>
      {full ? <p className="field__hint">You can add up to {MAX_EVIDENCE_LINKS} links.</p> : null}
    </fieldset>
  );
}
