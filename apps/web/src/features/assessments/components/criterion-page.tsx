import type { TAssessmentDetail } from '@waymark/rubric';
import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/button';
import { formatDate, paragraphs } from '../../../lib/format';
import { fromAnswer } from '../lib/answer-form';
import {
  type AssessmentOutline,
  answersById,
  indicatorsFor,
  type OutlineCriterion,
} from '../lib/assessment-outline';
import { clearDraft, draftKey, readDraft } from '../lib/draft-storage';
import { assessmentPaths } from '../lib/paths';
import { AnswerSummary } from './answer-summary';
import { AssessmentGate } from './assessment-gate';
import { AssessmentNav } from './assessment-nav';
import { CriterionForm } from './criterion-form';

interface CriterionPageProps {
  assessmentId: string;
  criterionId: string;
}

/** `/assessments/:assessmentId/criteria/:criterionId`: one question, answered and saved as typed. */
export function CriterionPage({ assessmentId, criterionId }: CriterionPageProps) {
  return (
    <AssessmentGate assessmentId={assessmentId} loadingLabel="Loading the question">
      {({ detail, outline }) => {
        const entry = outline.byId.get(criterionId);
        if (!entry) return <CriterionNotInAssessment assessmentId={assessmentId} />;
        return (
          <CriterionView
            assessmentId={assessmentId}
            detail={detail}
            outline={outline}
            entry={entry}
          />
        );
      }}
    </AssessmentGate>
  );
}

function CriterionNotInAssessment({ assessmentId }: { assessmentId: string }) {
  return (
    <section className="state-panel" aria-labelledby="criterion-missing">
      <title>Question not found · Waymark</title>
      <h1 id="criterion-missing" className="state-panel__heading">
        This question is not part of this assessment
      </h1>
      <p className="state-panel__detail">
        It may not apply to your organisation's type or size, or the link may be wrong.
      </p>
      <p>
        <Link to={assessmentPaths(assessmentId).taskList}>Go to the task list</Link>
      </p>
    </section>
  );
}

interface CriterionViewProps {
  assessmentId: string;
  detail: TAssessmentDetail;
  outline: AssessmentOutline;
  entry: OutlineCriterion;
}

function CriterionView({ assessmentId, detail, outline, entry }: CriterionViewProps) {
  const { criterion, pillar } = entry;
  const answer = answersById(detail.answers).get(criterion.id);
  const indicators = indicatorsFor(outline, criterion.id);
  const paths = assessmentPaths(assessmentId);
  const firstOfPillar = outline.pillars.find((p) => p.pillar.id === pillar.id)?.criteria[0];
  const pillarIndicators = outline.pillars.find((p) => p.pillar.id === pillar.id)?.indicators ?? [];

  return (
    <article className="criterion-page">
      <title>{`Question ${entry.index + 1} of ${outline.criteria.length}: ${criterion.title} · ${pillar.title} · Waymark`}</title>
      <nav aria-label="Breadcrumb" className="assess-breadcrumb">
        <ol>
          <li>
            <Link to={paths.taskList}>{detail.assessment.title}</Link>
          </li>
          <li>
            <span aria-current="page">{pillar.title}</span>
          </li>
        </ol>
      </nav>
      <AssessmentNav assessmentId={assessmentId} />
      <header className="criterion-page__header">
        <p className="eyebrow">
          {pillar.title} · question {entry.indexInPillar + 1} of {entry.pillarSize}
        </p>
        {/* Focused after Next / Previous (app/layout/route-focus.tsx). */}
        <h1 className="criterion-page__title" tabIndex={-1}>
          {criterion.title}
        </h1>
        <p className="lead criterion-page__question">{criterion.question}</p>
        <details className="criterion-page__guidance" open>
          <summary>Guidance</summary>
          {paragraphs(criterion.guidance).map((p) => (
            <p key={p}>{p}</p>
          ))}
        </details>
      </header>

      {detail.canEdit ? (
        <CriterionForm
          key={`${assessmentId}:${criterion.id}`}
          assessmentId={assessmentId}
          criterion={criterion}
          pillarTitle={pillar.title}
          levels={outline.levels}
          indicators={indicators}
          answer={answer}
        />
      ) : (
        <LockedAnswer
          assessmentId={assessmentId}
          criterionId={criterion.id}
          detail={detail}
          outline={outline}
          indicators={indicators}
        />
      )}

      {detail.canEdit && indicators.length === 0 && pillarIndicators.length > 0 && firstOfPillar ? (
        <p className="field__hint criterion-page__indicators-note">
          {pillar.title} indicators are entered once for the pillar, on{' '}
          <Link to={paths.criterion(firstOfPillar.criterion.id)}>
            {firstOfPillar.criterion.title}
          </Link>
          .
        </p>
      ) : null}

      <CriterionPager assessmentId={assessmentId} outline={outline} entry={entry} />
    </article>
  );
}

