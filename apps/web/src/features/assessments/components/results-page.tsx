import {
  criteriaCounts,
  type RankedPriority,
  rankPriorities,
  type TAction,
  type TAssessmentDetail,
  type TAssessmentResults,
  type TCriterionResult,
  type TFramework,
  type TPillarResult,
} from '@waymark/rubric';
import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/button';
import { ErrorState } from '../../../components/error-state';
import { FormAlert } from '../../../components/form/form-alert';
import { PageHeader } from '../../../components/page-header';
import {
  formatResultScore,
  type GapItem,
  ResultsSummary,
} from '../../../components/results-summary';
import { LoadingState } from '../../../components/spinner';
import { countLabel, formatDate } from '../../../lib/format';
import { levelTone } from '../../../lib/level-tone';
import { useActions, useCreateAction } from '../api/actions';
import { downloadAssessmentCsv } from '../api/export-csv';
import { useResults } from '../api/get-results';
import type { AssessmentOutline } from '../lib/assessment-outline';
import { assessmentPaths } from '../lib/paths';
import { AssessmentGate } from './assessment-gate';
import { AssessmentNav } from './assessment-nav';
import { MemberBenchmark } from './member-benchmark';
import { AssessmentStatusTag } from './status-tags';

/** `/assessments/:assessmentId/results`: where the organisation stands and what to do next. */
export function ResultsPage({ assessmentId }: { assessmentId: string }) {
  return (
    <AssessmentGate assessmentId={assessmentId} loadingLabel="Loading the results">
      {({ detail, outline, framework }) => (
        <ResultsLoader
          assessmentId={assessmentId}
          detail={detail}
          outline={outline}
          framework={framework}
        />
      )}
    </AssessmentGate>
  );
}

function ResultsLoader({
  assessmentId,
  detail,
  outline,
  framework,
}: {
  assessmentId: string;
  detail: TAssessmentDetail;
  outline: AssessmentOutline;
  framework: TFramework;
}) {
  const results = useResults(assessmentId);
  if (results.isPending) return <LoadingState label="Working out the results" />;
  if (results.isError) {
    return (
      <ErrorState
        heading="We couldn't load the results"
        error={results.error}
        onRetry={() => void results.refetch()}
        retrying={results.isFetching}
        headingLevel={1}
      />
    );
  }
  return (
    <Results
      assessmentId={assessmentId}
      detail={detail}
      outline={outline}
      framework={framework}
      results={results.data}
    />
  );
}

interface ResultsProps {
  assessmentId: string;
  detail: TAssessmentDetail;
  outline: AssessmentOutline;
  /** Its pillar and criterion weights rank the priorities. */
  framework: Pick<TFramework, 'pillars'>;
  results: TAssessmentResults;
}

