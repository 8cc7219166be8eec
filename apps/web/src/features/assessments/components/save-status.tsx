import type { TProblem } from '@waymark/rubric';
import { Button } from '../../../components/button';
import { describeProblemDetails } from '../../../lib/problem-messages';
import { type AutosaveStatus, isOfflineProblem } from '../hooks/use-autosave';

interface SaveStatusProps {
  status: AutosaveStatus;
  error: TProblem | null;
  lastSavedAt: number | null;
  /** Why the form cannot be saved yet (status `invalid`). */
  invalidReason?: string | null;
  onRetry: () => void;
  onResolveConflict: () => void;
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

function message(props: SaveStatusProps): { text: string; tone: string } {
  const { status, error, lastSavedAt, invalidReason } = props;
  switch (status) {
    case 'idle':
      return { text: 'Changes are saved as you go', tone: 'quiet' };
    case 'invalid':
      return {
        text: `Not saved yet: ${invalidReason ?? 'fix the fields marked below'}`,
        tone: 'warning',
      };
    case 'pending':
    case 'saving':
      return { text: 'Saving…', tone: 'busy' };
    case 'saved':
      return {
        text: lastSavedAt ? `Saved at ${timeFormat.format(lastSavedAt)}` : 'Saved',
        tone: 'success',
      };
    case 'retrying':
      return isOfflineProblem(error)
        ? { text: 'Offline — will retry. Your change is kept on this device.', tone: 'warning' }
        : { text: 'Saving failed — trying again…', tone: 'warning' };
    case 'error': {
      // Said by the problem's code; a 4xx waits for the user to change something, so no retry
      // is promised or offered.
      if (!error) return { text: 'Not saved. Try again.', tone: 'error' };
      const { detail, issues } = describeProblemDetails(error);
      const what =
        issues.length > 0 ? `${issues.map((issue) => issue.message).join('. ')}.` : detail;
      return { text: `Not saved. ${what}`, tone: 'error' };
    }
    case 'conflict':
      return { text: 'Someone else changed this answer while you were editing', tone: 'error' };
  }
}

/**
 * Where the answer's autosave stands, said in words and announced politely to screen readers.
 * Failures come with the way out: Retry, or settle a conflict.
 */
export function SaveStatus(props: SaveStatusProps) {
  const { status, error, onRetry, onResolveConflict } = props;
  const { text, tone } = message(props);
  return (
    <div className={`save-status save-status--${tone}`} data-status={status}>
      <p className="save-status__text" role="status" aria-live="polite">
        <span className="save-status__icon" aria-hidden="true" />
        {text}
      </p>
      {status === 'error' && (!error || describeProblemDetails(error).retryable) ? (
        <Button variant="secondary" onClick={onRetry} className="save-status__action">
          Retry
        </Button>
      ) : null}
      {status === 'conflict' ? (
        <Button variant="secondary" onClick={onResolveConflict} className="save-status__action">
          Choose which to keep
        </Button>
      ) : null}
    </div>
  );
}
