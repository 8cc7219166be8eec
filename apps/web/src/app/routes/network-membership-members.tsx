import { useNavigate } from 'react-router';
import { NetworkMembersPage } from '../../features/network-membership/components/network-members-page';
import { useNetworkOutlet } from './network-layout';

/** `/networks/:networkId/members`, in the network layout (which loads the network). */
export function NetworkMembersRoute() {
  const { network } = useNetworkOutlet();
  const navigate = useNavigate();
  return (
    <NetworkMembersPage
      network={network}
      onLeft={(stillCoordinator) => {
        if (!stillCoordinator) navigate('/networks', { replace: true });
      }}
    />
  );
}
