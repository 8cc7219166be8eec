import { zodResolver } from '@hookform/resolvers/zod';
import {
  MAX_NOTES_LENGTH,
  type TAnswer,
  type TCriterion,
  type TIndicator,
  type TLevel,
} from '@waymark/rubric';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { ErrorSummary, flattenFieldErrors } from '../../../components/form/error-summary';
import { SelectField } from '../../../components/form/select-field';
import { TextareaField } from '../../../components/form/textarea-field';
import { saveAnswer, useStoreSavedAnswer } from '../api/save-answer';
import { useAutosave } from '../hooks/use-autosave';
import {
  type AnswerFormValues,
  answerFormSchema,
  canonicalForm,
  chosenLevel,
  fromAnswer,
  isSameAnswer,
  NOT_APPLICABLE,
  normaliseEvidenceLink,
  toAnswerBody,
} from '../lib/answer-form';
import { draftKey } from '../lib/draft-storage';
import { ConflictDialog } from './conflict-dialog';
import { EvidenceLinksField } from './evidence-links-field';
import { IndicatorsField } from './indicators-field';
import { LevelChoice } from './level-choice';
import { SaveStatus } from './save-status';

/**
 * A level reached with the arrow keys is saved only if it is still chosen this long after, unless
 * the user settles on it sooner (Space, a click, or leaving the levels): arrowing from level 1 to
 * level 4 saves one answer, not four (issue 8, point 4).
 */
export const LEVEL_SETTLE_MS = 2500;

/** True when the API would take these values as they are. */
function isSendable(schema: ReturnType<typeof answerFormSchema>, values: AnswerFormValues) {
  if (!schema.safeParse(values).success) return false;
  try {
    toAnswerBody(values, 0);
    return true;
  } catch {
    return false;
  }
}

interface CriterionFormProps {
  assessmentId: string;
  criterion: TCriterion;
  pillarTitle: string;
  levels: readonly TLevel[];
  /** The pillar's indicators when this is the page that holds them, else none. */
  indicators: readonly TIndicator[];
  /** The stored answer when the page opened, if any. */
  answer: TAnswer | undefined;
}

/**
 * One criterion's answer, saved as it is typed (see `useAutosave`). Mount it with a `key` per
 * assessment and criterion: the autosave and the form both start from the page's answer, or from
 * an unsaved change that this device kept.
 */
