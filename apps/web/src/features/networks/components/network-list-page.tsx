import type { TNetwork } from '@waymark/rubric';
import { Link } from 'react-router';
import { useMe } from '../../../api/me';
import { networkPagePaths, useNetworks } from '../../../api/networks';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { PageHeader } from '../../../components/page-header';
import { LoadingState } from '../../../components/spinner';
import '../../../styles/networks.css';

function relation(network: TNetwork, organisationNames: Map<string, string>): string {
  const members = network.memberOrganisations.map(
    (m) => organisationNames.get(m.organisationId) ?? 'your organisation',
  );
  const parts: string[] = [];
  if (network.isCoordinator) parts.push('You coordinate it');
  if (members.length > 0) parts.push(`Member: ${members.join(', ')}`);
  return parts.join(' · ');
}

/** `/networks`: the networks the user coordinates or belongs to through an organisation. */
export function NetworkListPage() {
  const networks = useNetworks();
  const me = useMe();
  const names = new Map(
    (me.data?.memberships ?? []).map((m) => [m.organisationId, m.organisationName]),
  );
  const create = (
    <Link to="/networks/new" className="button button--primary">
      Create a network
    </Link>
  );

  return (
    <div className="page">
      <PageHeader
        title="Networks"
        description={
          <p>
            A network brings local anchor organisations together to assess every year, compare where
            they stand and find where to act together.
          </p>
        }
        actions={networks.data && networks.data.items.length > 0 ? create : undefined}
      />
      {networks.isPending ? <LoadingState label="Loading your networks…" /> : null}
      {networks.isError ? (
        <ErrorState
          heading="We couldn’t load your networks"
          error={networks.error}
          onRetry={() => void networks.refetch()}
          retrying={networks.isFetching}
        />
      ) : null}
      {networks.data && networks.data.items.length === 0 ? (
        <EmptyState heading="You are not in a network yet" action={create}>
          <p>
            Create a network to invite organisations and run yearly assessment cycles as its
            coordinator. If your organisation has been invited to one, open the link in the
            invitation.
          </p>
        </EmptyState>
      ) : null}
      {networks.data && networks.data.items.length > 0 ? (
        <ul className="network-cards">
          {networks.data.items.map((network) => (
            <li key={network.id} className="panel network-card">
              <h2 className="network-card__title">
                <Link to={networkPagePaths(network.id).home}>{network.name}</Link>
              </h2>
              <p className="network-card__place">{network.place}</p>
              <p className="network-card__relation">{relation(network, names)}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
