import { formatScore, type TDashboardPriorities } from '@waymark/rubric';
import {
  type DashboardLabels,
  firstNamedOnly,
  formatLevel,
  heldBackForAnonymous,
  namedOnlyText,
  notEnough,
} from './labels';

function criteria(n: number): string {
  return `${n} ${n === 1 ? 'criterion is' : 'criteria are'}`;
}

/** Where the network is collectively weakest, and where members aim furthest above today. */
export function PrioritiesSection({
  priorities,
  labels,
  levelCount,
  threshold,
  submitted,
}: {
  priorities: TDashboardPriorities;
  labels: DashboardLabels;
  levelCount: number;
  threshold: number;
  /** Members that submitted, and how many of them are anonymous (the radar's counts). */
  submitted: { contributors: number; anonymous: number };
}) {
  const { lowestPillars, lowestCriteria, largestGaps, heldBackCriteria } = priorities;
  const empty =
    lowestPillars.length === 0 && lowestCriteria.length === 0 && largestGaps.length === 0;
  // Over the named members only while 1 … threshold − 1 anonymous contributed: said once at the
  // top, and beside each such entry when the list mixes both.
  const entries = [...lowestPillars, ...lowestCriteria, ...largestGaps];
  const namedOnly = firstNamedOnly(entries);
  const mixed = namedOnly !== null && entries.some((e) => e.basis === 'all');
  const basisNote = (e: { basis: string }) =>
    mixed && e.basis === 'named' ? ' · named members only' : '';
  return (
    <section className="dashboard-section" aria-labelledby="priorities">
      <h2 id="priorities">Collective priorities</h2>
      {namedOnly ? (
        <p className="field__hint">
          <strong>{namedOnlyText(namedOnly, threshold)}.</strong>
        </p>
      ) : null}
      {empty ? (
        <p className="panel">
          {heldBackCriteria.fewAnonymous > 0
            ? `${heldBackForAnonymous(submitted.anonymous, threshold)}.`
            : `${notEnough(submitted.contributors, threshold)}: priorities show once enough members have submitted.`}
        </p>
      ) : (
        <div className="priority-columns">
          <div className="panel">
            <h3>Lowest medians</h3>
            {lowestPillars.length > 0 ? (
              <>
                <h4 className="priority-columns__subhead">Pillars</h4>
                <ol className="ranked-list">
                  {lowestPillars.map((p) => (
                    <li key={p.pillarId}>
                      <span className="ranked-list__title">{labels.pillar(p.pillarId)}</span>
                      <span className="ranked-list__figure">
                        median {formatScore(p.median)} out of 100 · {p.contributors} members
                        {basisNote(p)}
                      </span>
                    </li>
                  ))}
                </ol>
              </>
            ) : null}
            {lowestCriteria.length > 0 ? (
              <>
                <h4 className="priority-columns__subhead">Criteria</h4>
                <ol className="ranked-list">
                  {lowestCriteria.map((c) => (
                    <li key={c.criterionId}>
                      <span className="ranked-list__title">{labels.criterion(c.criterionId)}</span>
                      <span className="ranked-list__figure">
                        {labels.pillar(c.pillarId)} · median level {formatLevel(c.medianLevel)} of{' '}
                        {levelCount} ({labels.level(Math.floor(c.medianLevel))}){basisNote(c)}
                      </span>
                    </li>
                  ))}
                </ol>
              </>
            ) : null}
          </div>
          <div className="panel">
            <h3>Biggest gaps to targets</h3>
            {largestGaps.length === 0 ? (
              <p>No criterion has members aiming above where they are today.</p>
            ) : (
              <ol className="ranked-list">
                {largestGaps.map((c) => (
                  <li key={c.criterionId}>
                    <span className="ranked-list__title">{labels.criterion(c.criterionId)}</span>
                    <span className="ranked-list__figure">
                      {labels.pillar(c.pillarId)} · members aim a median {formatLevel(c.medianGap)}{' '}
                      {c.medianGap === 1 ? 'level' : 'levels'} higher{basisNote(c)}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </div>
        </div>
      )}
      {heldBackCriteria.tooFew > 0 ? (
        <p className="muted">
          {criteria(heldBackCriteria.tooFew)} left out: too few members answered{' '}
          {heldBackCriteria.tooFew === 1 ? 'it' : 'them'} for a figure to be shown.
        </p>
      ) : null}
      {heldBackCriteria.fewAnonymous > 0 ? (
        <p className="muted">
          {criteria(heldBackCriteria.fewAnonymous)} held back to protect anonymous members: fewer
          than {threshold} anonymous and fewer than two named members answered{' '}
          {heldBackCriteria.fewAnonymous === 1 ? 'it' : 'them'}.
        </p>
      ) : null}
    </section>
  );
}
