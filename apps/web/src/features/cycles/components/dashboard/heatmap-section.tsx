import {
  formatScore,
  type TDashboardHeatmap,
  type THeatmapRow,
  type TStage,
} from '@waymark/rubric';
import { useState } from 'react';
import { Link } from 'react-router';
import { cyclePagePaths } from '../../../../api/cycles';
import { levelTone } from '../../../../lib/level-tone';
import { ScrollRegion } from '../scroll-region';
import type { DashboardLabels } from './labels';

type SortKey = 'name' | 'overall' | `pillar:${string}`;
type Direction = 'ascending' | 'descending';

function scoreOf(row: THeatmapRow, key: SortKey): number | null {
  if (key === 'overall') return row.overall.score;
  const pillarId = key.slice('pillar:'.length);
  return row.pillars.find((p) => p.pillarId === pillarId)?.score ?? null;
}

/** Sorted by name, or by a score with members without one last whichever the direction. */
export function sortRows(
  rows: readonly THeatmapRow[],
  key: SortKey,
  direction: Direction,
): THeatmapRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (key === 'name') return sign * a.name.localeCompare(b.name, 'en-GB');
    const x = scoreOf(a, key);
    const y = scoreOf(b, key);
    if (x === null && y === null) return a.name.localeCompare(b.name, 'en-GB');
    if (x === null) return 1;
    if (y === null) return -1;
    return sign * (x - y) || a.name.localeCompare(b.name, 'en-GB');
  });
}

function Cell({
  score,
  stage,
  levelCount,
}: {
  score: number | null;
  stage: TStage | null;
  levelCount: number;
}) {
  if (score === null) {
    return (
      <td className="heat-cell heat-cell--none">
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">Not applicable</span>
      </td>
    );
  }
  return (
    <td className="heat-cell" data-tone={stage ? levelTone(stage.level, levelCount) : undefined}>
      <span className="heat-cell__score">{formatScore(score)}</span>
      <span className="heat-cell__stage">{stage ? stage.name : 'No stage'}</span>
    </td>
  );
}

/** Named members × pillars: scores and stages, sortable by any column. */
export function HeatmapSection({
  cycleId,
  heatmap,
  labels,
  levelCount,
}: {
  cycleId: string;
  heatmap: TDashboardHeatmap;
  labels: DashboardLabels;
  levelCount: number;
}) {
  const [sort, setSort] = useState<{ key: SortKey; direction: Direction }>({
    key: 'name',
    direction: 'ascending',
  });
  const columns: { key: SortKey; label: string }[] = [
    { key: 'overall', label: 'Overall' },
    ...heatmap.pillarIds.map((id) => ({
      key: `pillar:${id}` as SortKey,
      label: labels.pillar(id),
    })),
  ];
  const rows = sortRows(heatmap.rows, sort.key, sort.direction);
  const sortedBy =
    sort.key === 'name' ? 'Organisation' : (columns.find((c) => c.key === sort.key)?.label ?? '');
  const order =
    sort.key === 'name'
      ? sort.direction === 'ascending'
        ? 'A to Z'
        : 'Z to A'
      : sort.direction === 'ascending'
        ? 'lowest first'
        : 'highest first';

  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    const next: Direction = active
      ? sort.direction === 'ascending'
        ? 'descending'
        : 'ascending'
      : key === 'name'
        ? 'ascending'
        : 'descending';
    return (
      <th key={key} scope="col" aria-sort={active ? sort.direction : undefined}>
        <button
          type="button"
          className="sort-button"
          onClick={() => setSort({ key, direction: next })}
        >
          {label}
          <span className="sort-button__icon" aria-hidden="true">
            {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  };

  return (
    <section className="dashboard-section" aria-labelledby="heatmap">
      <h2 id="heatmap">Named members’ results</h2>
      <p className="field__hint">
        Members that share their results by name and have submitted. Each cell shows the score out
        of 100 and the stage reached. Anonymous members count only in the network’s figures.
      </p>
      {heatmap.rows.length === 0 ? (
        <p className="panel">No named member has submitted yet.</p>
      ) : (
        <>
          <p className="visually-hidden" role="status">
            Sorted by {sortedBy}, {order}.
          </p>
          <ScrollRegion label="Named members’ results table">
            <table className="data-table heatmap">
              <caption className="visually-hidden">
                Named members’ scores and stages by pillar, sorted by {sortedBy}, {order}
              </caption>
              <thead>
                <tr>
                  {header('name', 'Organisation')}
                  {columns.map((c) => header(c.key, c.label))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.organisationId}>
                    <th scope="row">
                      <Link to={cyclePagePaths(cycleId).member(row.organisationId)}>
                        {row.name}
                      </Link>
                    </th>
                    <Cell
                      score={row.overall.score}
                      stage={row.overall.stage}
                      levelCount={levelCount}
                    />
                    {row.pillars.map((cell) => (
                      <Cell
                        key={cell.pillarId}
                        score={cell.score}
                        stage={cell.stage}
                        levelCount={levelCount}
                      />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </section>
  );
}
