import * as RadixDialog from '@radix-ui/react-dialog';
import type { TAnswer, TIndicator, TLevel } from '@waymark/rubric';
import { useRef } from 'react';
import { Button } from '../../../components/button';
import { useDialogReturnFocus } from '../../../components/dialog';
import { type AnswerFormValues, canonicalForm, fromAnswer } from '../lib/answer-form';
import { AnswerSummary, type AnswerSummaryRow } from './answer-summary';

const ROW_LABELS: Record<AnswerSummaryRow, string> = {
  choice: 'where you are today',
  reason: 'why it does not apply',
  target: 'the target level',
  notes: 'the notes',
  evidence: 'the evidence links',
  indicators: 'the indicators',
};

/** Which parts of two versions of an answer differ (empty links and indicators ignored). */
export function differingRows(
  mine: AnswerFormValues,
  theirs: AnswerFormValues,
): Set<AnswerSummaryRow> {
  const links = (v: AnswerFormValues) =>
    JSON.stringify(v.evidenceLinks.map((l) => l.url.trim()).filter((url) => url !== ''));
  const numbers = (v: AnswerFormValues) => JSON.parse(canonicalForm(v))[5] as unknown;
  const rows = new Set<AnswerSummaryRow>();
  if (mine.choice !== theirs.choice) rows.add('choice');
  if (mine.notApplicableReason.trim() !== theirs.notApplicableReason.trim()) rows.add('reason');
  if (mine.targetLevel !== theirs.targetLevel) rows.add('target');
  if (mine.notes.trim() !== theirs.notes.trim()) rows.add('notes');
  if (links(mine) !== links(theirs)) rows.add('evidence');
  if (JSON.stringify(numbers(mine)) !== JSON.stringify(numbers(theirs))) rows.add('indicators');
  return rows;
}

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

function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
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
  const theirValues = fromAnswer(theirs);
  const differs = differingRows(mine, theirValues);
  const later = useRef<HTMLButtonElement>(null);
  const returnFocus = useDialogReturnFocus();
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog__overlay" />
        <RadixDialog.Content
          className="dialog conflict-dialog"
          // Start on the choice that loses nothing: decide later, keeping the change here.
          onOpenAutoFocus={(event) => {
            returnFocus.onOpenAutoFocus();
            event.preventDefault();
            later.current?.focus();
          }}
          onCloseAutoFocus={returnFocus.onCloseAutoFocus}
        >
          <RadixDialog.Title className="dialog__title">
            {who} changed this answer while you were editing
          </RadixDialog.Title>
          <RadixDialog.Description className="dialog__description">
            Both versions are below. Keep yours to save it over theirs, or take theirs to replace
            what you typed.
          </RadixDialog.Description>
          {differs.size > 0 ? (
            <p className="conflict-dialog__differs">
              They differ in {listInWords([...differs].map((row) => ROW_LABELS[row]))}, marked
              below.
            </p>
          ) : null}
          <div className="conflict-dialog__versions">
            <section aria-labelledby="conflict-mine" className="conflict-dialog__version">
              <h3 id="conflict-mine">Your version</h3>
              <AnswerSummary
                values={mine}
                levels={levels}
                indicators={indicators}
                differs={differs}
              />
            </section>
            <section aria-labelledby="conflict-theirs" className="conflict-dialog__version">
              <h3 id="conflict-theirs">
                Saved by {who}, {when}
              </h3>
              <AnswerSummary
                values={theirValues}
                levels={levels}
                indicators={indicators}
                differs={differs}
              />
            </section>
          </div>
          <div className="dialog__actions">
            <Button variant="secondary" ref={later} onClick={() => onOpenChange(false)}>
              Decide later
            </Button>
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
