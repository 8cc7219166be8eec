import {
  criteriaCounts,
  formatScore as formatWholeScore,
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
import { RadarChart, type RadarSeries } from '../../../components/radar-chart';
import { LoadingState } from '../../../components/spinner';
import { countLabel, formatDate } from '../../../lib/format';
import { levelTone } from '../../../lib/level-tone';
import { CHART_COLOURS } from '../../../lib/palette';
import { useActions, useCreateAction } from '../api/actions';
import { downloadAssessmentCsv } from '../api/export-csv';
import { useResults } from '../api/get-results';
import type { AssessmentOutline } from '../lib/assessment-outline';
import { assessmentPaths } from '../lib/paths';
import { AssessmentGate } from './assessment-gate';
import { AssessmentNav } from './assessment-nav';
import { MemberBenchmark } from './member-benchmark';
import { AssessmentStatusTag } from './status-tags';

const RADAR_SERIES: readonly RadarSeries[] = [
  { key: 'today', label: 'Today', colour: CHART_COLOURS.current },
  { key: 'target', label: 'Target', colour: CHART_COLOURS.target, dashed: true, fillOpacity: 0 },
];

/** Scores as whole numbers 0–100 everywhere (issue 8); the rubric package holds the one rule. */
function formatScore(value: number | null): string {
  return formatWholeScore(value, 'Not scored');
}

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

      <section className="results-overview" aria-labelledby="results-overview">
        <h2 id="results-overview" className="visually-hidden">
          Where you are
        </h2>
        <div className="panel results-overview__scores">
          <p className="results-overall">
            <span className="results-overall__label">Overall</span>
            <span className="results-overall__stage">
              {results.overall.stage
                ? `${results.overall.stage.level}. ${results.overall.stage.name}`
                : 'No stage yet'}
            </span>
          </p>
          <p className="results-overall__numbers">
            Score <strong>{formatScore(results.overall.score)}</strong> out of 100
            {results.overall.targetScore !== null
              ? `, target ${formatScore(results.overall.targetScore)}`
              : ''}
            .
          </p>
          <PillarTable pillars={results.pillars} />
        </div>
        <div className="panel results-priorities">
          <h2>What to work on first</h2>
          <p className="field__hint">
            Ranked by the gap between today’s level and your target, weighted by how much the pillar
            and the question count in the overall score.
          </p>
          <PriorityList
            priorities={priorities}
            levelNames={levelNames}
            pillarTitles={new Map(outline.pillars.map((p) => [p.pillar.id, p.pillar.title]))}
          />
        </div>
        <div className="panel results-overview__chart">
          {results.radar.length > 0 ? (
            <RadarChart
              data={results.radar}
              series={RADAR_SERIES}
              title="Pillar scores today and at target, out of 100"
              caption="Each axis is a pillar, scored 0 (all criteria at the first level) to 100 (all at the top)."
              formatValue={formatScore}
            />
          ) : (
            <p>No pillar has a score yet: answer a question to see the chart.</p>
          )}
        </div>
      </section>

      <section className="panel results-strengths" aria-labelledby="strengths">
        <h2 id="strengths">Strengths</h2>
        <InsightList
          pillars={results.strengths.pillars}
          criteria={results.strengths.criteria}
          empty="Strengths show once some questions are answered in the upper levels."
          describePillar={(p) => `${formatScore(p.score)}${p.stage ? ` · ${p.stage.name}` : ''}`}
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

interface PriorityListProps {
  priorities: readonly RankedPriority[];
  levelNames: ReadonlyMap<number, string>;
  pillarTitles: ReadonlyMap<string, string>;
}

/** The top priorities, each with where it stands and the level to reach: the page's "what first". */
function PriorityList({ priorities, levelNames, pillarTitles }: PriorityListProps) {
  if (priorities.length === 0) {
    return (
      <p>
        No priorities yet. Set a target level above today’s on the questions you want to improve,
        and the largest gaps show here.
      </p>
    );
  }
  return (
    <ol className="priority-list">
      {priorities.map(({ criterion }) => (
        <li key={criterion.criterionId} className="priority-list__item">
          <p className="priority-list__title">
            <strong>{criterion.title}</strong>{' '}
            <span className="priority-list__pillar">
              ({pillarTitles.get(criterion.pillarId) ?? criterion.pillarId})
            </span>
          </p>
          <p className="priority-list__gap">
            {criterion.levelName} → {levelNames.get(criterion.targetLevel ?? 0) ?? '–'} (
            {countLabel(criterion.gap ?? 0, 'level', 'levels')} to go)
            {criterion.next ? `. Next: ${criterion.next.name}.` : ''}
          </p>
        </li>
      ))}
    </ol>
  );
}

function PillarTable({ pillars }: { pillars: readonly TPillarResult[] }) {
  return (
    <table className="assess-table pillar-table">
      <caption className="visually-hidden">Score and stage of each pillar</caption>
      <thead>
        <tr>
          <th scope="col">Pillar</th>
          <th scope="col">Score</th>
          <th scope="col">Stage</th>
          <th scope="col">Target</th>
        </tr>
      </thead>
      <tbody>
        {pillars.map((p) => (
          <tr key={p.pillarId}>
            <th scope="row">{p.title}</th>
            <td className="assess-table__number">{formatScore(p.score)}</td>
            <td>{p.stage ? `${p.stage.level}. ${p.stage.name}` : '–'}</td>
            <td className="assess-table__number">{formatScore(p.targetScore)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
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
