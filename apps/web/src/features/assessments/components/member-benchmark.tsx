import {
  formatScore,
  type TAssessmentCycle,
  type TAssessmentSummary,
  type TCycleBenchmarkFigure,
  type TCycleBenchmarkGroup,
  type TPillarResult,
} from '@waymark/rubric';
import { useCycleBenchmark } from '../../../api/benchmark';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/spinner';
import { ORGANISATION_TYPE_LABELS, SIZE_BAND_LABELS } from '../../../lib/organisation-labels';
import '../../../styles/network-membership.css';

/**
 * The member benchmark (issue 9): for each network cycle the assessment counts for (the
 * assessment detail's `cycles`), where the organisation stands against the network's median and
 * middle half, per pillar, for all members and for similar ones. A group below the network's
 * minimum size shows only how many have submitted, so that no member can be singled out.
 */

const QUARTILE_LABELS = {
  1: 'Lowest quarter',
  2: 'Second quarter',
  3: 'Third quarter',
  4: 'Top quarter',
} as const;

export function notEnoughSubmissions(contributors: number, threshold: number): string {
  return `Not enough submissions yet (${contributors} of ${threshold})`;
}

function groupTitle(group: TCycleBenchmarkGroup['group'], profile: TAssessmentSummary['profile']) {
  switch (group) {
    case 'all':
      return 'All members';
    case 'sameType':
      return `Same type: ${ORGANISATION_TYPE_LABELS[profile.organisationType]}`;
    case 'sameSizeBand':
      return `Same size: ${SIZE_BAND_LABELS[profile.sizeBand]}`;
  }
}

export interface MemberBenchmarkProps {
  assessment: TAssessmentSummary;
  /** The network cycles the assessment answers, from its detail. */
  cycles: readonly TAssessmentCycle[];
  pillars: readonly Pick<TPillarResult, 'pillarId' | 'title'>[];
}

export function MemberBenchmark({ assessment, cycles, pillars }: MemberBenchmarkProps) {
  // A cycle moved to open later has no figures yet; a standalone assessment has no cycles at all.
  const comparable = cycles.filter((c) => c.status !== 'upcoming');
  if (comparable.length === 0) return null;
  return (
    <>
      {comparable.map((cycle) => (
        <CycleBenchmark
          key={cycle.cycleId}
          cycle={cycle}
          assessment={assessment}
          pillars={pillars}
        />
      ))}
    </>
  );
}

function CycleBenchmark({
  cycle,
  assessment,
  pillars,
}: {
  cycle: TAssessmentCycle;
  assessment: TAssessmentSummary;
  pillars: MemberBenchmarkProps['pillars'];
}) {
  const benchmark = useCycleBenchmark(cycle.cycleId, assessment.organisationId);
  const headingId = `member-benchmark-${cycle.cycleId}`;
  let content: React.ReactNode;
  if (benchmark.isPending) {
    content = <LoadingState label="Loading the network comparison" compact />;
  } else if (benchmark.isError) {
    content = (
      <ErrorState
        heading="We couldn't load the network comparison"
        error={benchmark.error}
        onRetry={() => void benchmark.refetch()}
        retrying={benchmark.isFetching}
      />
    );
  } else {
    const data = benchmark.data;
    content = (
      <>
        <p>
          Only submitted assessments count. A group is shown once at least {data.threshold}{' '}
          organisations in it have submitted, and only as a median and a middle half (the middle 50%
          of scores), so that no one member’s result can be worked out.
        </p>
        {data.submitted ? null : (
          <p className="assess-notice assess-notice--info">
            Your own score and quarter show here once your organisation submits this assessment.
          </p>
        )}
        {data.groups.map((group) => (
          <BenchmarkGroup
            key={group.group}
            group={group}
            title={groupTitle(group.group, assessment.profile)}
            pillars={pillars}
          />
        ))}
      </>
    );
  }
  return (
    <section className="panel member-benchmark" aria-labelledby={headingId}>
      <h2 id={headingId}>
        Compared with {cycle.networkName} ({cycle.cycleName})
      </h2>
      {content}
    </section>
  );
}

