import type {
  TAction,
  TAssessmentDetail,
  TAssessmentResults,
  TCriterionResult,
  TPillarResult,
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
import { AssessmentStatusTag } from './status-tags';

const RADAR_SERIES: readonly RadarSeries[] = [
  { key: 'today', label: 'Today', colour: CHART_COLOURS.current },
  { key: 'target', label: 'Target', colour: CHART_COLOURS.target, dashed: true, fillOpacity: 0 },
];

function formatScore(value: number | null): string {
  return value === null ? 'Not scored' : String(value);
}

/** `/assessments/:assessmentId/results`: where the organisation stands and what to do next. */
export function ResultsPage({ assessmentId }: { assessmentId: string }) {
  return (
    <AssessmentGate assessmentId={assessmentId} loadingLabel="Loading the results">
      {({ detail, outline }) => (
        <ResultsLoader assessmentId={assessmentId} detail={detail} outline={outline} />
      )}
    </AssessmentGate>
  );
}

function ResultsLoader({
  assessmentId,
  detail,
  outline,
}: {
  assessmentId: string;
  detail: TAssessmentDetail;
  outline: AssessmentOutline;
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
    <Results assessmentId={assessmentId} detail={detail} outline={outline} results={results.data} />
  );
}

interface ResultsProps {
  assessmentId: string;
  detail: TAssessmentDetail;
  outline: AssessmentOutline;
  results: TAssessmentResults;
}

export function Results({ assessmentId, detail, outline, results }: ResultsProps) {
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

  return (
    <div className="results-page">
      <PageHeader
        title="Results"
        eyebrow={<Link to={paths.taskList}>{assessment.title}</Link>}
        description={
          <p className="page-header__meta">
            <AssessmentStatusTag status={assessment.status} />{' '}
            {results.source === 'submitted'
              ? `Revision ${results.revision}, as submitted${assessment.submittedAt ? ` on ${formatDate(assessment.submittedAt)}` : ''}.`
              : `Results so far: ${results.completeness.answered} of ${countLabel(results.completeness.applicable, 'question', 'questions')} answered. They change as answers do.`}
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
          Overview
        </h2>
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
        <div className="panel results-overview__scores">
          <p className="results-overall">
            <span className="results-overall__label">Overall score</span>
            <span className="results-overall__value">{formatScore(results.overall.score)}</span>
            <span className="results-overall__of">out of 100</span>
          </p>
          <p>
            {results.overall.stage
              ? `Stage: ${results.overall.stage.level}. ${results.overall.stage.name}.`
              : 'No stage yet.'}{' '}
            {results.overall.targetScore !== null
              ? `Target: ${results.overall.targetScore}.`
              : null}
          </p>
          <PillarTable pillars={results.pillars} />
        </div>
      </section>

      <section className="results-insights" aria-label="Strengths and priorities">
        <div className="panel">
          <h2>Strengths</h2>
          <InsightList
            pillars={results.strengths.pillars}
            criteria={results.strengths.criteria}
            empty="Strengths show once some questions are answered in the upper levels."
            describePillar={(p) => `${formatScore(p.score)}${p.stage ? ` · ${p.stage.name}` : ''}`}
            describeCriterion={(c) => (c.levelName ? `${c.level}. ${c.levelName}` : '')}
          />
        </div>
        <div className="panel">
          <h2>Priorities</h2>
          <p className="field__hint">The largest gaps between today and your targets.</p>
          <InsightList
            pillars={results.priorities.pillars}
            criteria={results.priorities.criteria}
            empty="No gaps yet: set target levels above today to see where to focus."
            describePillar={(p) => `gap of ${p.gap ?? 0} points`}
            describeCriterion={(c) =>
              `${c.levelName ?? 'not answered'} → ${levelNames.get(c.targetLevel ?? 0) ?? '–'} (${countLabel(c.gap ?? 0, 'level', 'levels')} to go)`
            }
          />
        </div>
      </section>

      <section className="next-steps" aria-labelledby="next-steps">
        <h2 id="next-steps">What to do next</h2>
        <p>
          For each question, the next level up: what it looks like and an example.{' '}
          {canPlan ? 'Add the ones you will work on to the action plan.' : null}
        </p>
        {outline.pillars.map(({ pillar }) => {
          const criteria = results.criteria.filter((c) => c.pillarId === pillar.id);
          if (criteria.length === 0) return null;
          return (
            <section
              key={pillar.id}
              className="next-steps__pillar"
              aria-labelledby={`next-${pillar.id}`}
            >
              <h3 id={`next-${pillar.id}`}>{pillar.title}</h3>
              <ul className="next-steps__list">
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
            </section>
          );
        })}
      </section>
    </div>
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
        <h4 className="next-step__title">{criterion.title}</h4>
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
