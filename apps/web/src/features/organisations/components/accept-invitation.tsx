import { type TInvitationPreview, ZInvitationToken } from '@waymark/rubric';
import { Link } from 'react-router';
import { Button } from '../../../components/button';
import { ErrorState } from '../../../components/error-state';
import { ErrorSummary } from '../../../components/form/error-summary';
import { LoadingState } from '../../../components/spinner';
import { isApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../../../lib/organisation-labels';
import { type SessionState, useSession } from '../../../lib/session';
import { useAcceptInvitation, useInvitationPreview } from '../api/invitations';

export interface AcceptInvitationProps {
  token: string | null;
  /** Where sign-in and registration should come back to (this page, with its token). */
  returnTo: string;
  onAccepted: (organisationId: string) => void;
  onSignOut: () => void;
}

function Unusable({ heading, children }: { heading: string; children: React.ReactNode }) {
  return (
    <section className="state-panel" aria-labelledby="invitation-unusable">
      <title>{`${heading} · Waymark`}</title>
      <h1 id="invitation-unusable" className="state-panel__heading">
        {heading}
      </h1>
      <div className="state-panel__detail">{children}</div>
    </section>
  );
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
export function AcceptInvitation({
  token,
  returnTo,
  onAccepted,
  onSignOut,
}: AcceptInvitationProps) {
  const validToken = token !== null && ZInvitationToken.safeParse(token).success;
  if (!validToken) {
    return (
      <Unusable heading="This invitation link is incomplete">
        <p>
          The link should end with a long code. Copy the whole link from the message you received
          into the address bar.
        </p>
      </Unusable>
    );
  }
  return (
    <InvitationPreview
      token={token}
      returnTo={returnTo}
      onAccepted={onAccepted}
      onSignOut={onSignOut}
    />
  );
}

function InvitationPreview({
  token,
  returnTo,
  onAccepted,
  onSignOut,
}: AcceptInvitationProps & { token: string }) {
  const preview = useInvitationPreview(token);
  const session = useSession();

  if (preview.isPending) return <LoadingState label="Opening your invitation…" />;
  if (preview.isError) {
    if (isApiError(preview.error) && preview.error.status === 404) {
      return (
        <Unusable heading="This invitation link is not valid">
          <p>
            It may have been mistyped or withdrawn. Ask an admin of the organisation to invite you
            again.
          </p>
        </Unusable>
      );
    }
    return (
      <ErrorState
        heading="We couldn’t open your invitation"
        headingLevel={1}
        error={preview.error}
        onRetry={() => preview.refetch()}
        retrying={preview.isFetching}
      />
    );
  }
  const invitation = preview.data;
  if (invitation.status !== 'pending') {
    const [heading, detail] = STATUS_MESSAGES[invitation.status];
    return (
      <Unusable heading={heading}>
        <p>{detail}</p>
      </Unusable>
    );
  }

  return (
    <div className="auth-page">
      <title>{`Join ${invitation.organisationName} · Waymark`}</title>
      <p className="eyebrow">Invitation</p>
      <h1 className="auth-page__title">Join {invitation.organisationName}</h1>
      <div className="auth-page__card">
        <p>
          You have been invited to join <strong>{invitation.organisationName}</strong> on Waymark as{' '}
          {withAOrAn(ROLE_LABELS[invitation.role].toLowerCase())}: someone who{' '}
          {ROLE_DESCRIPTIONS[invitation.role]}.
        </p>
        <dl className="summary-list">
          <div className="summary-list__row">
            <dt>For</dt>
            <dd>{invitation.email}</dd>
          </div>
          <div className="summary-list__row">
            <dt>Expires</dt>
            <dd>{formatDate(invitation.expiresAt)}</dd>
          </div>
        </dl>
        <InvitationActions
          token={token}
          invitation={invitation}
          session={session}
          returnTo={returnTo}
          onAccepted={onAccepted}
          onSignOut={onSignOut}
        />
      </div>
    </div>
  );
}

function InvitationActions({
  token,
  invitation,
  session,
  returnTo,
  onAccepted,
  onSignOut,
}: {
  token: string;
  invitation: TInvitationPreview;
  session: SessionState;
  returnTo: string;
  onAccepted: (organisationId: string) => void;
  onSignOut: () => void;
}) {
  const accept = useAcceptInvitation();

  if (session.status === 'restoring')
    return <LoadingState label="Checking whether you are signed in…" compact />;

  if (session.status === 'signed-out') {
    const params = new URLSearchParams({ next: returnTo, email: invitation.email });
    return (
      <div className="invitation-actions">
        <p>
          To accept, sign in or create an account with <strong>{invitation.email}</strong>.
        </p>
        <div className="form__actions">
          <Link to={`/register?${params}`} className="button button--primary">
            Create an account
          </Link>
          <Link to={`/sign-in?${params}`} className="button button--secondary">
            Sign in
          </Link>
        </div>
      </div>
    );
  }

  if (session.user.email.toLowerCase() !== invitation.email.toLowerCase()) {
    return (
      <div className="invitation-actions">
        <p className="notice">
          You are signed in as <strong>{session.user.email}</strong>, but this invitation is for{' '}
          <strong>{invitation.email}</strong>. Sign out, then sign in with that address to accept
          it.
        </p>
        <div className="form__actions">
          <Button variant="secondary" onClick={onSignOut}>
            Sign out
          </Button>
        </div>
      </div>
    );
  }

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
