import type { UseQueryResult } from '@tanstack/react-query';
import { ZInvitationToken } from '@waymark/rubric';
import { Link } from 'react-router';
import { isApiError } from '../lib/api-client';
import { formatDate } from '../lib/format';
import { useSession } from '../lib/session';
import { Button } from './button';
import { ErrorState } from './error-state';
import { LoadingState } from './spinner';

/**
 * The parts of an accept-invitation page that do not depend on what the invitation is to (an
 * organisation or a network): the token check, the preview's loading and failure states, a link
 * that no longer works, and the gate that asks the invitee to sign in with the invited address.
 */

type ClosedStatus = 'accepted' | 'revoked' | 'expired';

interface InvitationSummary {
  status: 'pending' | ClosedStatus;
  email: string;
  expiresAt: string;
}

/** A link that cannot be used: the whole page, with one heading and what to do. */
export function InvitationUnusable({
  heading,
  children,
}: {
  heading: string;
  children: React.ReactNode;
}) {
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

/** Renders `children` with the token when it has the shape of one; says the link is cut short otherwise. */
export function WithInvitationToken({
  token,
  children,
}: {
  token: string | null;
  children: (token: string) => React.ReactNode;
}) {
  if (token === null || !ZInvitationToken.safeParse(token).success) {
    return (
      <InvitationUnusable heading="This invitation link is incomplete">
        <p>
          The link should end with a long code. Copy the whole link from the message you received
          into the address bar.
        </p>
      </InvitationUnusable>
    );
  }
  return children(token);
}

export interface InvitationPreviewStatesProps<T extends InvitationSummary> {
  preview: UseQueryResult<T>;
  /** Said under "This invitation link is not valid" (a 404): who to ask for a new invitation. */
  notFoundDetail: string;
  /** The heading and what to do for an invitation that was used, withdrawn or has expired. */
  closedMessages: Record<ClosedStatus, readonly [heading: string, detail: string]>;
  /** The page for a pending invitation. */
  children: (invitation: T) => React.ReactNode;
}

/** The preview while it loads, when it fails, and when the invitation is no longer pending. */
export function InvitationPreviewStates<T extends InvitationSummary>({
  preview,
  notFoundDetail,
  closedMessages,
  children,
}: InvitationPreviewStatesProps<T>) {
  if (preview.isPending) return <LoadingState label="Opening your invitation…" />;
  if (preview.isError) {
    if (isApiError(preview.error) && preview.error.status === 404) {
      return (
        <InvitationUnusable heading="This invitation link is not valid">
          <p>{notFoundDetail}</p>
        </InvitationUnusable>
      );
    }
    return (
      <ErrorState
        heading="We couldn’t open your invitation"
        headingLevel={1}
        error={preview.error}
        onRetry={() => void preview.refetch()}
        retrying={preview.isFetching}
      />
    );
  }
  const invitation = preview.data;
  if (invitation.status !== 'pending') {
    const [heading, detail] = closedMessages[invitation.status];
    return (
      <InvitationUnusable heading={heading}>
        <p>{detail}</p>
      </InvitationUnusable>
    );
  }
  return children(invitation);
}

export interface PendingInvitationProps {
  /** What the invitee joins: the page is "Join <name>". */
  name: string;
  eyebrow: string;
  invitation: Pick<InvitationSummary, 'email' | 'expiresAt'>;
  /** Where sign-in and registration should come back to (this page, with its token). */
  returnTo: string;
  onSignOut: () => void;
  /** Shown once the invitee is signed in with the invited address. */
  accept: React.ReactNode;
  /** What the invitation offers, above who it is for and when it expires. */
  children: React.ReactNode;
}

/** A pending invitation: what it offers, who it is for, then sign in (as that address) to accept. */
export function PendingInvitation({
  name,
  eyebrow,
  invitation,
  returnTo,
  onSignOut,
  accept,
  children,
}: PendingInvitationProps) {
  return (
    <div className="auth-page">
      <title>{`Join ${name} · Waymark`}</title>
      <p className="eyebrow">{eyebrow}</p>
      <h1 className="auth-page__title">Join {name}</h1>
      <div className="auth-page__card">
        {children}
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
        <SignedInAs email={invitation.email} returnTo={returnTo} onSignOut={onSignOut}>
          {accept}
        </SignedInAs>
      </div>
    </div>
  );
}

/** `children` once signed in as `email`; otherwise the way there (sign in, register, sign out). */
function SignedInAs({
  email,
  returnTo,
  onSignOut,
  children,
}: {
  email: string;
  returnTo: string;
  onSignOut: () => void;
  children: React.ReactNode;
}) {
  const session = useSession();
  if (session.status === 'restoring') {
    return <LoadingState label="Checking whether you are signed in…" compact />;
  }
  if (session.status === 'signed-out') {
    const params = new URLSearchParams({ next: returnTo, email });
    return (
      <div className="invitation-actions">
        <p>
          To accept, sign in or create an account with <strong>{email}</strong>.
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
  if (session.user.email.toLowerCase() !== email.toLowerCase()) {
    return (
      <div className="invitation-actions">
        <p className="notice">
          You are signed in as <strong>{session.user.email}</strong>, but this invitation is for{' '}
          <strong>{email}</strong>. Sign out, then sign in with that address to accept it.
        </p>
        <div className="form__actions">
          <Button variant="secondary" onClick={onSignOut}>
            Sign out
          </Button>
        </div>
      </div>
    );
  }
  return children;
}