export function CriterionForm({
  assessmentId,
  criterion,
  pillarTitle,
  levels,
  indicators,
  answer,
}: CriterionFormProps) {
  const ids = useId();
  const schema = useMemo(() => answerFormSchema(indicators), [indicators]);
  const storeSaved = useStoreSavedAnswer(assessmentId);
  const autosave = useAutosave<AnswerFormValues, TAnswer>({
    storageKey: draftKey(assessmentId, criterion.id),
    serverVersion: answer?.version ?? 0,
    serverValue: answer,
    save: (values, version, { keepalive }) =>
      saveAnswer(assessmentId, criterion.id, toAnswerBody(values, version), { keepalive }),
    isSame: isSameAnswer,
    isSavable: (values) => isSendable(schema, values),
    onSaved: storeSaved,
  });
  const [defaults] = useState(() => autosave.restoredValues ?? fromAnswer(answer));
  const form = useForm<AnswerFormValues>({
    defaultValues: defaults,
    resolver: zodResolver(schema),
    mode: 'onChange',
  });
  const { control, register, formState, watch, getValues, setValue, reset, trigger } = form;
  const { errors, touchedFields } = formState;
  const restored = autosave.restoredValues !== null;
  // A change put back from this device may break a rule (an evidence link that is not a web
  // address): say so on its field at once, since it cannot be saved until it is fixed.
  useEffect(() => {
    if (restored) void trigger();
  }, [restored, trigger]);
  // How long the next change waits before saving (a level passed through with the arrow keys).
  const nextChangeDelay = useRef<number | undefined>(undefined);

  const [invalidReason, setInvalidReason] = useState<string | null>(null);
  const [conflictOpen, setConflictOpen] = useState(true);
  // The target follows "one above today" until the user picks a target themselves.
  const autoTarget = useRef((answer?.targetLevel ?? null) === null && defaults.targetLevel === '');
  const lastSent = useRef(canonicalForm(defaults));
  const { change } = autosave;

  useEffect(() => {
    const subscription = watch((_values, { name, type }) => {
      if (name === 'choice' && type === 'change' && autoTarget.current) {
        const level = chosenLevel(getValues('choice'));
        if (level !== null) {
          setValue('targetLevel', String(Math.min(level + 1, levels.length)));
        }
      }
      const values = structuredClone(getValues());
      const serialised = canonicalForm(values);
      // Focus and blur, or a reset to what is already there, are not changes.
      if (serialised === lastSent.current) return;
      lastSent.current = serialised;
      const parsed = schema.safeParse(values);
      setInvalidReason(parsed.success ? null : (parsed.error.issues[0]?.message ?? null));
      const delayMs = nextChangeDelay.current;
      nextChangeDelay.current = undefined;
      change(values, {
        savable: parsed.success && isSendable(schema, values),
        ...(delayMs === undefined ? {} : { delayMs }),
      });
    });
    return () => subscription.unsubscribe();
  }, [watch, getValues, setValue, schema, change, levels.length]);

  useEffect(() => {
    if (autosave.status === 'conflict') setConflictOpen(true);
  }, [autosave.status]);

  const takeTheirs = () => {
    const theirs = autosave.takeTheirs();
    if (!theirs) return;
    const values = fromAnswer(theirs);
    lastSent.current = canonicalForm(values);
    reset(values);
    storeSaved(theirs);
  };

  const choice = watch('choice');
  const notes = watch('notes');
  const questionId = `${ids}-question`;
  const levelsHeadingId = `${ids}-levels`;
  const notApplicable = choice === NOT_APPLICABLE;
  // "Say why" only once the user has left the reason empty, not as soon as they tick the box.
  const reasonError =
    touchedFields.notApplicableReason || restored ? errors.notApplicableReason?.message : undefined;
  const summaryItems = flattenFieldErrors(errors).filter(
    (item) => item.field !== 'notApplicableReason' || reasonError !== undefined,
  );
  const cannotSave =
    autosave.status === 'invalid' ||
    (autosave.status === 'error' &&
      autosave.error !== null &&
      autosave.error.status < 500 &&
      autosave.error.status >= 400);

  return (
    <form
      className="criterion-form"
      noValidate
      onSubmit={(event) => {
        // Enter in a field saves at once rather than submitting anything.
        event.preventDefault();
        autosave.flush();
      }}
      aria-labelledby={questionId}
    >
      <p id={questionId} className="visually-hidden">
        {criterion.question}
      </p>
      <div className="criterion-form__status">
        <SaveStatus
          status={autosave.status}
          error={autosave.error}
          lastSavedAt={autosave.lastSavedAt}
          invalidReason={invalidReason}
          onRetry={autosave.retry}
          onResolveConflict={() => setConflictOpen(true)}
        />
        {autosave.restoredValues ? (
          <p className="assess-notice assess-notice--info">
            {cannotSave
              ? 'This answer has a change made on this device that had not reached Waymark. It has been put back, but cannot be saved until you correct the fields marked below.'
              : 'This answer has a change made on this device that had not reached Waymark. It has been put back, and is saved as soon as the connection allows.'}
          </p>
        ) : null}
      </div>
      <ErrorSummary fieldErrors={summaryItems} autoFocus={false} />

      <section className="answer-section" aria-labelledby={levelsHeadingId}>
        <h2 id={levelsHeadingId} className="answer-section__title">
          Where is your organisation today?
        </h2>
        <p className="field__hint" id={`${ids}-levels-hint`}>
          Choose the level that describes what you can point to now. Use the arrow keys to move
          between levels; the one you stay on is saved.
        </p>
        <Controller
          control={control}
          name="choice"
          render={({ field }) => (
            <LevelChoice
              ref={field.ref}
              descriptors={criterion.levels}
              levels={levels}
              value={field.value}
              onChange={(value, { settled }) => {
                nextChangeDelay.current = settled ? undefined : LEVEL_SETTLE_MS;
                field.onChange(value);
              }}
              onSettle={autosave.flush}
              labelledBy={levelsHeadingId}
              describedBy={`${ids}-levels-hint`}
            />
          )}
        />
        <div className="not-applicable">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={notApplicable}
              aria-describedby={`${ids}-na-hint`}
              onChange={(event) => {
                setValue('choice', event.target.checked ? NOT_APPLICABLE : '', {
                  shouldDirty: true,
                  shouldValidate: true,
                });
              }}
            />
            This does not apply to us
          </label>
          <p className="field__hint" id={`${ids}-na-hint`}>
            It is left out of your score. You will be asked to say why.
          </p>
          {notApplicable ? (
            <TextareaField
              label="Why does this criterion not apply to your organisation?"
              hint="For example: “We own no buildings: we rent one floor of a shared office.”"
              error={reasonError}
              rows={3}
              className="answer-section__reason"
              {...register('notApplicableReason', {
                // Leaving it checks it ("say why"), even though nothing was typed.
                onBlur: () => void trigger('notApplicableReason'),
              })}
            />
          ) : null}
        </div>
      </section>

      <section className="answer-section">
        <SelectField
          label="Target level"
          hint="Where you aim to be by your next assessment. We suggest one level above today."
          placeholder="Not set"
          options={levels.map((l) => ({ value: String(l.level), label: `${l.level}. ${l.name}` }))}
          error={errors.targetLevel?.message}
          {...register('targetLevel', {
            // Only the user's own pick stops the target following today's level.
            onChange: () => {
              autoTarget.current = false;
            },
          })}
        />
        <TextareaField
          label="Notes"
          optional
          hint="What you do today, who is responsible, what would move you up a level."
          error={errors.notes?.message}
          rows={5}
          characterCount={{ value: notes, limit: MAX_NOTES_LENGTH }}
          {...register('notes')}
        />
      </section>

      <section className="answer-section">
        <EvidenceLinksField
          control={control}
          register={register}
          errors={errors}
          onNormalise={(index, url) => {
            const normalised = normaliseEvidenceLink(url);
            if (normalised !== url) {
              setValue(`evidenceLinks.${index}.url`, normalised, { shouldValidate: true });
            }
          }}
        />
      </section>

      {indicators.length > 0 ? (
        <section className="answer-section">
          <IndicatorsField
            indicators={indicators}
            pillarTitle={pillarTitle}
            register={register}
            errors={errors}
          />
        </section>
      ) : null}

      {autosave.status === 'conflict' && autosave.conflict ? (
        <ConflictDialog
          open={conflictOpen}
          onOpenChange={setConflictOpen}
          mine={autosave.conflict.mine}
          theirs={autosave.conflict.theirs}
          levels={levels}
          indicators={indicators}
          onKeepMine={autosave.keepMine}
          onTakeTheirs={takeTheirs}
        />
      ) : null}
    </form>
  );
}
