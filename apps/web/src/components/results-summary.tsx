import { formatScore, type TAssessmentResults, type TPillarResult } from '@waymark/rubric';
import type { ReactNode } from 'react';
import { CHART_COLOURS } from '../lib/palette';
import { RadarChart, type RadarSeries } from './radar-chart';
import '../styles/assessments.css';

/**
 * Where an organisation stands, read-only: the overall stage and score, each pillar's score, stage
 * and target, the largest gaps to target, and the radar of today against target. Shared by the
 * organisation's own results page and a coordinator's view of a named member's results (issue 9).
 */

const RADAR_SERIES: readonly RadarSeries[] = [
  { key: 'today', label: 'Today', colour: CHART_COLOURS.current },
  { key: 'target', label: 'Target', colour: CHART_COLOURS.target, dashed: true, fillOpacity: 0 },
];

/** Scores as whole numbers 0–100 everywhere (issue 8); the rubric package holds the one rule. */
export function formatResultScore(value: number | null): string {
  return formatScore(value, 'Not scored');
}

/** One question in the gaps to target: its title, optionally its pillar, and how far it has to go. */
export interface GapItem {
  criterionId: string;
  title: string;
  pillarTitle?: string;
  gap: string;
}

export interface ResultsSummaryProps {
  results: Pick<TAssessmentResults, 'overall' | 'pillars' | 'radar'>;
  /** The visually hidden heading of the section, e.g. "Where you are". */
  heading: string;
  headingId: string;
  gaps: {
    heading: string;
    /** Says how the gaps are ranked, under the heading. */
    hint?: ReactNode;
    items: readonly GapItem[];
    /** Shown instead of the list when no question has a target above today. */
    empty: ReactNode;
  };
  /** Shown instead of the radar when no pillar has a score. */
  noScores: ReactNode;
}

export function ResultsSummary({
  results,
  heading,
  headingId,
  gaps,
  noScores,
}: ResultsSummaryProps) {
  return (
    <section className="results-overview" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        {heading}
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
          Score <strong>{formatResultScore(results.overall.score)}</strong> out of 100
          {results.overall.targetScore !== null
            ? `, target ${formatResultScore(results.overall.targetScore)}`
            : ''}
          .
        </p>
        <PillarTable pillars={results.pillars} />
      </div>
      <div className="panel results-priorities">
        <h2>{gaps.heading}</h2>
        {gaps.hint}
        <GapList items={gaps.items} empty={gaps.empty} />
      </div>
      <div className="panel results-overview__chart">
        {results.radar.length > 0 ? (
          <RadarChart
            data={results.radar}
            series={RADAR_SERIES}
            title="Pillar scores today and at target, out of 100"
            caption="Each axis is a pillar, scored 0 (all criteria at the first level) to 100 (all at the top)."
            formatValue={formatResultScore}
          />
        ) : (
          noScores
        )}
      </div>
    </section>
  );
}

function GapList({ items, empty }: { items: readonly GapItem[]; empty: ReactNode }) {
  if (items.length === 0) return empty;
  return (
    <ol className="priority-list">
      {items.map((item) => (
        <li key={item.criterionId} className="priority-list__item">
          <p className="priority-list__title">
            <strong>{item.title}</strong>
            {item.pillarTitle ? (
              <>
                {' '}
                <span className="priority-list__pillar">({item.pillarTitle})</span>
              </>
            ) : null}
          </p>
          <p className="priority-list__gap">{item.gap}</p>
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
            <td className="assess-table__number">{formatResultScore(p.score)}</td>
            <td>{p.stage ? `${p.stage.level}. ${p.stage.name}` : '–'}</td>
            <td className="assess-table__number">{formatResultScore(p.targetScore)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
