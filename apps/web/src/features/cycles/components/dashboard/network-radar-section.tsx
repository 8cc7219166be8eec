import { formatScore, type TDashboardRadar } from '@waymark/rubric';
import { RadarChart, type RadarRow, type RadarSeries } from '../../../../components/radar-chart';
import { CHART_COLOURS } from '../../../../lib/palette';
import { ScrollRegion } from '../scroll-region';
import {
  type DashboardLabels,
  firstNamedOnly,
  heldBackText,
  namedOnlyText,
  notEnough,
} from './labels';

// The interquartile band is the shaded ring between the two quartile lines (the upper quartile's
// fill stops at the lower one). The median comes last, so that it is drawn over both, thicker and
// with a dot per pillar. Colour is not the only cue: the lower quartile is dashed, the upper solid.
const SERIES: readonly RadarSeries[] = [
  {
    key: 'q1',
    label: 'Lower quartile',
    colour: CHART_COLOURS.target,
    fill: 'none',
    dashed: true,
    strokeWidth: 1.5,
    dots: false,
  },
  {
    key: 'q3',
    label: 'Upper quartile',
    colour: CHART_COLOURS.target,
    fill: CHART_COLOURS.target,
    fillOpacity: 0.2,
    fillFrom: 'q1',
    strokeWidth: 1.5,
    dots: false,
  },
  { key: 'median', label: 'Median', colour: CHART_COLOURS.current, fill: 'none', strokeWidth: 3 },
];

const CAPTION =
  'The shaded band holds the middle half of the members: it runs from the lower quartile (dashed line) to the upper quartile (thin solid line). The thick line with a dot on each pillar is the median.';

const listFormat = new Intl.ListFormat('en-GB', { type: 'conjunction' });

function leftOutSentence(pillars: readonly string[], why: string): string {
  return `${listFormat.format(pillars)} ${pillars.length === 1 ? 'is' : 'are'} not drawn: ${why}.`;
}

/** The network's median per pillar with its interquartile band, and the same figures as a table. */
export function NetworkRadarSection({
  radar,
  threshold,
  labels,
}: {
  radar: TDashboardRadar;
  threshold: number;
  labels: DashboardLabels;
}) {
  // Only pillars with figures get an axis: a suppressed one drawn at the centre would read as a
  // score of 0. The table below lists every pillar, and the caption names those left out.
  const shown = radar.pillars.filter((p) => p.status === 'ok');
  const held = radar.pillars.flatMap((p) => (p.status === 'ok' ? [] : [p]));
  const leftOut = held.map((p) => labels.pillar(p.pillarId));
  const why = held.every((p) => p.reason === 'few_anonymous')
    ? 'held back to protect anonymous members'
    : held.every((p) => p.reason === 'too_few')
      ? 'not enough submissions yet'
      : 'not enough submissions yet, or held back to protect anonymous members';
  // Figures over the named members only (1 … threshold − 1 anonymous contributed) say so.
  const namedOnly = firstNamedOnly([
    ...(radar.overall.status === 'ok' ? [radar.overall] : []),
    ...shown,
  ]);
  const namedPillars = shown
    .filter((p) => p.basis === 'named')
    .map((p) => labels.pillar(p.pillarId));
  const allNamed = namedPillars.length === shown.length;
  const namedSentence =
    namedPillars.length > 0 && !allNamed
      ? ` ${listFormat.format(namedPillars)} ${namedPillars.length === 1 ? 'counts' : 'count'} the named members only.`
      : '';
  const title = allNamed
    ? 'The named members’ median pillar scores with the interquartile range, out of 100'
    : 'The network’s median pillar scores with the interquartile range, out of 100';
  const data: RadarRow[] = shown.map((p) => ({
    axis: labels.pillar(p.pillarId),
    median: p.median,
    q1: p.q1,
    q3: p.q3,
  }));
  return (
    <section className="dashboard-section" aria-labelledby="network-radar">
      <h2 id="network-radar">Where the network stands</h2>
      <p className="field__hint">
        Every member that submitted counts here, named or anonymous: {radar.contributors} so far
        {radar.anonymousContributors > 0
          ? `, ${radar.anonymousContributors} of them anonymous`
          : ''}
        . A figure shows once at least {threshold} members contribute to it, and the anonymous among
        them are none or at least {threshold}.
      </p>
      {namedOnly ? (
        <p className="field__hint">
          <strong>{namedOnlyText(namedOnly, threshold)}.</strong>
        </p>
      ) : null}
      <div className="dashboard-radar">
        {shown.length >= 3 ? (
          <div className="panel dashboard-radar__chart">
            <RadarChart
              data={data}
              series={SERIES}
              title={title}
              caption={`${CAPTION}${namedSentence}${leftOut.length > 0 ? ` ${leftOutSentence(leftOut, why)}` : ''}`}
              formatValue={(v) => (v === null ? 'Not shown' : formatScore(v))}
            />
          </div>
        ) : (
          <p className="panel dashboard-radar__chart">
            {radar.overall.status === 'suppressed'
              ? radar.overall.reason === 'too_few'
                ? `${notEnough(radar.overall.contributors, threshold)}: the chart shows once enough members have submitted.`
                : `${heldBackText(radar.overall, threshold)}.`
              : 'Too few pillars have enough submissions to draw the chart: see the table.'}
          </p>
        )}
        <ScrollRegion label="Network scores table">
          <table className="data-table">
            <caption>Pillar scores across the network, out of 100</caption>
            <thead>
              <tr>
                <th scope="col">Pillar</th>
                <th scope="col">Lower quartile</th>
                <th scope="col">Median</th>
                <th scope="col">Upper quartile</th>
                <th scope="col">Members</th>
              </tr>
            </thead>
            <tbody>
              {[{ ...radar.overall, pillarId: '' }, ...radar.pillars].map((p) => (
                <tr key={p.pillarId || 'overall'}>
                  <th scope="row">{p.pillarId ? labels.pillar(p.pillarId) : 'Overall'}</th>
                  {p.status === 'ok' ? (
                    <>
                      <td className="data-table__number">{formatScore(p.q1)}</td>
                      <td className="data-table__number">
                        <strong>{formatScore(p.median)}</strong>
                      </td>
                      <td className="data-table__number">{formatScore(p.q3)}</td>
                    </>
                  ) : (
                    <td colSpan={3} className="data-table__suppressed">
                      {heldBackText(p, threshold)}
                    </td>
                  )}
                  <td className="data-table__number">
                    {p.status === 'ok' && p.basis === 'named'
                      ? `${p.contributors} named`
                      : p.contributors}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </div>
    </section>
  );
}
