import type { TAssessmentStatus, TCycle, TMembershipSummary } from '@waymark/rubric';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCycle, useStartCycleAssessment } from '../../../api/cycles';
import { useMe } from '../../../api/me';
import { Button } from '../../../components/button';
import { ErrorState } from '../../../components/error-state';
import { FormAlert } from '../../../components/form/form-alert';
import { LoadingState } from '../../../components/spinner';

const ASSESSMENT_STATUS: Record<TAssessmentStatus, string> = {
  draft: 'In progress',
  submitted: 'Submitted',
  reopened: 'Reopened',
};

const WRITERS: ReadonlySet<TMembershipSummary['role']> = new Set(['admin', 'contributor']);

/**
 * For a member's people: each of their organisations in the network, with its assessment for the
 * cycle, and "Start your assessment" (writers, while the cycle is open) or "Continue".
 */
export function YourCycleAssessments({ cycle }: { cycle: TCycle }) {
  const detail = useCycle(cycle.id);
  const me = useMe();
  const start = useStartCycleAssessment(cycle.id);
  const navigate = useNavigate();
  const [starting, setStarting] = useState<string | null>(null);

  if (detail.isPending) return <LoadingState label="Loading your assessments…" compact />;
  if (detail.isError) {
    return (
      <ErrorState
        heading="We couldn’t load your assessments for this cycle"
        error={detail.error}
        onRetry={() => void detail.refetch()}
        retrying={detail.isFetching}
      />
    );
  }
  const memberships = new Map((me.data?.memberships ?? []).map((m) => [m.organisationId, m]));
  const organisations = detail.data.yourOrganisations;
  if (organisations.length === 0) return null;

  const begin = async (organisationId: string) => {
    setStarting(organisationId);
    try {
      const link = await start.mutateAsync(organisationId);
      navigate(`/assessments/${encodeURIComponent(link.assessmentId)}`);
    } catch {
      // Shown below from the mutation's error.
    } finally {
      setStarting(null);
    }
  };

  return (
    <div className="your-assessments">
      <h3 className="your-assessments__title">Your assessments</h3>
      <FormAlert error={start.error} heading="The assessment was not started" />
      <ul className="your-assessments__list">
        {organisations.map(({ organisationId, assessment }) => {
          const membership = memberships.get(organisationId);
          const name = membership?.organisationName ?? 'Your organisation';
          const canWrite = membership ? WRITERS.has(membership.role) : false;
          return (
            <li key={organisationId} className="your-assessments__item">
              <p className="your-assessments__org">
                <strong>{name}</strong>{' '}
                <span className="muted">
                  {assessment ? ASSESSMENT_STATUS[assessment.status] : 'Not started'}
                </span>
              </p>
              {assessment ? (
                <Link
                  className="button button--secondary"
                  to={
                    assessment.status === 'submitted'
                      ? `/assessments/${encodeURIComponent(assessment.id)}/results`
                      : `/assessments/${encodeURIComponent(assessment.id)}`
                  }
                >
                  {assessment.status === 'submitted' ? 'View results' : 'Continue'}{' '}
                  <span className="visually-hidden">for {name}</span>
                </Link>
              ) : cycle.status === 'open' && canWrite ? (
                <Button
                  onClick={() => void begin(organisationId)}
                  pending={starting === organisationId}
                  pendingLabel="Starting…"
                  disabled={starting !== null}
                >
                  Start your assessment <span className="visually-hidden">for {name}</span>
                </Button>
              ) : (
                <p className="muted your-assessments__note">
                  {cycle.status !== 'open'
                    ? 'The cycle is not open.'
                    : 'An admin or contributor of your organisation can start it.'}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
