import type { TAnswer, TAssessmentDetail, TMember } from '@waymark/rubric';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useMembers } from '../../../api/members';
import { Button } from '../../../components/button';
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
  type OutlinePillar,
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

function TaskList({ assessmentId, detail, outline }: TaskListProps) {
  const { assessment } = detail;
  const paths = assessmentPaths(assessmentId);
  const answers = answersById(detail.answers);
  const unsaved = useFlushDrafts(assessmentId, detail);
  const isAdmin = detail.role === 'admin';
  const members = useMembers(isAdmin && detail.canEdit ? assessment.organisationId : null);

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
        <p className="task-list-page__next">
          <Link to={paths.review} className="button button--primary">
            Check your answers
          </Link>{' '}
          <Link to={paths.results} className="button button--secondary">
            See results so far
          </Link>
        </p>
      </section>

      <h2 className="task-list-page__pillars-heading">Pillars</h2>
      <ol className="task-list">
        {outline.pillars.map((pillar) => (
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
  const action =
    task.status === 'not_started' ? 'Start' : task.status === 'complete' ? 'Review' : 'Continue';
  return (
    <li className="task-list__pillar panel" aria-labelledby={headingId}>
      <div className="task-list__head">
        <h3 id={headingId} className="task-list__title">
          {pillar.pillar.title}
        </h3>
        <PillarStatusTag status={task.status} />
        {task.assignedToYou ? <span className="tag tag--you">Assigned to you</span> : null}
      </div>
      <ProgressMeter
        answered={task.answered}
        applicable={task.applicable}
        label={pillar.pillar.title}
      />
      <p className="task-list__assignee">
        {task.assignee
          ? task.assignedToYou
            ? 'You are answering this pillar.'
            : `Assigned to ${task.assignee.name}.`
          : 'Not assigned to anyone.'}
      </p>
      {members ? (
        <AssignPillarForm
          assessmentId={assessmentId}
          pillarId={task.pillarId}
          pillarTitle={pillar.pillar.title}
          currentUserId={task.assignee?.userId ?? null}
          members={members}
        />
      ) : null}
      {open ? (
        <p>
          <Link to={paths.criterion(open.criterion.id)} className="button button--secondary">
            {action} <span className="visually-hidden">{pillar.pillar.title}</span>
          </Link>
        </p>
      ) : null}
      <ul className="criterion-status-list" aria-label={`${pillar.pillar.title} questions`}>
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
      {state === 'dont_know' ? <span className="tag tag--flag">Don't know yet</span> : null}
      {state === 'not_answered' ? <span className="tag tag--missing">Not answered</span> : null}
      {unsaved ? <span className="tag tag--flag">Unsaved change</span> : null}
    </span>
  );
}

interface AssignPillarFormProps {
  assessmentId: string;
  pillarId: string;
  pillarTitle: string;
  currentUserId: string | null;
  members: TMember[];
}

/** Admin: give a pillar to a colleague (or to nobody). */
function AssignPillarForm({
  assessmentId,
  pillarId,
  pillarTitle,
  currentUserId,
  members,
}: AssignPillarFormProps) {
  const id = useId();
  const [userId, setUserId] = useState(currentUserId ?? '');
  const assign = useAssignPillar(assessmentId);
  const writers = members.filter((m) => m.role !== 'viewer');
  const user = useSignedInUser();
  return (
    <form
      className="assign-form"
      onSubmit={(event) => {
        event.preventDefault();
        assign.mutate({ pillarId, userId: userId === '' ? null : userId });
      }}
    >
      <label htmlFor={id} className="field__label">
        Assign {pillarTitle} to
      </label>
      <div className="field__with-button">
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
        <Button
          type="submit"
          variant="secondary"
          pending={assign.isPending}
          pendingLabel="Assigning…"
          disabled={userId === (currentUserId ?? '')}
        >
          Assign <span className="visually-hidden">{pillarTitle}</span>
        </Button>
      </div>
      <FormAlert error={assign.error} heading="Could not assign the pillar" />
    </form>
  );
}
