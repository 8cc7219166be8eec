import { MAX_EVIDENCE_LINKS } from '@waymark/rubric';
import { useId } from 'react';
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
}: EvidenceLinksFieldProps) {
  const id = useId();
  const { fields, append, remove } = useFieldArray({ control, name: 'evidenceLinks' });
  const full = fields.length >= MAX_EVIDENCE_LINKS;
  return (
    <fieldset className="evidence-links" aria-describedby={`${id}-hint`}>
      <legend className="answer-section__title">
        Evidence links <span className="field__optional">(optional)</span>
      </legend>
      <p className="field__hint" id={`${id}-hint`}>
        Web addresses of documents that show the level you chose, for example a published policy or
        report. Start each with https://.
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
                    {...register(`evidenceLinks.${index}.url`)}
                  />
                  <Button variant="secondary" onClick={() => remove(index)} disabled={disabled}>
                    Remove <span className="visually-hidden">link {index + 1}</span>
                  </Button>
                </div>
              </li>
            );
          })}
        </ol>
      ) : null}
      <Button
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
