import { Link } from 'react-router';
import { useNetworkSummary } from '../../../api/network-members';
import { ErrorState } from '../../../components/error-state';
import { PageHeader } from '../../../components/page-header';
import { LoadingState } from '../../../components/spinner';
import { isApiError } from '../../../lib/api-client';
import { InvitationImport } from './invitation-import';
import { NetworkInvitationList } from './network-invitation-list';
import { NetworkInviteForm } from './network-invite-form';
import { NetworkMemberList } from './network-member-list';
import { SendReminder } from './send-reminder';
import '../../../styles/assessments.css';
import '../../../styles/network-membership.css';

export interface NetworkMembersPageProps {
  networkId: string;
  /** Where to go once the caller's organisation has left. */
  onLeft: (stillCoordinator: boolean) => void;
}

/** `/networks/:networkId/members`: members, and for coordinators invitations and reminders. */
export function NetworkMembersPage({ networkId, onLeft }: NetworkMembersPageProps) {
  const network = useNetworkSummary(networkId);
  if (network.isPending) return <LoadingState label="Loading the network…" />;
  if (network.isError) {
    if (isApiError(network.error) && network.error.status === 404) {
      return (
        <section className="state-panel" aria-labelledby="network-not-found">
          <title>Network not found · Waymark</title>
          <h1 id="network-not-found" className="state-panel__heading">
            Network not found
          </h1>
          <p className="state-panel__detail">
            It may have been deleted, or you may not be one of its members or coordinators.
          </p>
          <p>
            <Link to="/networks">Your networks</Link>
          </p>
        </section>
      );
    }
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
  const { name, isCoordinator } = network.data;
  return (
    <div className="membership-page">
      <PageHeader
        title="Members"
        eyebrow={<Link to={`/networks/${networkId}`}>{name}</Link>}
        description={
          isCoordinator ? (
            <p>Invite organisations, see who has joined and remind those who have not submitted.</p>
          ) : (
            <p>The organisations in {name} that share their name with the network.</p>
          )
        }
      />
      <NetworkMemberList
        networkId={networkId}
        networkName={name}
        onLeft={() => onLeft(isCoordinator)}
      />
      {isCoordinator ? (
        <>
          <SendReminder networkId={networkId} networkName={name} />
          <NetworkInviteForm networkId={networkId} />
          <InvitationImport networkId={networkId} />
          <NetworkInvitationList networkId={networkId} />
        </>
      ) : null}
    </div>
  );
}
