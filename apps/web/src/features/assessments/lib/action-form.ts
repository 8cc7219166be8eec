import {
  MAX_ACTION_DESCRIPTION_LENGTH,
  MAX_ACTION_TITLE_LENGTH,
  suggestAction,
  type TAction,
  type TActionStatus,
  type TAnswer,
  type TCreateActionBody,
  type TUpdateActionBody,
  ZActionStatus,
  ZDueDate,
} from '@waymark/rubric';
import { z } from 'zod';
import type { AssessmentOutline } from './assessment-outline';

/** The action form: strings as typed; `toActionBody` makes the contract's body from them. */
export const ZActionForm = z.object({
  criterionId: z.string().min(1, { message: 'Choose the question this action is for' }),
  title: z.string().trim().min(1).max(MAX_ACTION_TITLE_LENGTH),
  description: z.string().max(MAX_ACTION_DESCRIPTION_LENGTH),
  ownerUserId: z.string(),
  dueDate: z.union([z.literal(''), ZDueDate], {
    error: 'Enter a date, like 31/03/2027',
  }),
  status: ZActionStatus,
});
export type ActionFormValues = z.infer<typeof ZActionForm>;

export const ACTION_STATUS_LABELS: Record<TActionStatus, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
};

export function toActionBody(values: ActionFormValues): TCreateActionBody & TUpdateActionBody {
  const description = values.description.trim();
  return {
    criterionId: values.criterionId,
    title: values.title.trim(),
    description: description === '' ? null : description,
    ownerUserId: values.ownerUserId === '' ? null : values.ownerUserId,
    dueDate: values.dueDate === '' ? null : values.dueDate,
    status: values.status,
  };
}

export function fromAction(action: TAction): ActionFormValues {
  return {
    criterionId: action.criterionId,
    title: action.title,
    description: action.description ?? '',
    ownerUserId: action.owner?.userId ?? '',
    dueDate: action.dueDate ?? '',
    status: action.status,
  };
}

/** A new action's words for a question: "Fair pay: reach Embedding", the level's descriptor and example. */
export function suggestedWords(
  outline: AssessmentOutline,
  criterionId: string,
  answer: TAnswer | undefined,
): { title: string; description: string } {
  const entry = outline.byId.get(criterionId);
  if (!entry) return { title: '', description: '' };
  const suggestion = suggestAction(
    { levels: outline.levels },
    entry.criterion,
    answer?.notApplicable ? null : (answer?.level ?? null),
    MAX_ACTION_TITLE_LENGTH,
  );
  return { title: suggestion.title, description: suggestion.description ?? '' };
}
