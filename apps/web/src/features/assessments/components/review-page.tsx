import type { TAnswer, TAssessmentDetail } from '@waymark/rubric';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/dialog';
import { FormAlert } from '../../../components/form/form-alert';
import { PageHeader } from '../../../components/page-header';
import { countLabel, formatDate } from '../../../lib/format';
import { useReopenAssessment, useSubmitAssessment } from '../api/submit-assessment';
import { useFlushDrafts } from '../hooks/use-flush-drafts';
import {
  type AssessmentOutline,
  answerState,
  answersById,
  indicatorsFor,
  isComplete,
  levelName,
  notApplicableCount,
} from '../lib/assessment-outline';
import { assessmentPaths } from '../lib/paths';
import { AssessmentGate } from './assessment-gate';
import { AssessmentNav } from './assessment-nav';
import { EvidenceLinkList } from './evidence-link-list';
import { UNIT_LABELS } from './indicators-field';
import { LockedBanner } from './locked-banner';
import { ProgressMeter } from './progress-meter';
import { AssessmentStatusTag } from './status-tags';

/** `/assessments/:assessmentId/review`: every answer on one page, then submit. */
export function ReviewPage({ assessmentId }: { assessmentId: string }) {
  return (
    <AssessmentGate assessmentId={assessmentId} loadingLabel="Loading your answers">
      {({ detail, outline }) => (
        <Review assessmentId={assessmentId} detail={detail} outline={outline} />
      )}
    </AssessmentGate>
  );
}

interface ReviewProps {
  assessmentId: string;
  detail: TAssessmentDetail;
  outline: AssessmentOutline;
}

function describeAnswer(answer: TAnswer | undefined, outline: AssessmentOutline): string {
  switch (answerState(answer)) {
    case 'answered':
      return `${answer?.level}. ${levelName(outline.levels, answer?.level ?? null)}`;
    case 'not_applicable':
      return `Not applicable: ${answer?.notApplicable?.reason ?? ''}`;
    case 'dont_know':
      return "Don't know yet";
    default:
      return 'Not answered';
  }
}

