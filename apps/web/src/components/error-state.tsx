import { useId } from 'react';
import { isApiError } from '../lib/api-client';

export interface ErrorStateProps {
  /** What could not be done, e.g. "We couldn't load the framework". */
  heading: string;
  error: unknown;
  onRetry?: () => void;
  /** True while a retry is in flight: the button says so and cannot be pressed twice. */
  retrying?: boolean;
  /** 1 when the failure is the whole page, 2 (default) when it is one part of it. */
  headingLevel?: 1 | 2;
  /** Other ways forward, e.g. a link elsewhere when retrying cannot help. */
  children?: React.ReactNode;
}

function describe(error: unknown): { detail: string; code: string | null } {
  if (isApiError(error)) {
    const { problem } = error;
    return { detail: problem.detail ?? problem.title, code: problem.code };
  }
  return { detail: 'Something went wrong on our side. Please try again.', code: null };
}

/** A failure the user can act on: what failed, why (the API's problem detail), and a retry. */
export function ErrorState({
  heading,
  error,
  onRetry,
  retrying = false,
  headingLevel = 2,
  children,
}: ErrorStateProps) {
  const headingId = useId();
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const { detail, code } = describe(error);
  return (
    <section className="state-panel state-panel--error" role="alert" aria-labelledby={headingId}>
      <Heading id={headingId} className="state-panel__heading">
        {heading}
      </Heading>
      <p className="state-panel__detail">{detail}</p>
      {code ? (
        <p className="state-panel__code">
          Error code: <code>{code}</code>
        </p>
      ) : null}
      {onRetry ? (
        <button
          type="button"
          className="button button--primary"
          onClick={onRetry}
          disabled={retrying}
        >
          {retrying ? 'Trying again…' : 'Try again'}
        </button>
      ) : null}
      {children}
    </section>
  );
}
