import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';
import type { MailMessage } from '../plugins/mailer.js';

/**
 * How a new invitation reaches its invitee, the same for an organisation's colleague and a
 * network's organisation: each module builds its own link, email and withdrawal; this decides
 * between them.
 */

/**
 * Previews of an invitation by its token, per client address per minute: the same for both
 * kinds, whose preview routes anyone holding a link may call.
 */
export const PREVIEW_RATE_LIMIT = 60;

export type InvitationDelivery<I> =
  | { invitation: I; delivery: 'link'; inviteUrl: string }
  | { invitation: I; delivery: 'email' };

/**
 * Without mail configured the link comes back to the inviter, to send themselves. With it, the
 * link is emailed and not returned. A link nobody received must not stay valid: if the email
 * cannot be sent, `withdraw` revokes the invitation and the request answers 502 `mail_failed`, so
 * the inviter can try again.
 */
export async function deliverInvitation<I>(
  app: FastifyInstance,
  log: FastifyBaseLogger,
  delivery: {
    invitation: I;
    url: string;
    mail: (url: string) => MailMessage;
    withdraw: () => Promise<unknown>;
  },
): Promise<InvitationDelivery<I>> {
  const { invitation, url } = delivery;
  if (!app.mailer.enabled) return { invitation, delivery: 'link', inviteUrl: url };
  try {
    await app.mailer.send(delivery.mail(url));
  } catch (err) {
    log.error({ err }, 'invitation email not sent');
    await delivery.withdraw();
    throw mailFailed();
  }
  return { invitation, delivery: 'email' };
}

/** The 502 for an invitation whose email could not be sent, and which was withdrawn for it. */
function mailFailed(): AppError {
  return new AppError(
    502,
    'mail_failed',
    'Bad Gateway',
    'The invitation email could not be sent, so the invitation was withdrawn. Try again later.',
  );
}
