import { useEffect, useRef } from 'react';
import { isApiError } from '../../lib/api-client';

export interface FormAlertProps {
  /** What went wrong: an `ApiError` (its problem detail is shown) or anything else (generic text). */
  error: unknown;
  /** Defaults to the problem's title, e.g. "There is a problem". */
  heading?: string;
}

function describe(error: unknown): { title: string; detail: string; issues: string[] } {
  if (isApiError(error)) {
    const { problem } = error;
    const issues = (problem.issues ?? []).map((issue) => {
      const where = issue.path.replace(/^(body|querystring|params)\.?/, '');
      return where ? `${where}: ${issue.message}` : issue.message;
    });
    return { title: problem.title, detail: problem.detail ?? problem.title, issues };
  }
  return {
    title: 'Something went wrong',
    detail: 'Something went wrong on our side. Please try again.',
    issues: [],
  };
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
  const { title, detail, issues } = describe(error);
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
