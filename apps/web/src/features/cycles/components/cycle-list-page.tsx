import type { TNetwork } from '@waymark/rubric';
import { Link } from 'react-router';
import { useNetworkCycles } from '../../../api/cycles';
import { networkPagePaths } from '../../../api/networks';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { PageHeader } from '../../../components/page-header';
import { LoadingState } from '../../../components/spinner';
import { CycleTable } from './network-cycles-panel';
import '../../../styles/networks.css';

/** `/networks/:networkId/cycles`: every cycle of the network, newest first as the API lists them. */
export function CycleListPage({ network }: { network: TNetwork }) {
  const cycles = useNetworkCycles(network.id);
  const newCycle = network.isCoordinator ? (
    <Link to={networkPagePaths(network.id).newCycle} className="button button--primary">
      Open a new cycle
    </Link>
  ) : undefined;
  return (
    <div className="page">
      <PageHeader
        title="Cycles"
        eyebrow={network.name}
        description={<p>Each cycle is a yearly round of assessments with its own closing date.</p>}
        actions={cycles.data && cycles.data.items.length > 0 ? newCycle : undefined}
      />
      {cycles.isPending ? <LoadingState label="Loading the cycles…" /> : null}
      {cycles.isError ? (
        <ErrorState
          heading="We couldn’t load the cycles"
          error={cycles.error}
          onRetry={() => void cycles.refetch()}
          retrying={cycles.isFetching}
        />
      ) : null}
      {cycles.data?.items.length === 0 ? (
        <EmptyState heading="No cycle yet" action={newCycle}>
          <p>
            {network.isCoordinator
              ? 'Open the first cycle, such as “2026”, so that members can start their assessments.'
              : 'The coordinators have not opened a cycle yet.'}
          </p>
        </EmptyState>
      ) : null}
      {cycles.data && cycles.data.items.length > 0 ? (
        <CycleTable cycles={cycles.data.items} />
      ) : null}
    </div>
  );
}
