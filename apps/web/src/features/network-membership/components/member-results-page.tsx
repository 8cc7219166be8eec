import type { TCycleMemberResults } from '@waymark/rubric';
import { Link } from 'react-router';
import { useCycleMemberResults } from '../../../api/member-results';
import { ErrorState } from '../../../components/error-state';
import { PageHeader } from '../../../components/page-header';
import { ResultsSummary } from '../../../components/results-summary';
import { LoadingState } from '../../../components/spinner';
import { isApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import '../../../styles/assessments.css';
import '../../../styles/network-membership.css';

function Unavailable({ heading, children }: { heading: string; children: React.ReactNode }) {
  return (
    <section className="state-panel" aria-labelledby="member-results-unavailable">
      <title>{`${heading} · Waymark`}</title>
      <h1 id="member-results-unavailable" className="state-panel__heading">
        {heading}
      </h1>
      <div className="state-panel__detail">{children}</div>
    </section>
  );
}

/**
 * `/cycles/:cycleId/members/:organisationId`: a coordinator reads a named member's submitted
 * results (from the dashboard's heatmap). Read-only: no answers, plans or exports to change.
 */
export function MemberResultsPage({
  cycleId,
  organisationId,
}: {
  cycleId: string;
  organisationId: string;
}) {
  const results = useCycleMemberResults(cycleId, organisationId);
  if (results.isPending) return <LoadingState label="Loading the member’s results…" />;
  if (results.isError) {
    const error = results.error;
    if (isApiError(error) && error.status === 404) {
      return (
        <Unavailable heading="Results not found or not shared">
          <p>
            Either this organisation is not a member of the cycle’s network, or it shares its
            results anonymously: then it counts only in the network’s figures.
          </p>
          <p>
            <Link to={`/cycles/${cycleId}`}>Back to the cycle</Link>
          </p>
        </Unavailable>
      );
    }
    if (isApiError(error) && error.code === 'not_submitted') {
      return (
        <Unavailable heading="Not submitted yet">
          <p>This member has not submitted its assessment for this cycle yet.</p>
          <p>
            <Link to={`/cycles/${cycleId}`}>Back to the cycle</Link>
          </p>
        </Unavailable>
      );
    }
    return (
      <ErrorState
        heading="We couldn’t load the member’s results"
        headingLevel={1}
        error={error}
        onRetry={() => void results.refetch()}
        retrying={results.isFetching}
      />
    );
  }
  return <MemberResults cycleId={cycleId} results={results.data} />;
}

function MemberResults({ cycleId, results }: { cycleId: string; results: TCycleMemberResults }) {
  const criteriaByPillar = new Map<string, TCycleMemberResults['criteria']>();
  for (const c of results.criteria) {
    criteriaByPillar.set(c.pillarId, [...(criteriaByPillar.get(c.pillarId) ?? []), c]);
  }
  const pillarTitles = new Map(results.pillars.map((p) => [p.pillarId, p.title]));
  return (
    <div className="results-page membership-page">
      <PageHeader
        title={`${results.organisationName}: results`}
        eyebrow={<Link to={`/cycles/${cycleId}`}>Back to the cycle</Link>}
        description={
          <p className="page-header__meta">
            Revision {results.revision}, submitted on {formatDate(results.submittedAt)}. Shared with
            the network by name. Read-only: only the organisation can change its answers.
          </p>
        }
      />
      <ResultsSummary
        results={results}
        heading="Where they are"
        headingId="member-results-overview"
        gaps={{
          heading: 'Largest gaps to target',
          items: results.priorities.criteria.map((c) => ({
            criterionId: c.criterionId,
            title: c.title,
            pillarTitle: pillarTitles.get(c.pillarId) ?? c.pillarId,
            gap: `Today ${c.level !== null ? `${c.level}. ${c.levelName ?? ''}` : 'not answered'}, target level ${c.targetLevel ?? '–'}`,
          })),
          empty: <p>No question has a target above today’s level.</p>,
        }}
        noScores={<p>No pillar has a score.</p>}
      />
      <section className="membership-section" aria-labelledby="member-results-criteria">
        <h2 id="member-results-criteria">Question by question</h2>
        {results.pillars.map((pillar) => {
          const criteria = criteriaByPillar.get(pillar.pillarId) ?? [];
          if (criteria.length === 0) return null;
          return (
            <details key={pillar.pillarId} className="next-steps__pillar">
              <summary className="next-steps__summary">
                <span className="next-steps__pillar-title">{pillar.title}</span>
              </summary>
              <table className="assess-table">
                <caption className="visually-hidden">
                  {pillar.title}: level of each question
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Question</th>
                    <th scope="col">Today</th>
                    <th scope="col">Target</th>
                  </tr>
                </thead>
                <tbody>
                  {criteria.map((c) => (
                    <tr key={c.criterionId}>
                      <th scope="row">{c.title}</th>
                      <td>
                        {c.notApplicable
                          ? 'Not applicable'
                          : c.level !== null
                            ? `${c.level}. ${c.levelName ?? ''}`
                            : 'Not answered'}
                      </td>
                      <td>{c.targetLevel !== null ? `Level ${c.targetLevel}` : '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          );
        })}
      </section>
    </div>
  );
}
