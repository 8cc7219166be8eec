import type { TCycleDetail, TNetwork } from '@waymark/rubric';
import { Link, Outlet, useOutletContext, useParams } from 'react-router';
import { z } from 'zod';
import { useCycle } from '../../api/cycles';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/spinner';
import { CyclePage } from '../../features/cycles/components/cycle-page';
import { DashboardPage } from '../../features/cycles/components/dashboard-page';
import { isApiError } from '../../lib/api-client';
import { NetworkFrame } from './network-layout';

export interface CycleOutletContext {
  cycle: TCycleDetail;
  network: TNetwork;
}

/** For the pages under `/cycles/:cycleId`: the cycle and its network, as the layout loaded them. */
export function useCycleOutlet(): CycleOutletContext {
  return useOutletContext<CycleOutletContext>();
}

const ZId = z.uuid();

function CycleNotFound() {
  return (
    <section className="state-panel" aria-labelledby="cycle-missing-heading">
      <title>Cycle not found · Waymark</title>
      <h1 id="cycle-missing-heading" className="state-panel__heading">
        Cycle not found
      </h1>
      <p className="state-panel__detail">
        There is no cycle at this address in a network you coordinate or belong to. Check the link.
      </p>
      <p>
        <Link to="/networks" className="button button--primary">
          Go to your networks
        </Link>
      </p>
    </section>
  );
}

/** `/cycles/:cycleId/*`: loads the cycle, then its network for the network's navigation. */
export function CycleLayoutRoute() {
  const { cycleId = '' } = useParams();
  if (!ZId.safeParse(cycleId).success) return <CycleNotFound />;
  return <LoadedCycleLayout cycleId={cycleId} />;
}

function LoadedCycleLayout({ cycleId }: { cycleId: string }) {
  const cycle = useCycle(cycleId);
  if (cycle.isPending) return <LoadingState label="Loading the cycle…" />;
  if (cycle.isError) {
    if (isApiError(cycle.error) && cycle.error.status === 404) return <CycleNotFound />;
    return (
      <ErrorState
        heading="We couldn’t load the cycle"
        headingLevel={1}
        error={cycle.error}
        onRetry={() => void cycle.refetch()}
        retrying={cycle.isFetching}
      />
    );
  }
  return (
    <NetworkFrame networkId={cycle.data.networkId} section="cycles">
      {(network) => (
        <Outlet context={{ cycle: cycle.data, network } satisfies CycleOutletContext} />
      )}
    </NetworkFrame>
  );
}

export function CycleDetailRoute() {
  const { cycle, network } = useCycleOutlet();
  return <CyclePage cycle={cycle} network={network} />;
}

export function CycleDashboardRoute() {
  const { cycle, network } = useCycleOutlet();
  return <DashboardPage cycleId={cycle.id} network={network} />;
}
