import { useEffect, useRef } from 'react';
import { describeProblem } from '../../lib/problem-messages';

export interface FormAlertProps {
  /** What went wrong: an `ApiError` (said in plain English by its code) or anything else. */
  error: unknown;
  /** Defaults to the problem's title, e.g. "There is a problem". */
  heading?: string;
}

/**
 * A form-level problem (wrong password, rate limit, lost connection…), announced as an alert and
 * focused so that keyboard and screen-reader users land on it. Renders nothing without an error.
 */
export function FormAlert({ error, heading }: FormAlertProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const { title, detail, issues: described } = describeProblem(error);
  const issues = described.map((issue) => issue.message);
  return (
    <div className="form-alert" role="alert" tabIndex={-1} ref={ref}>
      <p className="form-alert__title">{heading ?? title}</p>
      <p className="form-alert__detail">{detail}</p>
      {issues.length > 0 ? (
        <ul className="form-alert__issues">
          {issues.map((issue) => (
            <li key={issue}>{issue}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
