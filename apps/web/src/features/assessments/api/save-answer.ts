import { useQueryClient } from '@tanstack/react-query';
import {
  type TAnswer,
  type TAssessmentDetail,
  type TSaveAnswerBody,
  ZAnswer,
  ZAnswerConflictProblem,
} from '@waymark/rubric';
import { useCallback } from 'react';
import {
  ApiError,
  CLIENT_ERROR_CODES,
  problemFromFailedResponse,
  readJson,
} from '../../../lib/api-client';
import type { SaveOutcome } from '../hooks/use-autosave';
import { authorisedFetch } from './authorised-fetch';
import { assessmentKeys } from './get-assessment';

export const ANSWER_CONFLICT = 'answer_conflict';

/**
 * `PUT /assessments/:assessmentId/answers/:criterionId`. Resolves `saved` on 200 (the answer is
 * committed), `conflict` on 409 `answer_conflict` with the answer that won; throws `ApiError`
 * for everything else (status 0 when the network failed).
 */
export async function saveAnswer(
  assessmentId: string,
  criterionId: string,
  body: TSaveAnswerBody,
  { keepalive = false }: { keepalive?: boolean } = {},
): Promise<SaveOutcome<TAnswer>> {
  const path = `/assessments/${encodeURIComponent(assessmentId)}/answers/${encodeURIComponent(criterionId)}`;
  const response = await authorisedFetch(path, { method: 'PUT', body, keepalive });
  const json = await readJson(response);
  if (response.ok) {
    const parsed = ZAnswer.safeParse(json);
    if (!parsed.success) {
      throw new ApiError({
        type: 'about:blank',
        title: 'Unexpected answer from the server',
        status: response.status,
        code: CLIENT_ERROR_CODES.invalidResponse,
        detail:
          'The server sent data this version of the app does not understand. Reload the page.',
      });
    }
    return { kind: 'saved', server: parsed.data, version: parsed.data.version };
  }
  if (response.status === 409) {
    const raw = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
    // No stored answer at all (the change rests on one that is gone): nothing to overwrite, so
    // it is saved as the first answer.
    if (raw.code === ANSWER_CONFLICT && raw.current == null && body.version !== 0) {
      return saveAnswer(assessmentId, criterionId, { ...body, version: 0 }, { keepalive });
    }
    const conflict = ZAnswerConflictProblem.safeParse(json);
    if (conflict.success && conflict.data.code === ANSWER_CONFLICT && conflict.data.current) {
      const current = conflict.data.current;
      return { kind: 'conflict', server: current, version: current.version };
    }
  }
  throw new ApiError(problemFromFailedResponse(response, json));
}

/** Puts a saved answer into the cached assessment, so that other pages show it without a reload. */
export function useStoreSavedAnswer(assessmentId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    (answer: TAnswer) => {
      queryClient.setQueryData<TAssessmentDetail>(assessmentKeys.detail(assessmentId), (old) => {
        if (!old) return old;
        const others = old.answers.filter((a) => a.criterionId !== answer.criterionId);
        return { ...old, answers: [...others, answer] };
      });
      // Progress and results are worked out by the API: fetch them again. This also replaces a
      // read that started before the save and would otherwise land without it.
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.detail(assessmentId) });
    },
    [queryClient, assessmentId],
  );
}