function BenchmarkGroup({
  group,
  title,
  pillars,
}: {
  group: TCycleBenchmarkGroup;
  title: string;
  pillars: MemberBenchmarkProps['pillars'];
}) {
  const submitted = `${group.contributors} ${group.contributors === 1 ? 'organisation has' : 'organisations have'} submitted`;
  if (group.status === 'suppressed') {
    return (
      <div className="member-benchmark__group">
        <h3>{title}</h3>
        <p className="member-benchmark__suppressed">
          {notEnoughSubmissions(group.contributors, group.threshold)}.
        </p>
      </div>
    );
  }
  const titles = new Map(pillars.map((p) => [p.pillarId, p.title]));
  return (
    <div className="member-benchmark__group">
      <h3>{title}</h3>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard. */}
      <section className="table-scroll" tabIndex={0} aria-label={`${title}: table`}>
        <table className="assess-table member-benchmark__table">
          <caption>
            {title}: {submitted}. Scores out of 100. In the spread, the band is the middle half, the
            line the median and the dot your score.
          </caption>
          <thead>
            <tr>
              <th scope="col">Pillar</th>
              <th scope="col" className="assess-table__number">
                Your score
              </th>
              <th scope="col" className="assess-table__number">
                Median
              </th>
              <th scope="col" className="assess-table__number">
                Middle half
              </th>
              <th scope="col">Your position</th>
              <th scope="col" className="member-benchmark__spread-head">
                Spread <span className="visually-hidden">(a picture of the figures before)</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {group.overall ? (
              <FigureRow label="Overall" figure={group.overall} threshold={group.threshold} />
            ) : null}
            {group.pillars.map((figure) => (
              <FigureRow
                key={figure.pillarId}
                label={titles.get(figure.pillarId) ?? figure.pillarId}
                figure={figure}
                threshold={group.threshold}
              />
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

const clamp = (value: number) => Math.min(100, Math.max(0, value));

/**
 * The middle half as a band on a 0–100 line, the median as a tick and the organisation's score as
 * a dot. Decorative: the same figures are in the row's cells.
 */
function SpreadBar({
  q1,
  median,
  q3,
  yours,
}: {
  q1: number;
  median: number;
  q3: number;
  yours: number | null;
}) {
  return (
    <span className="spread-bar" aria-hidden="true">
      <span
        className="spread-bar__band"
        style={{ left: `${clamp(q1)}%`, width: `${clamp(q3) - clamp(q1)}%` }}
      />
      <span className="spread-bar__median" style={{ left: `${clamp(median)}%` }} />
      {yours !== null ? (
        <span className="spread-bar__yours" style={{ left: `${clamp(yours)}%` }} />
      ) : null}
    </span>
  );
}

function FigureRow({
  label,
  figure,
  threshold,
}: {
  label: string;
  figure: TCycleBenchmarkFigure;
  threshold: number;
}) {
  const { stat } = figure;
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="assess-table__number">{formatScore(figure.yourScore, '–')}</td>
      {stat.status === 'ok' ? (
        <>
          <td className="assess-table__number">{formatScore(stat.median)}</td>
          <td className="assess-table__number">
            {formatScore(stat.q1)} to {formatScore(stat.q3)}
          </td>
          <td>{figure.yourQuartile ? QUARTILE_LABELS[figure.yourQuartile] : '–'}</td>
          <td>
            <SpreadBar q1={stat.q1} median={stat.median} q3={stat.q3} yours={figure.yourScore} />
          </td>
        </>
      ) : (
        <td colSpan={4}>{notEnoughSubmissions(stat.contributors, threshold)}</td>
      )}
    </tr>
  );
}
