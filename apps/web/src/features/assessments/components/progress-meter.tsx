import { criteriaCounts } from '@waymark/rubric';
import { countLabel } from '../../../lib/format';

interface ProgressMeterProps {
  /** The progress counts: a question marked not applicable counts as answered and applicable. */
  answered: number;
  applicable: number;
  /** Questions marked not applicable: stated apart and left out of both counts, as the scores do. */
  notApplicable?: number;
  /** Shown before the numbers, e.g. a pillar's name for screen readers. */
  label?: string;
  /** A shorter sentence for a row in a list: "3 of 7 answered". */
  compact?: boolean;
}

/**
 * "34 of 34 applicable questions answered (100%); 1 marked not applicable" with a bar: the same
 * counts as the results page (issue 8). The words carry the meaning, the bar is decoration.
 */
export function ProgressMeter({
  answered,
  applicable,
  notApplicable = 0,
  label,
  compact = false,
}: ProgressMeterProps) {
  const counts = criteriaCounts({ answered, applicable }, notApplicable);
  return (
    <div className={compact ? 'progress-meter progress-meter--compact' : 'progress-meter'}>
      <p className="progress-meter__text">
        {label ? <span className="visually-hidden">{label}: </span> : null}
        {compact
          ? `${counts.answered} of ${counts.applicable} answered`
          : `${counts.answered} of ${countLabel(counts.applicable, 'applicable question', 'applicable questions')} answered (${counts.percent}%)`}
        {counts.notApplicable > 0
          ? `; ${counts.notApplicable} marked not applicable${compact ? '' : ', left out of the scores'}`
          : ''}
      </p>
      <div className="progress-meter__track" aria-hidden="true">
        <div className="progress-meter__bar" style={{ width: `${counts.percent}%` }} />
      </div>
    </div>
  );
}
