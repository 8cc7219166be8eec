import { indicatorBounds, type TIndicator, type TIndicatorUnit } from '@waymark/rubric';
import { useId } from 'react';
import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { FieldError } from '../../../components/form/field';
import type { AnswerFormValues } from '../lib/answer-form';

export const UNIT_LABELS: Record<TIndicatorUnit, { short: string; long: string }> = {
  percent: { short: '%', long: 'per cent' },
  count: { short: '', long: 'a whole number' },
  tco2e: { short: 'tCO2e', long: 'tonnes of CO2 equivalent' },
  hours: { short: 'hours', long: 'hours' },
};

interface IndicatorsFieldProps {
  indicators: readonly TIndicator[];
  pillarTitle: string;
  register: UseFormRegister<AnswerFormValues>;
  errors: FieldErrors<AnswerFormValues>;
  disabled?: boolean;
}

/**
 * The pillar's yearly numbers (RUBRIC.md: entered beside the level choices, never scored), each a
 * number input with its unit shown after it and spoken in its description.
 */
export function IndicatorsField({
  indicators,
  pillarTitle,
  register,
  errors,
  disabled = false,
}: IndicatorsFieldProps) {
  const id = useId();
  if (indicators.length === 0) return null;
  return (
    <fieldset className="indicators" aria-describedby={`${id}-hint`}>
      <legend className="answer-section__title">
        {pillarTitle} indicators <span className="field__optional">(optional)</span>
      </legend>
      <p className="field__hint" id={`${id}-hint`}>
        Numbers for the last full year, entered once for the whole pillar. They are shown beside
        your results and never change your score.
      </p>
      <div className="indicators__grid">
        {indicators.map((indicator) => {
          const inputId = `${id}-${indicator.id}`;
          const hintId = `${inputId}-hint`;
          const unitId = `${inputId}-unit`;
          const errorId = `${inputId}-error`;
          const error = errors.indicators?.[indicator.id]?.message;
          const bounds = indicatorBounds(indicator);
          const unit = UNIT_LABELS[indicator.unit];
          return (
            <div key={indicator.id} className="field indicators__field">
              <label className="field__label" htmlFor={inputId}>
                {indicator.label}
              </label>
              {indicator.description ? (
                <p className="field__hint" id={hintId}>
                  {indicator.description}
                </p>
              ) : null}
              <FieldError id={errorId} error={error} />
              <div className="indicators__input">
                <input
                  id={inputId}
                  type="number"
                  inputMode="decimal"
                  step={bounds.integer ? 1 : 'any'}
                  min={bounds.min}
                  max={bounds.max === Number.MAX_SAFE_INTEGER ? undefined : bounds.max}
                  className="field__control indicators__control"
                  aria-invalid={error ? true : undefined}
                  aria-describedby={
                    [indicator.description ? hintId : null, unitId, error ? errorId : null]
                      .filter(Boolean)
                      .join(' ') || undefined
                  }
                  disabled={disabled}
                  {...register(`indicators.${indicator.id}`)}
                />
                <span className="indicators__unit" id={unitId}>
                  {unit.short ? <span aria-hidden="true">{unit.short}</span> : null}
                  <span className="visually-hidden">In {unit.long}</span>
                </span>
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
