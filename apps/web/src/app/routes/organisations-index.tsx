import { Navigate } from 'react-router';
import { useMe } from '../../api/me';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/spinner';
import { lastOrganisationId } from '../../lib/current-organisation';

/**
 * `/orgs`, where signing in lands: the organisation last worked in, else the first; someone with
 * no organisation yet is asked to create one.
 */
export function OrganisationsIndexRoute() {
  const me = useMe();
  if (me.isPending) return <LoadingState label="Loading your organisations…" />;
  if (me.isError) {
    return (
      <ErrorState
        heading="We couldn’t load your organisations"
        headingLevel={1}
        error={me.error}
        onRetry={() => me.refetch()}
        retrying={me.isFetching}
      />
    );
  }
  const { memberships } = me.data;
  const last = lastOrganisationId();
  const target = memberships.find((m) => m.organisationId === last) ?? memberships[0];
  if (!target) return <Navigate to="/orgs/new" replace />;
  return <Navigate to={`/orgs/${target.organisationId}`} replace />;
}