interface LockedAnswerProps {
  assessmentId: string;
  criterionId: string;
  detail: TAssessmentDetail;
  outline: AssessmentOutline;
  indicators: CriterionFormIndicators;
}

type CriterionFormIndicators = ReturnType<typeof indicatorsFor>;

/** A submitted assessment, or a viewer: the answer as it stands, and why it cannot change. */
function LockedAnswer({
  assessmentId,
  criterionId,
  detail,
  outline,
  indicators,
}: LockedAnswerProps) {
  const answer = answersById(detail.answers).get(criterionId);
  const key = draftKey(assessmentId, criterionId);
  const [hasDraft, setHasDraft] = useState(() => readDraft(key) !== null);
  const submitted = detail.assessment.status === 'submitted';
  return (
    <section className="locked-answer" aria-labelledby="locked-heading">
      <div className="assess-notice assess-notice--locked">
        <h2 id="locked-heading" className="assess-notice__title">
          {submitted ? 'This assessment is submitted and locked' : 'You can read this answer'}
        </h2>
        <p>
          {submitted
            ? `It was submitted${detail.assessment.submittedAt ? ` on ${formatDate(detail.assessment.submittedAt)}` : ''}. Answers cannot change unless an admin reopens it, which starts a new revision.`
            : 'Your role in this organisation lets you read answers but not change them.'}
        </p>
      </div>
      {hasDraft ? (
        <div className="assess-notice assess-notice--warning">
          <p>
            This device holds a change to this answer that was never saved, and now cannot be. You
            can discard it.
          </p>
          <Button
            variant="secondary"
            onClick={() => {
              clearDraft(key);
              setHasDraft(false);
            }}
          >
            Discard the unsaved change
          </Button>
        </div>
      ) : null}
      <AnswerSummary values={fromAnswer(answer)} levels={outline.levels} indicators={indicators} />
    </section>
  );
}

/** Previous and next question, saying when the next one starts another pillar. */
function CriterionPager({
  assessmentId,
  outline,
  entry,
}: {
  assessmentId: string;
  outline: AssessmentOutline;
  entry: OutlineCriterion;
}) {
  const paths = assessmentPaths(assessmentId);
  const previous = outline.criteria[entry.index - 1];
  const next = outline.criteria[entry.index + 1];
  return (
    <nav className="criterion-pager" aria-label="Questions">
      <ul>
        <li className="criterion-pager__previous">
          {previous ? (
            <Link to={paths.criterion(previous.criterion.id)} rel="prev">
              <span className="criterion-pager__direction">
                {previous.pillar.id !== entry.pillar.id
                  ? `Previous pillar: ${previous.pillar.title}`
                  : 'Previous'}
              </span>
              <span className="criterion-pager__title">{previous.criterion.title}</span>
            </Link>
          ) : (
            <Link to={paths.taskList}>
              <span className="criterion-pager__direction">Back to</span>
              <span className="criterion-pager__title">the task list</span>
            </Link>
          )}
        </li>
        <li className="criterion-pager__next">
          {next ? (
            <Link to={paths.criterion(next.criterion.id)} rel="next">
              <span className="criterion-pager__direction">
                {next.pillar.id !== entry.pillar.id ? `Next pillar: ${next.pillar.title}` : 'Next'}
              </span>
              <span className="criterion-pager__title">{next.criterion.title}</span>
            </Link>
          ) : (
            <Link to={paths.review}>
              <span className="criterion-pager__direction">Finished?</span>
              <span className="criterion-pager__title">Check your answers</span>
            </Link>
          )}
        </li>
      </ul>
    </nav>
  );
}
