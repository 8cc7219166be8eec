import { zodResolver } from '@hookform/resolvers/zod';
import type { TAnswer, TCriterion, TIndicator, TLevel } from '@waymark/rubric';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
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
  toAnswerBody,
} from '../lib/answer-form';
import { draftKey } from '../lib/draft-storage';
import { ConflictDialog } from './conflict-dialog';
import { EvidenceLinksField } from './evidence-links-field';
import { IndicatorsField } from './indicators-field';
import { LevelChoice } from './level-choice';
import { SaveStatus } from './save-status';

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
    onSaved: storeSaved,
  });
  const [defaults] = useState(() => autosave.restoredValues ?? fromAnswer(answer));
  const form = useForm<AnswerFormValues>({
    defaultValues: defaults,
    resolver: zodResolver(schema),
    mode: 'onChange',
  });
  const { control, register, formState, watch, getValues, setValue, reset } = form;
  const { errors } = formState;

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
      change(values, { savable: parsed.success });
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
  const questionId = `${ids}-question`;
  const levelsHeadingId = `${ids}-levels`;

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
            This answer has a change made on this device that had not reached Waymark. It has been
            put back, and is saved as soon as the connection allows.
          </p>
        ) : null}
      </div>

      <section className="answer-section" aria-labelledby={levelsHeadingId}>
        <h2 id={levelsHeadingId} className="answer-section__title">
          Where is your organisation today?
        </h2>
        <p className="field__hint" id={`${ids}-levels-hint`}>
          Choose the level that describes what you can point to now. Use the arrow keys to move
          between levels.
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
              onChange={field.onChange}
              labelledBy={levelsHeadingId}
              describedBy={`${ids}-levels-hint`}
            />
          )}
        />
        {choice === NOT_APPLICABLE ? (
          <TextareaField
            label="Why does this criterion not apply to your organisation?"
            hint="Required. For example: “We own no buildings: we rent one floor of a shared office.”"
            error={errors.notApplicableReason?.message}
            rows={3}
            className="answer-section__reason"
            {...register('notApplicableReason')}
          />
        ) : null}
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
          {...register('notes')}
        />
      </section>

      <section className="answer-section">
        <EvidenceLinksField control={control} register={register} errors={errors} />
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
