import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useToast } from '../../components/toast';
import { signOut } from '../../features/auth/api/sign-out';
import { AcceptInvitation } from '../../features/organisations/components/accept-invitation';
import { rememberOrganisation } from '../../lib/current-organisation';

/** `/invitations/accept?token=…` (public: the invitee may not have an account yet). */
export function AcceptInvitationRoute() {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { showToast } = useToast();
  return (
    <AcceptInvitation
      token={params.get('token')}
      returnTo={`${location.pathname}${location.search}`}
      onAccepted={(organisationId) => {
        rememberOrganisation(organisationId);
        showToast({ message: 'Welcome! You are now a member.' });
        navigate(`/orgs/${organisationId}`, { replace: true });
      }}
      onSignOut={() => void signOut()}
    />
  );
}
