import { countLabel } from '../../../lib/format';

interface ProgressMeterProps {
  answered: number;
  applicable: number;
  /** Shown before the numbers, e.g. a pillar's name for screen readers. */
  label?: string;
}

/** "3 of 7 criteria answered (43%)" with a bar; the words carry the meaning, the bar is decoration. */
export function ProgressMeter({ answered, applicable, label }: ProgressMeterProps) {
  const percent = applicable === 0 ? 100 : Math.round((answered / applicable) * 100);
  return (
    <div className="progress-meter">
      <p className="progress-meter__text">
        {label ? <span className="visually-hidden">{label}: </span> : null}
        {answered} of {countLabel(applicable, 'criterion', 'criteria')} answered ({percent}%)
      </p>
      <div className="progress-meter__track" aria-hidden="true">
        <div className="progress-meter__bar" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
