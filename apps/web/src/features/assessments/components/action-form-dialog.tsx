import type { TAction, TAnswer, TMember } from '@waymark/rubric';
import { useEffect, useId } from 'react';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { ErrorSummary } from '../../../components/form/error-summary';
import { FieldError } from '../../../components/form/field';
import { SelectField } from '../../../components/form/select-field';
import { TextField } from '../../../components/form/text-field';
import { TextareaField } from '../../../components/form/textarea-field';
import { applyServerErrors, useZodForm } from '../../../lib/form';
import { options } from '../../../lib/organisation-labels';
import { useCreateAction, useUpdateAction } from '../api/actions';
import {
  ACTION_STATUS_LABELS,
  type ActionFormValues,
  fromAction,
  suggestedWords,
  toActionBody,
  ZActionForm,
} from '../lib/action-form';
import type { AssessmentOutline } from '../lib/assessment-outline';

interface ActionFormDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  assessmentId: string;
  outline: AssessmentOutline;
  answers: ReadonlyMap<string, TAnswer>;
  members: readonly TMember[];
  /** The action to edit; a new one when absent. */
  action?: TAction;
  /** For a new action: the question it starts from. */
  criterionId?: string;
  onDone: (action: TAction) => void;
}

const FIELDS = ['criterionId', 'title', 'description', 'ownerUserId', 'dueDate', 'status'] as const;

/**
 * Create or edit an action. A new action's title and description start from the question's next
 * level ("Fair pay: reach Embedding", its descriptor and example) until the user writes their own.
 */
export function ActionFormDialog({
  open,
  onOpenChange,
  assessmentId,
  outline,
  answers,
  members,
  action,
  criterionId,
  onDone,
}: ActionFormDialogProps) {
  const criterionSelectId = useId();
  const create = useCreateAction(assessmentId);
  const update = useUpdateAction(assessmentId);
  const mutation = action ? update : create;
  const prefill = (id: string) => suggestedWords(outline, id, answers.get(id));
  const initial: ActionFormValues = action
    ? fromAction(action)
    : {
        criterionId: criterionId ?? '',
        ...prefill(criterionId ?? ''),
        ownerUserId: '',
        dueDate: '',
        status: 'planned',
      };
  const form = useZodForm(ZActionForm, { defaultValues: initial });
  const { register, handleSubmit, formState, setValue, watch, setError, reset } = form;
  const { errors, dirtyFields, submitCount } = formState;

  useEffect(() => {
    if (open) {
      reset(initial);
      mutation.reset();
    }
  }, [open]);

  // A new action follows the chosen question's next level until its words are edited.
  const chosen = watch('criterionId');
  useEffect(() => {
    if (action || !chosen) return;
    const words = prefill(chosen);
    if (!dirtyFields.title) setValue('title', words.title);
    if (!dirtyFields.description) setValue('description', words.description);
  }, [chosen]);

  const submit = handleSubmit(async (values) => {
    const body = toActionBody(values);
    try {
      const saved = action
        ? await update.mutateAsync({ actionId: action.id, body })
        : await create.mutateAsync(body);
      onDone(saved);
    } catch (error) {
      applyServerErrors(error, setError, { fields: FIELDS });
    }
  });

  const criterionError = errors.criterionId?.message;
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={action ? 'Edit action' : 'New action'}
      description="A step towards a question's next level, with who does it and by when."
    >
      <form onSubmit={submit} noValidate className="action-form">
        <ErrorSummary
          fieldErrors={errors}
          focusKey={submitCount}
          error={mutation.error}
          heading="The action was not saved"
        />
        <div className="field">
          <label className="field__label" htmlFor={criterionSelectId}>
            Question
          </label>
          <FieldError id={`${criterionSelectId}-error`} error={criterionError} />
          <select
            id={criterionSelectId}
            className="field__control field__control--select"
            aria-invalid={criterionError ? true : undefined}
            aria-describedby={criterionError ? `${criterionSelectId}-error` : undefined}
            {...register('criterionId')}
          >
            <option value="">Choose a question</option>
            {outline.pillars.map((p) => (
              <optgroup key={p.pillar.id} label={p.pillar.title}>
                {p.criteria.map(({ criterion }) => (
                  <option key={criterion.id} value={criterion.id}>
                    {criterion.title}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <TextField label="Title" error={errors.title?.message} {...register('title')} />
        <TextareaField
          label="Description"
          optional
          rows={3}
          error={errors.description?.message}
          {...register('description')}
        />
        <div className="action-form__row">
          <SelectField
            label="Owner"
            placeholder="Nobody yet"
            options={members.map((m) => ({ value: m.userId, label: m.name }))}
            error={errors.ownerUserId?.message}
            {...register('ownerUserId')}
          />
          <TextField
            label="Due date"
            type="date"
            optional
            error={errors.dueDate?.message}
            {...register('dueDate')}
          />
          <SelectField
            label="Status"
            options={options(ACTION_STATUS_LABELS)}
            error={errors.status?.message}
            {...register('status')}
          />
        </div>
        <div className="dialog__actions">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" pending={mutation.isPending} pendingLabel="Saving…">
            {action ? 'Save changes' : 'Add action'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
