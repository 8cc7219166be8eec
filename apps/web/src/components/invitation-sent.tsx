import { useEffect, useRef } from 'react';
import { formatDate } from '../lib/format';
import { CopyField } from './copy-field';

export interface InvitationSentProps {
  /** The API's answer: `link` with the URL when this Waymark sends no email. */
  result: {
    delivery: 'email' | 'link';
    inviteUrl?: string | undefined;
    invitation: { email: string; expiresAt: string };
  };
  /** After "Copy the link and send it to them.": what the link does, e.g. "It makes them a viewer". */
  linkDetail: React.ReactNode;
  /** After "We have emailed <address>": what the link is for, e.g. "a link to join as a viewer". */
  emailedDetail: React.ReactNode;
}

/**
 * What an invite form says once the invitation exists: the link to copy when no email was sent,
 * otherwise that it was emailed. Takes focus, so a screen reader hears it and the link is at hand.
 */
export function InvitationSent({ result, linkDetail, emailedDetail }: InvitationSentProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const { invitation } = result;
  const expires = formatDate(invitation.expiresAt);
  return (
    <div className="invite-result" ref={ref} tabIndex={-1} role="status">
      {result.delivery === 'link' && result.inviteUrl ? (
        <>
          <p className="invite-result__title">Invitation ready: send the link yourself</p>
          <p>
            This Waymark does not send email, so <strong>{invitation.email}</strong> has{' '}
            <strong>not</strong> been emailed. Copy the link and send it to them. {linkDetail},
            works once, and expires on {expires}.
          </p>
          <CopyField
            label="Invitation link"
            value={result.inviteUrl}
            hint="Anyone with this link can see the invitation; only that email address can accept it."
          />
        </>
      ) : (
        <>
          <p className="invite-result__title">Invitation emailed</p>
          <p>
            We have emailed <strong>{invitation.email}</strong> {emailedDetail}. It expires on{' '}
            {expires}.
          </p>
        </>
      )}
    </div>
  );
}
