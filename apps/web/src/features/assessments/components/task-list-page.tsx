import type { TAnswer, TAssessmentDetail, TMember } from '@waymark/rubric';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMembers } from '../../../api/members';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { FormAlert } from '../../../components/form/form-alert';
import { PageHeader } from '../../../components/page-header';
import { useSignedInUser } from '../../../lib/session';
import { useAssignPillar } from '../api/assign-pillar';
import { useFlushDrafts } from '../hooks/use-flush-drafts';
import {
  type AssessmentOutline,
  answerState,
  answersById,
  firstOpenCriterion,
  levelName,
  notApplicableCount,
  type OutlinePillar,
  resumePoint,
} from '../lib/assessment-outline';
import { assessmentPaths, organisationAssessmentsPath } from '../lib/paths';
import { AssessmentGate } from './assessment-gate';
import { AssessmentNav } from './assessment-nav';
import { LockedBanner } from './locked-banner';
import { ProgressMeter } from './progress-meter';
import { AssessmentStatusTag, PillarStatusTag } from './status-tags';

/** `/assessments/:assessmentId`: the pillars to work through, who has each, what is left. */
export function TaskListPage({ assessmentId }: { assessmentId: string }) {
  return (
    <AssessmentGate assessmentId={assessmentId} loadingLabel="Loading the task list">
      {({ detail, outline }) => (
        <TaskList assessmentId={assessmentId} detail={detail} outline={outline} />
      )}
    </AssessmentGate>
  );
}

interface TaskListProps {
  assessmentId: string;
  detail: TAssessmentDetail;
  outline: AssessmentOutline;
}

const MINE_PARAM = 'mine';

