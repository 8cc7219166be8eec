import type { TIndicatorAggregate } from '@waymark/rubric';
import { ScrollRegion } from '../scroll-region';
import {
  type DashboardLabels,
  firstNamedOnly,
  formatIndicator,
  heldBackText,
  namedOnlyText,
} from './labels';

/** Median of each indicator over the members that reported it. */
export function IndicatorsSection({
  indicators,
  threshold,
  labels,
}: {
  indicators: readonly TIndicatorAggregate[];
  threshold: number;
  labels: DashboardLabels;
}) {
  const namedOnly = firstNamedOnly(indicators.flatMap((i) => (i.status === 'ok' ? [i] : [])));
  return (
    <section className="dashboard-section" aria-labelledby="indicators">
      <h2 id="indicators">Indicators</h2>
      <p className="field__hint">
        The median of what members reported beside their answers, named and anonymous alike. Never
        part of the scores.
      </p>
      {namedOnly ? (
        <p className="field__hint">
          <strong>{namedOnlyText(namedOnly, threshold)}.</strong>
        </p>
      ) : null}
      {indicators.length === 0 ? (
        <p className="panel">This framework version has no indicators.</p>
      ) : (
        <ScrollRegion label="Indicators table">
          <table className="data-table">
            <caption className="visually-hidden">Median of each indicator</caption>
            <thead>
              <tr>
                <th scope="col">Indicator</th>
                <th scope="col">Pillar</th>
                <th scope="col">Median</th>
                <th scope="col" className="data-table__number">
                  Members reporting
                </th>
              </tr>
            </thead>
            <tbody>
              {indicators.map((i) => (
                <tr key={i.indicatorId}>
                  <th scope="row">{labels.indicator(i.indicatorId)}</th>
                  <td>{labels.pillar(i.pillarId)}</td>
                  {i.status === 'ok' ? (
                    <td>
                      <strong>{formatIndicator(i.median, i.unit)}</strong>
                    </td>
                  ) : (
                    <td className="data-table__suppressed">
                      {i.contributors === 0
                        ? 'No member has reported it yet'
                        : heldBackText(i, threshold)}
                    </td>
                  )}
                  <td className="data-table__number">
                    {i.status === 'ok' && i.basis === 'named'
                      ? `${i.contributors} named`
                      : i.contributors}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
