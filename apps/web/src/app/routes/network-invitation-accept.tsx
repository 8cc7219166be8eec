import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useToast } from '../../components/toast';
import { signOut } from '../../features/auth/api/sign-out';
import { AcceptNetworkInvitation } from '../../features/network-membership/components/accept-network-invitation';
import { rememberOrganisation } from '../../lib/current-organisation';

/** `/network-invitations/accept?token=…` (public: the invitee may not have an account yet). */
export function NetworkInvitationAcceptRoute() {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { showToast } = useToast();
  return (
    <AcceptNetworkInvitation
      token={params.get('token')}
      returnTo={`${location.pathname}${location.search}`}
      onAccepted={({ networkId, organisationId, networkName }) => {
        rememberOrganisation(organisationId);
        showToast({ message: `Welcome! Your organisation has joined ${networkName}.` });
        navigate(`/networks/${networkId}`, { replace: true });
      }}
      onSignOut={() => void signOut()}
    />
  );
}
