import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import nodemailer, { type Transporter } from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** False without SMTP_URL: callers then hand the link to the person who asked for it. */
  enabled: boolean;
  send(message: MailMessage): Promise<void>;
  /**
   * Resolves once every send started so far has settled (delivered or failed). Some routes send
   * without awaiting, so that their answer takes as long whether or not a mail goes out; shutdown
   * and tests wait here instead of guessing how long a mail takes.
   */
  idle(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    mailer: Mailer;
  }
}

/** Sends email through SMTP (nodemailer) when SMTP_URL is set. */
async function mailerPlugin(app: FastifyInstance, opts: { smtpUrl?: string; from: string }) {
  let transport: Transporter | undefined;
  if (opts.smtpUrl) transport = nodemailer.createTransport(opts.smtpUrl);
  const inFlight = new Set<Promise<unknown>>();
  const mailer: Mailer = {
    enabled: Boolean(transport),
    async send(message) {
      if (!transport) throw new Error('mail is not configured (SMTP_URL is not set)');
      const sending = transport.sendMail({ from: opts.from, ...message });
      inFlight.add(sending);
      try {
        await sending;
      } finally {
        inFlight.delete(sending);
      }
    },
    async idle() {
      await Promise.allSettled([...inFlight]);
    },
  };
  app.decorate<Mailer>('mailer', mailer);
  app.addHook('onClose', async () => {
    // Mails already accepted by a route are sent before the transport closes.
    await mailer.idle();
    transport?.close();
  });
}

export default fp(mailerPlugin, { name: 'mailer', fastify: '5.x' });