export function Results({ assessmentId, detail, outline, framework, results }: ResultsProps) {
  const { assessment } = detail;
  const paths = assessmentPaths(assessmentId);
  const canPlan = detail.role !== 'viewer';
  const actions = useActions(assessmentId);
  const [exportError, setExportError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);

  const exportCsv = async () => {
    setExportError(null);
    setExporting(true);
    try {
      await downloadAssessmentCsv(assessmentId);
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  };

  const levelNames = new Map(outline.levels.map((l) => [l.level, l.name]));
  const actionsByCriterion = new Map<string, TAction[]>();
  for (const action of actions.data?.items ?? []) {
    const list = actionsByCriterion.get(action.criterionId) ?? [];
    list.push(action);
    actionsByCriterion.set(action.criterionId, list);
  }

  const notApplicable = results.criteria.filter((c) => c.notApplicable).length;
  // The results' completeness already leaves not-applicable criteria out of both counts.
  const counts = criteriaCounts(
    {
      answered: results.completeness.answered + notApplicable,
      applicable: results.completeness.applicable + notApplicable,
    },
    notApplicable,
  );
  const countsSentence = `${counts.answered} of ${countLabel(counts.applicable, 'applicable question', 'applicable questions')} answered${
    counts.notApplicable > 0
      ? `; ${counts.notApplicable} marked not applicable, left out of the scores`
      : ''
  }.`;
  const priorities = rankPriorities(framework, results.criteria);
  const priorityIds = new Set(priorities.map((p) => p.criterion.criterionId));

  return (
    <div className="results-page">
      <PageHeader
        title="Results"
        eyebrow={<Link to={paths.taskList}>{assessment.title}</Link>}
        description={
          <p className="page-header__meta">
            <AssessmentStatusTag status={assessment.status} />{' '}
            {results.source === 'submitted'
              ? `Revision ${results.revision}, as submitted${assessment.submittedAt ? ` on ${formatDate(assessment.submittedAt)}` : ''}. `
              : 'Results so far: they change as answers do. '}
            {countsSentence}
          </p>
        }
        actions={
          <div className="results-toolbar">
            <Button variant="secondary" onClick={() => window.print()}>
              Print
            </Button>
            <Button
              variant="secondary"
              onClick={() => void exportCsv()}
              pending={exporting}
              pendingLabel="Preparing CSV…"
            >
              Export CSV
            </Button>
          </div>
        }
      />
      <AssessmentNav assessmentId={assessmentId} />
      <FormAlert error={exportError} heading="The CSV could not be downloaded" />

      <ResultsSummary
        results={results}
        heading="Where you are"
        headingId="results-overview"
        gaps={{
          heading: 'What to work on first',
          hint: (
            <p className="field__hint">
              Ranked by the gap between today’s level and your target, weighted by how much the
              pillar and the question count in the overall score.
            </p>
          ),
          items: priorityItems(
            priorities,
            levelNames,
            new Map(outline.pillars.map((p) => [p.pillar.id, p.pillar.title])),
          ),
          empty: (
            <p>
              No priorities yet. Set a target level above today’s on the questions you want to
              improve, and the largest gaps show here.
            </p>
          ),
        }}
        noScores={<p>No pillar has a score yet: answer a question to see the chart.</p>}
      />

      <section className="panel results-strengths" aria-labelledby="strengths">
        <h2 id="strengths">Strengths</h2>
        <InsightList
          pillars={results.strengths.pillars}
          criteria={results.strengths.criteria}
          empty="Strengths show once some questions are answered in the upper levels."
          describePillar={(p) =>
            `${formatResultScore(p.score)}${p.stage ? ` · ${p.stage.name}` : ''}`
          }
          describeCriterion={(c) => (c.levelName ? `${c.level}. ${c.levelName}` : '')}
        />
      </section>

      <MemberBenchmark assessment={assessment} cycles={detail.cycles} pillars={results.pillars} />

      <section className="next-steps" aria-labelledby="next-steps">
        <h2 id="next-steps">Next steps, question by question</h2>
        <p>
          For each question, the next level up: what it looks like and an example. Open a pillar to
          see its questions. {canPlan ? 'Add the ones you will work on to the action plan.' : null}
        </p>
        <p className="results-page__print-note">
          The next step for every question is on the results page in Waymark and in the CSV export.
        </p>
        {outline.pillars.map(({ pillar }) => {
          const criteria = results.criteria.filter((c) => c.pillarId === pillar.id);
          if (criteria.length === 0) return null;
          const inPriorities = criteria.filter((c) => priorityIds.has(c.criterionId)).length;
          return (
            <details key={pillar.id} className="next-steps__pillar">
              <summary className="next-steps__summary">
                <span className="next-steps__pillar-title">{pillar.title}</span>{' '}
                <span className="next-steps__pillar-meta">
                  {countLabel(criteria.length, 'question', 'questions')}
                  {inPriorities > 0 ? `, ${inPriorities} in your top priorities` : ''}
                </span>
              </summary>
              <ul className="next-steps__list" aria-label={`${pillar.title}: next steps`}>
                {criteria.map((criterion) => (
                  <NextStep
                    key={criterion.criterionId}
                    levelCount={outline.levels.length}
                    levelNames={levelNames}
                    assessmentId={assessmentId}
                    criterion={criterion}
                    canPlan={canPlan}
                    planned={actionsByCriterion.get(criterion.criterionId) ?? []}
                  />
                ))}
              </ul>
            </details>
          );
        })}
      </section>
    </div>
  );
}

/** The top priorities, each with where it stands and the level to reach: the page's "what first". */
function priorityItems(
  priorities: readonly RankedPriority[],
  levelNames: ReadonlyMap<number, string>,
  pillarTitles: ReadonlyMap<string, string>,
): GapItem[] {
  return priorities.map(({ criterion }) => ({
    criterionId: criterion.criterionId,
    title: criterion.title,
    pillarTitle: pillarTitles.get(criterion.pillarId) ?? criterion.pillarId,
    gap: `${criterion.levelName ?? ''} → ${levelNames.get(criterion.targetLevel ?? 0) ?? '–'} (${countLabel(
      criterion.gap ?? 0,
      'level',
      'levels',
    )} to go)${criterion.next ? `. Next: ${criterion.next.name}.` : ''}`,
  }));
}

interface InsightListProps {
  pillars: readonly TPillarResult[];
  criteria: readonly TCriterionResult[];
  empty: string;
  describePillar: (p: TPillarResult) => string;
  describeCriterion: (c: TCriterionResult) => string;
}

function InsightList({
  pillars,
  criteria,
  empty,
  describePillar,
  describeCriterion,
}: InsightListProps) {
  if (pillars.length === 0 && criteria.length === 0) return <p>{empty}</p>;
  return (
    <>
      {pillars.length > 0 ? (
        <>
          <h3 className="results-insights__subhead">Pillars</h3>
          <ul className="results-insights__list">
            {pillars.map((p) => (
              <li key={p.pillarId}>
                <strong>{p.title}</strong> — {describePillar(p)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {criteria.length > 0 ? (
        <>
          <h3 className="results-insights__subhead">Questions</h3>
          <ul className="results-insights__list">
            {criteria.map((c) => (
              <li key={c.criterionId}>
                <strong>{c.title}</strong> — {describeCriterion(c)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

interface NextStepProps {
  assessmentId: string;
  levelCount: number;
  levelNames: ReadonlyMap<number, string>;
  criterion: TCriterionResult;
  canPlan: boolean;
  planned: readonly TAction[];
}

function NextStep({
  assessmentId,
  levelCount,
  levelNames,
  criterion,
  canPlan,
  planned,
}: NextStepProps) {
  const create = useCreateAction(assessmentId);
  const paths = assessmentPaths(assessmentId);
  const today = criterion.notApplicable
    ? 'Not applicable'
    : criterion.level !== null
      ? `${criterion.level}. ${criterion.levelName}`
      : 'Not answered yet';
  return (
    <li className="next-step">
      <div className="next-step__head">
        <h3 className="next-step__title">{criterion.title}</h3>
        <p className="next-step__today">
          Today: {today}
          {criterion.targetLevel !== null
            ? ` · Target: ${criterion.targetLevel}. ${levelNames.get(criterion.targetLevel) ?? ''}`
            : null}
        </p>
      </div>
      {criterion.next ? (
        <div className="next-step__body" data-tone={levelTone(criterion.next.level, levelCount)}>
          <p className="next-step__level">
            Next: {criterion.next.level}. {criterion.next.name}
          </p>
          <p>{criterion.next.descriptor}</p>
          <p className="next-step__example">
            <span className="level-option__example-label">For example: </span>
            {criterion.next.example}
          </p>
        </div>
      ) : (
        <p className="next-step__body next-step__body--none">
          {criterion.notApplicable
            ? 'Left out: not applicable.'
            : 'At the top level: keep it up and help others follow.'}
        </p>
      )}
      {canPlan && criterion.next ? (
        <div className="next-step__plan">
          {planned.length > 0 ? (
            <p className="next-step__planned">
              <Link to={paths.actions}>
                In your action plan ({countLabel(planned.length, 'action', 'actions')})
              </Link>
            </p>
          ) : null}
          <Button
            variant="secondary"
            onClick={() => create.mutate({ criterionId: criterion.criterionId })}
            pending={create.isPending}
            pendingLabel="Adding…"
          >
            {planned.length > 0 ? 'Add another action' : 'Add to action plan'}{' '}
            <span className="visually-hidden">for {criterion.title}</span>
          </Button>
          <FormAlert error={create.error} heading="The action was not added" />
        </div>
      ) : (
        <div className="next-step__plan" />
      )}
    </li>
  );
}
