import type { TStage, TStageDistribution } from '@waymark/rubric';
import { levelTone } from '../../../../lib/level-tone';
import { ScrollRegion } from '../scroll-region';
import { type DashboardLabels, firstNamedOnly, heldBackText, namedOnlyText } from './labels';

/** How many members reached each stage of each pillar, anonymous members included. */
export function DistributionSection({
  distribution,
  levels,
  threshold,
  labels,
}: {
  distribution: readonly TStageDistribution[];
  levels: readonly TStage[];
  threshold: number;
  labels: DashboardLabels;
}) {
  const namedOnly = firstNamedOnly(distribution.flatMap((d) => (d.status === 'ok' ? [d] : [])));
  return (
    <section className="dashboard-section" aria-labelledby="distribution">
      <h2 id="distribution">Stages reached, by pillar</h2>
      <p className="field__hint">
        How many members reached each stage. Anonymous members count too; a pillar shows once at
        least {threshold} members have answered it, and the anonymous among them are none or at
        least {threshold}.
      </p>
      {namedOnly ? (
        <p className="field__hint">
          <strong>{namedOnlyText(namedOnly, threshold)}.</strong>
        </p>
      ) : null}
      <ul className="stage-legend" aria-hidden="true">
        {levels.map((l) => (
          <li key={l.level} data-tone={levelTone(l.level, levels.length)}>
            <span className="stage-legend__swatch" /> {l.level}. {l.name}
          </li>
        ))}
      </ul>
      <ScrollRegion label="Stages table">
        <table className="data-table distribution">
          <caption className="visually-hidden">Number of members at each stage, by pillar</caption>
          <thead>
            <tr>
              <th scope="col">Pillar</th>
              {levels.map((l) => (
                <th key={l.level} scope="col" className="data-table__number">
                  {l.name}
                </th>
              ))}
              <th scope="col" className="data-table__number">
                Members
              </th>
            </tr>
          </thead>
          <tbody>
            {distribution.map((d) => (
              <tr key={d.pillarId}>
                <th scope="row">
                  {labels.pillar(d.pillarId)}
                  {d.status === 'ok' ? (
                    <StageBar stages={d.stages} total={d.contributors} levelCount={levels.length} />
                  ) : null}
                </th>
                {d.status === 'ok' ? (
                  levels.map((l) => (
                    <td key={l.level} className="data-table__number">
                      {d.stages.find((s) => s.level === l.level)?.count ?? 0}
                    </td>
                  ))
                ) : (
                  <td colSpan={levels.length} className="data-table__suppressed">
                    {heldBackText(d, threshold)}
                  </td>
                )}
                <td className="data-table__number">
                  {d.status === 'ok' && d.basis === 'named'
                    ? `${d.contributors} named`
                    : d.contributors}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

/** The counts as one stacked bar (the table beside it carries the numbers for everyone). */
function StageBar({
  stages,
  total,
  levelCount,
}: {
  stages: readonly { level: number; name: string; count: number }[];
  total: number;
  levelCount: number;
}) {
  return (
    <span className="stage-bar" aria-hidden="true">
      {stages
        .filter((s) => s.count > 0)
        .map((s) => (
          <span
            key={s.level}
            className="stage-bar__segment"
            data-tone={levelTone(s.level, levelCount)}
            style={{ flexGrow: s.count, flexBasis: 0 }}
            title={`${s.name}: ${s.count} of ${total}`}
          >
            {s.count}
          </span>
        ))}
    </span>
  );
}
