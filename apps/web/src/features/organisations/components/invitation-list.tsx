import type { TInvitation } from '@waymark/rubric';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/dialog';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/spinner';
import { useToast } from '../../../components/toast';
import { formatDate } from '../../../lib/format';
import { ROLE_LABELS } from '../../../lib/organisation-labels';
import { useInvitations, useRevokeInvitation } from '../api/invitations';

function RevokeDialog({
  orgId,
  invitation,
  onClose,
}: {
  orgId: string;
  invitation: TInvitation;
  onClose: () => void;
}) {
  const revoke = useRevokeInvitation(orgId);
  const { showToast } = useToast();
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => (open ? null : onClose())}
      title="Revoke this invitation?"
      description={`The link sent to ${invitation.email} will stop working. You can invite them again later.`}
      confirmLabel="Revoke invitation"
      pendingLabel="Revoking…"
      pending={revoke.isPending}
      error={revoke.error}
      onConfirm={() =>
        revoke.mutate(
          { invitationId: invitation.id },
          {
            onSuccess: () => {
              showToast({ message: `Invitation to ${invitation.email} revoked.` });
              onClose();
            },
          },
        )
      }
    />
  );
}

/** Invitations not yet accepted, with Revoke (admins only). */
export function InvitationList({ orgId }: { orgId: string }) {
  const invitations = useInvitations(orgId);
  const [revoking, setRevoking] = useState<TInvitation | null>(null);

  let content: React.ReactNode;
  if (invitations.isPending) {
    content = <LoadingState label="Loading invitations…" compact />;
  } else if (invitations.isError) {
    content = (
      <ErrorState
        heading="We couldn’t load the invitations"
        error={invitations.error}
        onRetry={() => invitations.refetch()}
        retrying={invitations.isFetching}
      />
    );
  } else {
    const pending = invitations.data.items.filter((i) => i.status === 'pending');
    content =
      pending.length === 0 ? (
        <p className="muted">No invitations are waiting to be accepted.</p>
      ) : (
        <ul className="people-list">
          {pending.map((invitation) => (
            <li key={invitation.id} className="person-row">
              <div className="person-row__who">
                <span className="person-row__name">{invitation.email}</span>
                <span className="person-row__meta">
                  Invited {formatDate(invitation.createdAt)}, expires{' '}
                  {formatDate(invitation.expiresAt)}
                </span>
              </div>
              <span className={`role-tag role-tag--${invitation.role}`}>
                {ROLE_LABELS[invitation.role]}
              </span>
              <div className="person-row__actions">
                <Button variant="quiet" onClick={() => setRevoking(invitation)}>
                  Revoke <span className="visually-hidden">invitation to {invitation.email}</span>
                </Button>
              </div>
            </li>
          ))}
        </ul>
      );
  }

  return (
    <section aria-labelledby="invitations-heading" className="people-section">
      <h2 id="invitations-heading">Pending invitations</h2>
      {content}
      {revoking ? (
        <RevokeDialog orgId={orgId} invitation={revoking} onClose={() => setRevoking(null)} />
      ) : null}
    </section>
  );
}
