import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach } from 'vitest';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface SmtpInbox {
  /** What the server has received since the current test began (emptied before each test). */
  received: ReceivedMail[];
  /**
   * `PUBLIC_URL`, and `SMTP_URL` once the server listens (in this helper's `beforeAll`). Hooks run
   * in the order they are registered, so call `useSmtpInbox()` before `useTestApp({ env })` or
   * before a `beforeAll` that builds an app from it.
   */
  env: Record<string, string>;
}

/**
 * An in-process SMTP server for the tests of a file, started before its apps are built. It offers
 * neither STARTTLS nor AUTH, so nodemailer speaks plain SMTP to it with a bare `smtp://host:port`
 * URL (no `ignoreTLS` needed). A recipient whose address starts with `bounce` is refused, to test
 * a failed delivery.
 */
export function useSmtpInbox(): SmtpInbox {
  const received: ReceivedMail[] = [];
  const env: Record<string, string> = { PUBLIC_URL: 'https://waymark.example' };
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('bounce')) {
        callback(new Error('550 mailbox unavailable'));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  });
  afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));
  beforeEach(() => {
    received.length = 0;
  });
  return { received, env };
}

/** Undoes quoted-printable soft line breaks and escapes, as a mail client would. */
export function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** The message body as written: the headers left out, quoted-printable undone. */
export function bodyText(raw: string): string {
  const headerEnd = raw.search(/\r?\n\r?\n/);
  return decodeQuotedPrintable(raw.slice(Math.max(headerEnd, 0)));
}
