import type { TInvitationPreview } from '@waymark/rubric';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/form/error-summary';
import {
  InvitationPreviewStates,
  PendingInvitation,
  WithInvitationToken,
} from '../../../components/invitation-page';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../../../lib/organisation-labels';
import { useAcceptInvitation, useInvitationPreview } from '../api/invitations';

export interface AcceptInvitationProps {
  token: string | null;
  /** Where sign-in and registration should come back to (this page, with its token). */
  returnTo: string;
  onAccepted: (organisationId: string) => void;
  onSignOut: () => void;
}

const STATUS_MESSAGES = {
  accepted: [
    'This invitation has been used',
    'Each link works once. If it was you, sign in: you are already a member.',
  ],
  revoked: [
    'This invitation was withdrawn',
    'Ask an admin of the organisation to invite you again.',
  ],
  expired: ['This invitation has expired', 'Ask an admin of the organisation for a new one.'],
} as const;

function withAOrAn(role: string) {
  return `${/^[aeiou]/i.test(role) ? 'an' : 'a'} ${role}`;
}

/** `/invitations/accept?token=…`: what the invitation offers, then sign in or register, then accept. */
export function AcceptInvitation({ token, ...props }: AcceptInvitationProps) {
  return (
    <WithInvitationToken token={token}>
      {(valid) => <InvitationPreview {...props} token={valid} />}
    </WithInvitationToken>
  );
}

function InvitationPreview({
  token,
  returnTo,
  onAccepted,
  onSignOut,
}: Omit<AcceptInvitationProps, 'token'> & { token: string }) {
  const preview = useInvitationPreview(token);
  return (
    <InvitationPreviewStates
      preview={preview}
      notFoundDetail="It may have been mistyped or withdrawn. Ask an admin of the organisation to invite you again."
      closedMessages={STATUS_MESSAGES}
    >
      {(invitation) => (
        <PendingInvitation
          name={invitation.organisationName}
          eyebrow="Invitation"
          invitation={invitation}
          returnTo={returnTo}
          onSignOut={onSignOut}
          accept={<AcceptButton token={token} invitation={invitation} onAccepted={onAccepted} />}
        >
          <p>
            You have been invited to join <strong>{invitation.organisationName}</strong> on Waymark
            as {withAOrAn(ROLE_LABELS[invitation.role].toLowerCase())}: someone who{' '}
            {ROLE_DESCRIPTIONS[invitation.role]}.
          </p>
        </PendingInvitation>
      )}
    </InvitationPreviewStates>
  );
}

function AcceptButton({
  token,
  invitation,
  onAccepted,
}: {
  token: string;
  invitation: TInvitationPreview;
  onAccepted: (organisationId: string) => void;
}) {
  const accept = useAcceptInvitation();
  return (
    <div className="invitation-actions">
      <ErrorSummary error={accept.error} heading="Could not accept the invitation" />
      <div className="form__actions">
        <Button
          pending={accept.isPending}
          pendingLabel="Joining…"
          onClick={() =>
            accept.mutate(token, {
              onSuccess: ({ organisation }) => onAccepted(organisation.id),
            })
          }
        >
          Accept and join {invitation.organisationName}
        </Button>
      </div>
    </div>
  );
}