function TaskList({ assessmentId, detail, outline }: TaskListProps) {
  const { assessment } = detail;
  const paths = assessmentPaths(assessmentId);
  const answers = answersById(detail.answers);
  const unsaved = useFlushDrafts(assessmentId, detail);
  const isAdmin = detail.role === 'admin';
  const members = useMembers(isAdmin && detail.canEdit ? assessment.organisationId : null);
  const [params, setParams] = useSearchParams();
  const filterId = useId();
  const mineCount = outline.pillars.filter((p) => p.task.assignedToYou).length;
  // Held here as well as in the address, so that the box ticks at once (the address follows).
  const [mineChecked, setMineChecked] = useState(params.get(MINE_PARAM) === '1');
  const onlyMine = mineChecked && mineCount > 0;
  const shown = onlyMine ? outline.pillars.filter((p) => p.task.assignedToYou) : outline.pillars;

  return (
    <div className="task-list-page">
      <PageHeader
        title={assessment.title}
        eyebrow={
          <Link to={organisationAssessmentsPath(assessment.organisationId)}>All assessments</Link>
        }
        description={
          <p className="page-header__meta">
            <AssessmentStatusTag status={assessment.status} /> Revision {assessment.revision}
          </p>
        }
      />
      <AssessmentNav assessmentId={assessmentId} />
      <LockedBanner detail={detail} />

      <section className="panel task-list-page__overall" aria-labelledby="overall-progress">
        <h2 id="overall-progress">Progress</h2>
        <ProgressMeter
          answered={assessment.completeness.answered}
          applicable={assessment.completeness.applicable}
          notApplicable={notApplicableCount(outline.criteria, answers)}
        />
        {unsaved.length > 0 ? (
          <div className="assess-notice assess-notice--warning">
            <p>
              {unsaved.length === 1 ? 'One answer has' : `${unsaved.length} answers have`} a change
              on this device that is not saved yet. Open {unsaved.length === 1 ? 'it' : 'each'} to
              save it:
            </p>
            <ul>
              {unsaved.map((id) => (
                <li key={id}>
                  <Link to={paths.criterion(id)}>
                    {outline.byId.get(id)?.criterion.title ?? id}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <NextAction detail={detail} outline={outline} answers={answers} />
      </section>

      <div className="task-list-page__pillars-head">
        <h2 className="task-list-page__pillars-heading">Pillars</h2>
        {mineCount > 0 ? (
          <div className="assess-checkbox task-list-page__filter">
            <input
              id={filterId}
              type="checkbox"
              className="assess-checkbox__input"
              checked={onlyMine}
              onChange={(event) => {
                setMineChecked(event.target.checked);
                const next = new URLSearchParams(params);
                if (event.target.checked) next.set(MINE_PARAM, '1');
                else next.delete(MINE_PARAM);
                setParams(next, { replace: true });
              }}
            />
            <label htmlFor={filterId} className="assess-checkbox__label">
              Only pillars assigned to you ({mineCount})
            </label>
          </div>
        ) : null}
      </div>
      {onlyMine ? (
        <p className="task-list-page__filtered" role="status">
          Showing {shown.length} of {outline.pillars.length} pillars.
        </p>
      ) : null}
      <ol className="task-list panel">
        {shown.map((pillar) => (
          <PillarTask
            key={pillar.pillar.id}
            assessmentId={assessmentId}
            pillar={pillar}
            answers={answers}
            unsaved={unsaved}
            levels={outline.levels}
            members={isAdmin && detail.canEdit ? (members.data?.items ?? null) : null}
          />
        ))}
      </ol>
    </div>
  );
}

/** The page's one main button: start, carry on where the caller left off, or check the answers. */
function NextAction({
  detail,
  outline,
  answers,
}: {
  detail: TAssessmentDetail;
  outline: AssessmentOutline;
  answers: ReadonlyMap<string, TAnswer>;
}) {
  const paths = assessmentPaths(detail.assessment.id);
  if (!detail.canEdit) {
    const submitted = detail.assessment.status === 'submitted';
    return (
      <p className="task-list-page__next">
        <Link to={submitted ? paths.results : paths.review} className="button button--primary">
          {submitted ? 'See the results' : 'Read the answers'}
        </Link>
      </p>
    );
  }
  const resume = resumePoint(outline, answers);
  if (!resume) {
    return (
      <>
        <p className="task-list-page__next-hint">
          Every question is answered. Check your answers before the assessment is submitted.
        </p>
        <p className="task-list-page__next">
          <Link to={paths.review} className="button button--primary">
            Check your answers
          </Link>
        </p>
      </>
    );
  }
  const { criterion, pillar } = resume.criterion;
  const yours = outline.pillars.some((p) => p.pillar.id === pillar.id && p.task.assignedToYou);
  return (
    <>
      <p className="task-list-page__next-hint">
        {resume.kind === 'start' ? 'First question' : 'Next question to answer'}: {pillar.title},{' '}
        {criterion.title}
        {yours ? ' (a pillar assigned to you)' : ''}.
      </p>
      <p className="task-list-page__next">
        <Link to={paths.criterion(criterion.id)} className="button button--primary">
          {resume.kind === 'start' ? 'Start' : 'Continue where you left off'}
        </Link>
      </p>
    </>
  );
}

interface PillarTaskProps {
  assessmentId: string;
  pillar: OutlinePillar;
  answers: ReadonlyMap<string, TAnswer>;
  unsaved: readonly string[];
  levels: AssessmentOutline['levels'];
  /** The organisation's members when the caller may assign pillars. */
  members: TMember[] | null;
}

function PillarTask({ assessmentId, pillar, answers, unsaved, levels, members }: PillarTaskProps) {
  const { task } = pillar;
  const headingId = useId();
  const paths = assessmentPaths(assessmentId);
  const open = firstOpenCriterion(pillar, answers);
  const title = pillar.pillar.title;
  return (
    <li className="task-list__pillar" aria-labelledby={headingId}>
      <div className="task-list__row">
        <div className="task-list__name">
          <h3 id={headingId} className="task-list__title">
            {open ? <Link to={paths.criterion(open.criterion.id)}>{title}</Link> : title}
          </h3>
          <ProgressMeter
            answered={task.answered}
            applicable={task.applicable}
            notApplicable={notApplicableCount(pillar.criteria, answers)}
            label={title}
            compact
          />
        </div>
        <div className="task-list__who">
          <p className="task-list__assignee">
            {task.assignee
              ? task.assignedToYou
                ? 'You are answering this pillar.'
                : `Assigned to ${task.assignee.name}.`
              : 'Not assigned to anyone.'}
          </p>
          {members ? (
            <AssignPillarControl
              assessmentId={assessmentId}
              pillarId={task.pillarId}
              pillarTitle={title}
              currentUserId={task.assignee?.userId ?? null}
              members={members}
            />
          ) : null}
        </div>
        <div className="task-list__status">
          {task.assignedToYou ? <span className="tag tag--you">Assigned to you</span> : null}
          <PillarStatusTag status={task.status} />
        </div>
      </div>
      <details className="task-list__questions">
        <summary>
          Questions <span className="visually-hidden">in {title}</span> ({pillar.criteria.length})
        </summary>
        <ul className="criterion-status-list" aria-label={`${title} questions`}>
          {pillar.criteria.map(({ criterion }) => {
            const answer = answers.get(criterion.id);
            const state = answerState(answer);
            const hasDraft = unsaved.includes(criterion.id);
            return (
              <li key={criterion.id} className="criterion-status-list__item" data-state={state}>
                <Link to={paths.criterion(criterion.id)}>{criterion.title}</Link>
                <CriterionStateTag
                  state={state}
                  level={answer?.level ?? null}
                  levels={levels}
                  unsaved={hasDraft}
                />
              </li>
            );
          })}
        </ul>
      </details>
    </li>
  );
}

export function CriterionStateTag({
  state,
  level,
  levels,
  unsaved = false,
}: {
  state: ReturnType<typeof answerState>;
  level: number | null;
  levels: AssessmentOutline['levels'];
  unsaved?: boolean;
}) {
  return (
    <span className="criterion-state">
      {state === 'answered' ? (
        <span className="tag tag--answered">
          {level}. {levelName(levels, level)}
        </span>
      ) : null}
      {state === 'not_applicable' ? <span className="tag tag--limit">Not applicable</span> : null}
      {state === 'dont_know' ? <span className="tag status-tag">Don't know yet</span> : null}
      {state === 'not_answered' ? <span className="tag status-tag">Not answered</span> : null}
      {unsaved ? <span className="tag tag--flag">Unsaved change</span> : null}
    </span>
  );
}

interface AssignPillarControlProps {
  assessmentId: string;
  pillarId: string;
  pillarTitle: string;
  currentUserId: string | null;
  members: TMember[];
}

/** Admin: "Assign" (or "Change") opens a small dialog to give a pillar to a colleague or nobody. */
function AssignPillarControl({
  assessmentId,
  pillarId,
  pillarTitle,
  currentUserId,
  members,
}: AssignPillarControlProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // The dialog has no Radix trigger to return to: put focus back on "Assign" / "Change" ourselves.
  useEffect(() => {
    if (wasOpen.current && !open) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);
  const [userId, setUserId] = useState(currentUserId ?? '');
  const assign = useAssignPillar(assessmentId);
  const writers = members.filter((m) => m.role !== 'viewer');
  const user = useSignedInUser();
  return (
    <>
      <Button
        ref={opener}
        variant="quiet"
        className="task-list__assign"
        onClick={() => {
          setUserId(currentUserId ?? '');
          assign.reset();
          setOpen(true);
        }}
      >
        {currentUserId ? 'Change' : 'Assign'}{' '}
        <span className="visually-hidden">who answers {pillarTitle}</span>
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={`Who answers ${pillarTitle}?`}
        description="They see the pillar marked “Assigned to you” on their task list. Anyone who can edit may still answer it."
      >
        <form
          className="assign-form"
          onSubmit={(event) => {
            event.preventDefault();
            assign.mutate(
              { pillarId, userId: userId === '' ? null : userId },
              { onSuccess: () => setOpen(false) },
            );
          }}
        >
          <label htmlFor={id} className="field__label">
            Assign {pillarTitle} to
          </label>
          <select
            id={id}
            className="field__control field__control--select"
            value={userId}
            onChange={(event) => setUserId(event.target.value)}
          >
            <option value="">Nobody</option>
            {writers.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.userId === user.id ? `${member.name} (you)` : member.name}
              </option>
            ))}
          </select>
          <FormAlert error={assign.error} heading="The pillar was not assigned" />
          <div className="dialog__actions">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" pending={assign.isPending} pendingLabel="Saving…">
              Save <span className="visually-hidden">who answers {pillarTitle}</span>
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
