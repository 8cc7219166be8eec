import type { TNetwork } from '@waymark/rubric';
import { PageHeader } from '../../../components/page-header';
import { InvitationImport } from './invitation-import';
import { NetworkInvitationList } from './network-invitation-list';
import { NetworkInviteForm } from './network-invite-form';
import { NetworkMemberList } from './network-member-list';
import { SendReminder } from './send-reminder';
import '../../../styles/assessments.css';
import '../../../styles/network-membership.css';

export interface NetworkMembersPageProps {
  /** The network, as the network layout loaded it (it shows "not found" and loading states). */
  network: Pick<TNetwork, 'id' | 'name' | 'isCoordinator'>;
  /** Where to go once the caller's organisation has left. */
  onLeft: (stillCoordinator: boolean) => void;
}

/** `/networks/:networkId/members`: members, and for coordinators invitations and reminders. */
export function NetworkMembersPage({ network, onLeft }: NetworkMembersPageProps) {
  const { id: networkId, name, isCoordinator } = network;
  return (
    <div className="membership-page">
      <PageHeader
        title="Members"
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
