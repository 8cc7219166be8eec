import type { TIndicator, TLevel } from '@waymark/rubric';
import { type AnswerFormValues, chosenLevel, DONT_KNOW, NOT_APPLICABLE } from '../lib/answer-form';
import { levelName } from '../lib/assessment-outline';
import { EvidenceLinkList } from './evidence-link-list';
import { UNIT_LABELS } from './indicators-field';

/** The rows of a summary, named so that the conflict dialog can mark those that differ. */
export type AnswerSummaryRow = 'choice' | 'reason' | 'target' | 'notes' | 'evidence' | 'indicators';

interface AnswerSummaryProps {
  values: AnswerFormValues;
  levels: readonly TLevel[];
  indicators?: readonly TIndicator[];
  /** Rows to highlight as different from another version (the conflict dialog). */
  differs?: ReadonlySet<AnswerSummaryRow>;
}

export function describeChoice(values: AnswerFormValues, levels: readonly TLevel[]): string {
  if (values.choice === NOT_APPLICABLE) return 'Not applicable';
  if (values.choice === DONT_KNOW) return "Don't know yet";
  const level = chosenLevel(values.choice);
  if (level === null) return 'Not answered';
  return `Level ${level}: ${levelName(levels, level)}`;
}

/** An answer in words, for the conflict dialog and a locked assessment. */
export function AnswerSummary({ values, levels, indicators = [], differs }: AnswerSummaryProps) {
  const row = (name: AnswerSummaryRow) =>
    differs?.has(name) ? { className: 'answer-summary__row--differs' } : {};
  const mark = (name: AnswerSummaryRow) =>
    differs?.has(name) ? <span className="answer-summary__differs"> (differs)</span> : null;
  const target = chosenLevel(values.targetLevel);
  const links = values.evidenceLinks.map((l) => l.url.trim()).filter((url) => url !== '');
  const numbers = indicators
    .map((indicator) => ({ indicator, value: values.indicators[indicator.id]?.trim() ?? '' }))
    .filter((entry) => entry.value !== '');
  return (
    <dl className="answer-summary">
      <div {...row('choice')}>
        <dt>
          Today
          {mark('choice')}
        </dt>
        <dd>{describeChoice(values, levels)}</dd>
      </div>
      {values.choice === NOT_APPLICABLE ? (
        <div {...row('reason')}>
          <dt>
            Why it does not apply
            {mark('reason')}
          </dt>
          <dd>{values.notApplicableReason.trim() || 'No reason given'}</dd>
        </div>
      ) : null}
      <div {...row('target')}>
        <dt>
          Target
          {mark('target')}
        </dt>
        <dd>{target === null ? 'Not set' : `Level ${target}: ${levelName(levels, target)}`}</dd>
      </div>
      <div {...row('notes')}>
        <dt>
          Notes
          {mark('notes')}
        </dt>
        <dd className="answer-summary__notes">{values.notes.trim() || 'None'}</dd>
      </div>
      <div {...row('evidence')}>
        <dt>
          Evidence
          {mark('evidence')}
        </dt>
        <dd>
          <EvidenceLinkList links={links} className="answer-summary__links" />
        </dd>
      </div>
      {numbers.length > 0 ? (
        <div {...row('indicators')}>
          <dt>
            Indicators
            {mark('indicators')}
          </dt>
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
