import { CreateCyclePage } from '../../features/cycles/components/create-cycle-page';
import { CycleListPage } from '../../features/cycles/components/cycle-list-page';
import { NetworkCyclesPanel } from '../../features/cycles/components/network-cycles-panel';
import { CoordinatorsPage } from '../../features/networks/components/coordinators-page';
import {
  NetworkOverviewHeader,
  NetworkSettingsSummary,
} from '../../features/networks/components/network-overview';
import { NetworkSettingsPage } from '../../features/networks/components/network-settings-page';
import { useNetworkOutlet } from './network-layout';

/**
 * The pages inside a network's layout. The home composes the networks feature (profile, settings)
 * and the cycles feature (open cycle, deadline, "Start your assessment").
 */
export function NetworkHomeRoute() {
  const { network } = useNetworkOutlet();
  return (
    <div className="page network-home">
      <NetworkOverviewHeader network={network} />
      <div className="network-home__grid">
        <div className="network-home__main">
          <NetworkCyclesPanel network={network} />
        </div>
        <aside className="network-home__aside" aria-label="About the network">
          <NetworkSettingsSummary network={network} />
        </aside>
      </div>
    </div>
  );
}

export function NetworkSettingsRoute() {
  const { network } = useNetworkOutlet();
  return <NetworkSettingsPage network={network} />;
}

export function NetworkCoordinatorsRoute() {
  const { network } = useNetworkOutlet();
  return <CoordinatorsPage network={network} />;
}

export function NetworkCyclesRoute() {
  const { network } = useNetworkOutlet();
  return <CycleListPage network={network} />;
}

export function NetworkNewCycleRoute() {
  const { network } = useNetworkOutlet();
  return <CreateCyclePage network={network} />;
}
