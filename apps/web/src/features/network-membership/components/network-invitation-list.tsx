import type { TNetworkInvitation, TNetworkInvitationStatus } from '@waymark/rubric';
import { useState } from 'react';
import {
  useNetworkInvitations,
  useRevokeNetworkInvitation,
} from '../../../api/network-invitations';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/dialog';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/spinner';
import { useToast } from '../../../components/toast';
import { formatDate } from '../../../lib/format';

const STATUS_LABELS: Record<TNetworkInvitationStatus, string> = {
  pending: 'Waiting',
  accepted: 'Joined',
  revoked: 'Revoked',
  expired: 'Expired',
};

function RevokeDialog({
  networkId,
  invitation,
  onClose,
}: {
  networkId: string;
  invitation: TNetworkInvitation;
  onClose: () => void;
}) {
  const revoke = useRevokeNetworkInvitation(networkId);
  const { showToast } = useToast();
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => (open ? null : onClose())}
      title="Revoke this invitation?"
      description={`The link sent to ${invitation.email} for ${invitation.organisationName} will stop working. You can invite them again later.`}
      confirmLabel="Revoke invitation"
      pendingLabel="Revoking…"
      pending={revoke.isPending}
      error={revoke.error}
      errorHeading="The invitation was not revoked"
      returnFocusTo="network-invitations-heading"
      onConfirm={() =>
        revoke.mutate(
          { invitationId: invitation.id },
          {
            onSuccess: () => {
              showToast({ message: `Invitation to ${invitation.organisationName} revoked.` });
              onClose();
            },
          },
        )
      }
    />
  );
}

function statusDetail(invitation: TNetworkInvitation): string {
  switch (invitation.status) {
    case 'pending':
      return `expires ${formatDate(invitation.expiresAt)}`;
    case 'accepted':
      return invitation.acceptedAt ? formatDate(invitation.acceptedAt) : '';
    case 'revoked':
      return invitation.revokedAt ? formatDate(invitation.revokedAt) : '';
    case 'expired':
      return formatDate(invitation.expiresAt);
  }
}

/** Every invitation of the network with its status; pending ones can be revoked. */
export function NetworkInvitationList({ networkId }: { networkId: string }) {
  const invitations = useNetworkInvitations(networkId);
  const [revoking, setRevoking] = useState<TNetworkInvitation | null>(null);

  let content: React.ReactNode;
  if (invitations.isPending) {
    content = <LoadingState label="Loading invitations…" compact />;
  } else if (invitations.isError) {
    content = (
      <ErrorState
        heading="We couldn’t load the invitations"
        error={invitations.error}
        onRetry={() => void invitations.refetch()}
        retrying={invitations.isFetching}
      />
    );
  } else if (invitations.data.items.length === 0) {
    content = (
      <p className="muted">
        No invitations yet. Invite organisations one by one or from a CSV file.
      </p>
    );
  } else {
    const items = invitations.data.items;
    content = (
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
      <section className="table-scroll" tabIndex={0} aria-label="Invitations table">
        <table className="assess-table">
          <caption>{`${items.length} ${items.length === 1 ? 'invitation' : 'invitations'}, newest first`}</caption>
          <thead>
            <tr>
              <th scope="col">Organisation</th>
              <th scope="col">Contact</th>
              <th scope="col">Status</th>
              <th scope="col">Invited</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((invitation) => (
              <tr key={invitation.id}>
                <th scope="row">{invitation.organisationName}</th>
                <td>{invitation.email}</td>
                <td>
                  <span className={`invitation-tag invitation-tag--${invitation.status}`}>
                    {STATUS_LABELS[invitation.status]}
                  </span>{' '}
                  <span className="muted">{statusDetail(invitation)}</span>
                </td>
                <td>{formatDate(invitation.createdAt)}</td>
                <td>
                  {invitation.status === 'pending' ? (
                    <Button variant="quiet" onClick={() => setRevoking(invitation)}>
                      Revoke{' '}
                      <span className="visually-hidden">
                        invitation to {invitation.organisationName}
                      </span>
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    );
  }

  return (
    <section className="membership-section" aria-labelledby="network-invitations-heading">
      <h2 id="network-invitations-heading" tabIndex={-1}>
        Invitations
      </h2>
      {content}
      {revoking ? (
        <RevokeDialog
          networkId={networkId}
          invitation={revoking}
          onClose={() => setRevoking(null)}
        />
      ) : null}
    </section>
  );
}
