import { useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import { NetworkMembersPage } from '../../features/network-membership/components/network-members-page';
import { NotFoundRoute } from './not-found';

/** `/networks/:networkId/members`; a malformed id is "not found" without asking the API. */
export function NetworkMembersRoute() {
  const { networkId } = useParams();
  const navigate = useNavigate();
  if (!z.uuid().safeParse(networkId).success || !networkId) return <NotFoundRoute />;
  return (
    <NetworkMembersPage
      networkId={networkId}
      onLeft={(stillCoordinator) => {
        if (!stillCoordinator) navigate('/networks', { replace: true });
      }}
    />
  );
}
