import type { TNetwork } from '@waymark/rubric';
import { Link, Outlet, useOutletContext, useParams } from 'react-router';
import { z } from 'zod';
import { useNetwork } from '../../api/networks';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/spinner';
import { NetworkNav, type NetworkSection } from '../../features/networks/components/network-nav';
import { isApiError } from '../../lib/api-client';

export interface NetworkOutletContext {
  network: TNetwork;
}

/** For the pages under `/networks/:networkId`: the network the layout loaded. */
export function useNetworkOutlet(): NetworkOutletContext {
  return useOutletContext<NetworkOutletContext>();
}

const ZId = z.uuid();

export function NetworkNotFound() {
  return (
    <section className="state-panel" aria-labelledby="network-missing-heading">
      <title>Network not found · Waymark</title>
      <h1 id="network-missing-heading" className="state-panel__heading">
        Network not found
      </h1>
      <p className="state-panel__detail">
        There is no network at this address that you coordinate or belong to. Check the link, or ask
        its coordinator to invite your organisation.
      </p>
      <p>
        <Link to="/networks" className="button button--primary">
          Go to your networks
        </Link>
      </p>
    </section>
  );
}

/** Loads a network and shows its navigation above `children`; "not found" for a stranger. */
export function NetworkFrame({
  networkId,
  section,
  children,
}: {
  networkId: string;
  section?: NetworkSection;
  children: (network: TNetwork) => React.ReactNode;
}) {
  const network = useNetwork(networkId);
  if (network.isPending) return <LoadingState label="Loading the network…" />;
  if (network.isError) {
    if (isApiError(network.error) && network.error.status === 404) return <NetworkNotFound />;
    return (
      <ErrorState
        heading="We couldn’t load the network"
        headingLevel={1}
        error={network.error}
        onRetry={() => void network.refetch()}
        retrying={network.isFetching}
      />
    );
  }
  return (
    <div className="org-layout">
      <NetworkNav network={network.data} {...(section ? { section } : {})} />
      {children(network.data)}
    </div>
  );
}

/** `/networks/:networkId/*`: loads the network once for its pages and shows its navigation. */
export function NetworkLayoutRoute() {
  const { networkId = '' } = useParams();
  if (!ZId.safeParse(networkId).success) return <NetworkNotFound />;
  return (
    <NetworkFrame networkId={networkId}>
      {(network) => <Outlet context={{ network } satisfies NetworkOutletContext} />}
    </NetworkFrame>
  );
}
