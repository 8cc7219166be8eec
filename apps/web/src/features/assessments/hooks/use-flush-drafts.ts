import type { TAssessmentDetail } from '@waymark/rubric';
import { useEffect, useState } from 'react';
import { saveAnswer, useStoreSavedAnswer } from '../api/save-answer';
import {
  type AnswerFormValues,
  answerFormSchema,
  isSameAnswer,
  toAnswerBody,
} from '../lib/answer-form';
import { clearDraft, draftCriterionIds, draftKey, readDraft } from '../lib/draft-storage';

/**
 * Changes kept on this device for criteria the user is not looking at (they left the page before
 * the save went through) are sent when an assessment page opens. Those that cannot be sent as they
 * are — a conflict with a colleague, a failure — stay on the device, and their ids are returned
 * so that the page can send the user to settle them.
 */
export function useFlushDrafts(assessmentId: string, detail: TAssessmentDetail): string[] {
  const storeSaved = useStoreSavedAnswer(assessmentId);
  const applicable = new Set(detail.pillars.flatMap((p) => p.criterionIds));
  const [remaining, setRemaining] = useState<string[]>([]);
  const canEdit = detail.canEdit;

  useEffect(() => {
    if (!canEdit) return;
    let cancelled = false;
    const ids = draftCriterionIds(assessmentId).filter((id) => applicable.has(id));
    void Promise.all(
      ids.map(async (criterionId): Promise<string | null> => {
        const key = draftKey(assessmentId, criterionId);
        const draft = readDraft<AnswerFormValues>(key);
        if (!draft) return null;
        // Only a change that the form would have saved: an invalid one waits for its page.
        if (!answerFormSchema([]).safeParse(draft.values).success) return criterionId;
        try {
          const outcome = await saveAnswer(
            assessmentId,
            criterionId,
            toAnswerBody(draft.values, draft.baseVersion),
          );
          // A conflict with the very same answer means an earlier save of it did get through.
          if (outcome.kind !== 'saved' && !isSameAnswer(draft.values, outcome.server)) {
            return criterionId;
          }
          // Cleared only if nothing newer was typed meanwhile (in another tab, say).
          if (readDraft(key)?.changedAt === draft.changedAt) clearDraft(key);
          storeSaved(outcome.server);
          return null;
        } catch {
          return criterionId;
        }
      }),
    ).then((results) => {
      if (!cancelled) setRemaining(results.filter((id): id is string => id !== null));
    });
    return () => {
      cancelled = true;
    };
  }, [assessmentId, canEdit]);

  return remaining;
}
