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
  app.decorate<Mailer>('mailer', {
    enabled: Boolean(transport),
    async send(message) {
      if (!transport) throw new Error('mail is not configured (SMTP_URL is not set)');
      await transport.sendMail({ from: opts.from, ...message });
    },
  });
  app.addHook('onClose', async () => {
    transport?.close();
  });
}

export default fp(mailerPlugin, { name: 'mailer', fastify: '5.x' });