export function Review({ assessmentId, detail, outline }: ReviewProps) {
  const paths = assessmentPaths(assessmentId);
  const answers = answersById(detail.answers);
  const unsaved = useFlushDrafts(assessmentId, detail);
  const missing = outline.criteria.filter((c) => !isComplete(answers.get(c.criterion.id)));
  const { assessment } = detail;

  return (
    <div className="review-page">
      <PageHeader
        title="Check your answers"
        eyebrow={<Link to={paths.taskList}>{assessment.title}</Link>}
        description={
          <p className="page-header__meta">
            <AssessmentStatusTag status={assessment.status} /> Revision {assessment.revision}
          </p>
        }
      />
      <AssessmentNav assessmentId={assessmentId} />
      <LockedBanner detail={detail} onReviewPage />

      <section className="panel review-page__summary" aria-labelledby="review-summary">
        <h2 id="review-summary">Summary</h2>
        <ProgressMeter
          answered={outline.criteria.length - missing.length}
          applicable={outline.criteria.length}
          notApplicable={notApplicableCount(outline.criteria, answers)}
        />
        {detail.canEdit ? (
          <p>
            Submitting locks everything below: levels, targets, notes, evidence links and indicator
            values. Use “Change” to correct a question first.
          </p>
        ) : null}
        <nav className="review-page__contents" aria-label="Pillars on this page">
          <ul>
            {outline.pillars.map(({ pillar }) => (
              <li key={pillar.id}>
                <a
                  href={`#review-${pillar.id}`}
                  onClick={(event) => {
                    // In the page, not through the router: move to the pillar and focus its heading.
                    const heading = document.getElementById(`review-${pillar.id}`);
                    if (!heading) return;
                    event.preventDefault();
                    heading.tabIndex = -1;
                    heading.scrollIntoView?.({ block: 'start' });
                    heading.focus({ preventScroll: true });
                  }}
                >
                  {pillar.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {missing.length > 0 ? (
          <div className="assess-notice assess-notice--warning">
            <p className="assess-notice__title">
              {countLabel(missing.length, 'question', 'questions')} still to answer
            </p>
            <p>
              Choose a level, or mark the question not applicable with a reason. “Don't know yet”
              counts as unanswered.
            </p>
            <ul className="review-page__missing">
              {missing.map((c) => (
                <li key={c.criterion.id}>
                  <Link to={paths.criterion(c.criterion.id)}>
                    {c.pillar.title}: {c.criterion.title}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      {outline.pillars.map((pillar) => (
        <section
          key={pillar.pillar.id}
          className="review-pillar"
          aria-labelledby={`review-${pillar.pillar.id}`}
        >
          <h2 id={`review-${pillar.pillar.id}`}>{pillar.pillar.title}</h2>
          <ul className="review-list">
            {pillar.criteria.map(({ criterion }) => (
              <ReviewCard
                key={criterion.id}
                assessmentId={assessmentId}
                criterionId={criterion.id}
                title={criterion.title}
                answer={answers.get(criterion.id)}
                outline={outline}
                canEdit={detail.canEdit}
                unsaved={unsaved.includes(criterion.id)}
              />
            ))}
          </ul>
        </section>
      ))}

      <SubmitSection
        assessmentId={assessmentId}
        detail={detail}
        missingCount={missing.length}
        unsavedCount={unsaved.length}
      />
    </div>
  );
}

interface ReviewCardProps {
  assessmentId: string;
  criterionId: string;
  title: string;
  answer: TAnswer | undefined;
  outline: AssessmentOutline;
  canEdit: boolean;
  unsaved: boolean;
}

/**
 * One question as a GOV.UK summary card: everything that submitting locks (level, target, notes,
 * evidence, indicators), with one "Change" link back to the question.
 */
function ReviewCard({
  assessmentId,
  criterionId,
  title,
  answer,
  outline,
  canEdit,
  unsaved,
}: ReviewCardProps) {
  const headingId = useId();
  const complete = isComplete(answer);
  const state = answerState(answer);
  const target = answer?.targetLevel ?? null;
  const indicators = indicatorsFor(outline, criterionId);
  const notes = answer?.notes?.trim() ?? '';
  const links = answer?.evidenceLinks ?? [];
  return (
    <li
      className={complete ? 'review-row' : 'review-row review-row--missing'}
      aria-labelledby={headingId}
    >
      <div className="review-row__head">
        <h3 id={headingId} className="review-row__question">
          {title}
        </h3>
        <Link
          to={assessmentPaths(assessmentId).criterion(criterionId)}
          className="review-row__change"
        >
          {canEdit ? 'Change' : 'View'} <span className="visually-hidden">{title}</span>
        </Link>
      </div>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Today</dt>
          <dd className="review-row__answer">
            {complete ? null : <span className="tag tag--missing">To answer</span>}{' '}
            {describeAnswer(answer, outline)}
            {unsaved ? <span className="tag tag--flag">Unsaved change on this device</span> : null}
          </dd>
        </div>
        {state === 'not_applicable' ? null : (
          <div className="summary-list__row">
            <dt>Target</dt>
            <dd>
              {target === null ? 'Not set' : `${target}. ${levelName(outline.levels, target)}`}
            </dd>
          </div>
        )}
        <div className="summary-list__row">
          <dt>Notes</dt>
          <dd className="review-row__notes">{notes === '' ? 'None' : notes}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Evidence</dt>
          <dd>
            <EvidenceLinkList links={links} className="review-row__links" />
          </dd>
        </div>
        {indicators.map((indicator) => {
          const value = answer?.indicators[indicator.id];
          const unit = UNIT_LABELS[indicator.unit].short;
          return (
            <div key={indicator.id} className="summary-list__row">
              <dt>{indicator.label}</dt>
              <dd>{value === undefined ? 'Not given' : `${value}${unit ? ` ${unit}` : ''}`}</dd>
            </div>
          );
        })}
      </dl>
    </li>
  );
}

interface SubmitSectionProps {
  assessmentId: string;
  detail: TAssessmentDetail;
  missingCount: number;
  unsavedCount: number;
}

function SubmitSection({ assessmentId, detail, missingCount, unsavedCount }: SubmitSectionProps) {
  const reasonId = useId();
  const [confirming, setConfirming] = useState<'submit' | 'reopen' | null>(null);
  const submit = useSubmitAssessment(assessmentId);
  const reopen = useReopenAssessment(assessmentId);
  const doneRef = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const { assessment } = detail;
  const isAdmin = detail.role === 'admin';
  const submitted = assessment.status === 'submitted';
  const paths = assessmentPaths(assessmentId);

  useEffect(() => {
    if (reopen.isSuccess) doneRef.current?.focus();
  }, [reopen.isSuccess]);

  if (submitted) {
    return (
      <section className="panel submit-section" aria-labelledby="submit-heading">
        <h2 id="submit-heading">Submitted</h2>
        <p>
          {`Revision ${assessment.revision} was submitted${assessment.submittedAt ? ` on ${formatDate(assessment.submittedAt)}` : ''}. `}
          <Link to={paths.results}>See the results</Link> and{' '}
          <Link to={paths.actions}>plan what to do next</Link>.
        </p>
        {isAdmin ? (
          <>
            <p>
              Reopening starts revision {assessment.revision + 1} from these answers. The submitted
              revision and its scores are kept unchanged.
            </p>
            <Button variant="secondary" onClick={() => setConfirming('reopen')}>
              Reopen the assessment
            </Button>
            <ConfirmDialog
              open={confirming === 'reopen'}
              onOpenChange={(open) => setConfirming(open ? 'reopen' : null)}
              title="Reopen this assessment?"
              description={`Answers become editable again as revision ${assessment.revision + 1}. Revision ${assessment.revision} stays as it was submitted.`}
              confirmLabel="Reopen"
              pendingLabel="Reopening…"
              tone="primary"
              pending={reopen.isPending}
              error={reopen.error}
              onConfirm={() => reopen.mutate(undefined, { onSuccess: () => setConfirming(null) })}
            />
          </>
        ) : null}
      </section>
    );
  }

  const blocked =
    missingCount > 0
      ? `You can submit once every question is answered: ${countLabel(missingCount, 'question is', 'questions are')} left.`
      : unsavedCount > 0
        ? 'Some changes on this device are not saved yet: open them (listed above) to save them first.'
        : null;

  return (
    <section className="panel submit-section" aria-labelledby="submit-heading">
      <h2 id="submit-heading">Submit</h2>
      {reopen.isSuccess ? (
        <div className="assess-notice assess-notice--success" ref={doneRef} tabIndex={-1}>
          <p className="assess-notice__title">Assessment reopened</p>
          <p>You are now working on revision {assessment.revision}.</p>
        </div>
      ) : null}
      {isAdmin ? (
        <>
          <p>
            Submitting locks the answers and stores the scores for this year. You can reopen it
            later; the submitted revision is kept as it is.
          </p>
          {blocked ? (
            <p id={reasonId} className="submit-section__reason">
              {blocked}
            </p>
          ) : null}
          <FormAlert error={submit.error} heading="The assessment was not submitted" />
          <Button
            onClick={() => setConfirming('submit')}
            disabled={blocked !== null}
            aria-describedby={blocked ? reasonId : undefined}
          >
            Submit the assessment
          </Button>
          <ConfirmDialog
            open={confirming === 'submit'}
            onOpenChange={(open) => setConfirming(open ? 'submit' : null)}
            title="Submit this assessment?"
            description="The answers lock and today’s scores are stored. An admin can reopen it later as a new revision."
            confirmLabel="Submit"
            pendingLabel="Submitting…"
            tone="primary"
            pending={submit.isPending}
            onConfirm={() =>
              submit.mutate(undefined, {
                onSettled: () => setConfirming(null),
                onSuccess: () => void navigate(paths.submitted),
              })
            }
          />
        </>
      ) : (
        <p>
          An admin of your organisation submits the assessment once every question is answered.
          {missingCount === 0 ? ' Everything is answered: let them know it is ready.' : ''}
        </p>
      )}
    </section>
  );
}
