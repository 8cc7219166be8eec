import type { TIndicator, TLevel } from '@waymark/rubric';
import { type AnswerFormValues, chosenLevel, DONT_KNOW, NOT_APPLICABLE } from '../lib/answer-form';
import { levelName } from '../lib/assessment-outline';
import { UNIT_LABELS } from './indicators-field';

interface AnswerSummaryProps {
  values: AnswerFormValues;
  levels: readonly TLevel[];
  indicators?: readonly TIndicator[];
}

export function describeChoice(values: AnswerFormValues, levels: readonly TLevel[]): string {
  if (values.choice === NOT_APPLICABLE) return 'Not applicable';
  if (values.choice === DONT_KNOW) return "Don't know yet";
  const level = chosenLevel(values.choice);
  if (level === null) return 'Not answered';
  return `Level ${level}: ${levelName(levels, level)}`;
}

/** An answer in words, for the conflict dialog and a locked assessment. */
export function AnswerSummary({ values, levels, indicators = [] }: AnswerSummaryProps) {
  const target = chosenLevel(values.targetLevel);
  const links = values.evidenceLinks.map((l) => l.url.trim()).filter((url) => url !== '');
  const numbers = indicators
    .map((indicator) => ({ indicator, value: values.indicators[indicator.id]?.trim() ?? '' }))
    .filter((entry) => entry.value !== '');
  return (
    <dl className="answer-summary">
      <div>
        <dt>Today</dt>
        <dd>{describeChoice(values, levels)}</dd>
      </div>
      {values.choice === NOT_APPLICABLE ? (
        <div>
          <dt>Why it does not apply</dt>
          <dd>{values.notApplicableReason.trim() || 'No reason given'}</dd>
        </div>
      ) : null}
      <div>
        <dt>Target</dt>
        <dd>{target === null ? 'Not set' : `Level ${target}: ${levelName(levels, target)}`}</dd>
      </div>
      <div>
        <dt>Notes</dt>
        <dd className="answer-summary__notes">{values.notes.trim() || 'None'}</dd>
      </div>
      <div>
        <dt>Evidence</dt>
        <dd>
          {links.length === 0 ? (
            'No links'
          ) : (
            <ul className="answer-summary__links">
              {links.map((url) => (
                <li key={url}>
                  <a href={url} rel="noopener noreferrer" target="_blank">
                    {url} <span className="visually-hidden">(opens in a new tab)</span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      {numbers.length > 0 ? (
        <div>
          <dt>Indicators</dt>
          <dd>
            <ul className="answer-summary__links">
              {numbers.map(({ indicator, value }) => (
                <li key={indicator.id}>
                  {indicator.label}: {value}
                  {UNIT_LABELS[indicator.unit].short ? ` ${UNIT_LABELS[indicator.unit].short}` : ''}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
