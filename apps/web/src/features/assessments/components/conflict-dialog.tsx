import * as RadixDialog from '@radix-ui/react-dialog';
import type { TAnswer, TIndicator, TLevel } from '@waymark/rubric';
import { Button } from '../../../components/button';
import { type AnswerFormValues, fromAnswer } from '../lib/answer-form';
import { AnswerSummary } from './answer-summary';

interface ConflictDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  mine: AnswerFormValues;
  theirs: TAnswer;
  levels: readonly TLevel[];
  indicators: readonly TIndicator[];
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Two people saved the same answer: show both side by side and let this user keep theirs (saved
 * over the other, on its version) or take the other. Closing without choosing leaves the change
 * on this device and the status offers the choice again.
 */
export function ConflictDialog({
  open,
  onOpenChange,
  mine,
  theirs,
  levels,
  indicators,
  onKeepMine,
  onTakeTheirs,
}: ConflictDialogProps) {
  const who = theirs.updatedBy?.name ?? 'Someone else';
  const when = dateTime.format(new Date(theirs.updatedAt));
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog__overlay" />
        <RadixDialog.Content className="dialog conflict-dialog">
          <RadixDialog.Title className="dialog__title">
            {who} changed this answer while you were editing
          </RadixDialog.Title>
          <RadixDialog.Description className="dialog__description">
            Both versions are below. Keep yours to save it over theirs, or take theirs to replace
            what you typed.
          </RadixDialog.Description>
          <div className="conflict-dialog__versions">
            <section aria-labelledby="conflict-mine" className="conflict-dialog__version">
              <h3 id="conflict-mine">Your version</h3>
              <AnswerSummary values={mine} levels={levels} indicators={indicators} />
            </section>
            <section aria-labelledby="conflict-theirs" className="conflict-dialog__version">
              <h3 id="conflict-theirs">
                Saved by {who}, {when}
              </h3>
              <AnswerSummary values={fromAnswer(theirs)} levels={levels} indicators={indicators} />
            </section>
          </div>
          <div className="dialog__actions">
            <Button variant="secondary" onClick={onTakeTheirs}>
              Take theirs
            </Button>
            <Button variant="primary" onClick={onKeepMine}>
              Keep mine
            </Button>
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
