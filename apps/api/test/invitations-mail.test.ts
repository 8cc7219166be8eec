import { ZCreateInvitationResponse } from '@waymark/rubric';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { invitations } from '../src/db/schema.js';
import { truncateAll, useTestApp } from './build-test-app.js';
import { createOrganisation, createUser } from './factories.js';
import { bodyText, useSmtpInbox } from './smtp-inbox.js';

/**
 * With SMTP_URL set, the invitation link goes out by email (nodemailer) and is not returned to the
 * admin. An in-process SMTP server (test/smtp-inbox.ts) receives it.
 */

const { received, env } = useSmtpInbox();
const ctx = useTestApp({ env });
beforeEach(async () => {
  await truncateAll(ctx.database);
});

describe('invitations by email (SMTP_URL set)', () => {
  it('emails the accept link to the invitee and does not return it', async () => {
    expect(ctx.app.mailer.enabled).toBe(true);
    const admin = await createUser(ctx, { name: 'Ada Admin' });
    const org = await createOrganisation(ctx, admin, { name: 'Leeds Teaching Hospitals' });

    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/organisations/${org.id}/invitations`,
      headers: admin.headers,
      payload: { email: 'New.Person@Example.org', role: 'contributor' },
    });
    expect(res.statusCode).toBe(201);
    const body = ZCreateInvitationResponse.parse(res.json());
    expect(body.delivery).toBe('email');
    expect(body).not.toHaveProperty('inviteUrl');
    expect(res.body).not.toContain('token');

    expect(received).toHaveLength(1);
    const mail = received[0];
    expect(mail?.to).toEqual(['new.person@example.org']);
    expect(mail?.from).toBe('no-reply@waymark.local');
    expect(mail?.raw).toMatch(
      /^Subject: You're invited to join Leeds Teaching Hospitals on Waymark/m,
    );
    const text = bodyText(mail?.raw ?? '');
    const link = text.match(
      /https:\/\/waymark\.example\/invitations\/accept\?token=([A-Za-z0-9_-]{43})/,
    );
    expect(link).not.toBeNull();
    expect(text).toContain('Ada Admin has invited you');
    expect(text).toContain('as a contributor');

    // The emailed link is the real one: the invitee can preview and accept with it.
    const token = link?.[1] ?? '';
    const preview = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/invitations/preview?token=${token}`,
    });
    expect(preview.json()).toMatchObject({ email: 'new.person@example.org', status: 'pending' });
    const invitee = await createUser(ctx, { email: 'new.person@example.org' });
    const accepted = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      headers: invitee.headers,
      payload: { token },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().organisation).toMatchObject({ id: org.id, role: 'contributor' });
  });

  it('answers 502 mail_failed when the email cannot be sent, and withdraws the invitation', async () => {
    const admin = await createUser(ctx);
    const org = await createOrganisation(ctx, admin);
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/organisations/${org.id}/invitations`,
      headers: admin.headers,
      payload: { email: 'bounce@example.org', role: 'viewer' },
    });
    expect(res.statusCode).toBe(502);
    expect(res.json().code).toBe('mail_failed');
    expect(res.body).not.toContain('token=');
    const rows = await ctx.database.db
      .select()
      .from(invitations)
      .where(eq(invitations.organisationId, org.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.revokedAt).not.toBeNull();
  });
});
