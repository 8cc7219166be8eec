import {
  ZCreateNetworkInvitationResponse,
  ZNetworkInvitationImportResponse,
} from '@waymark/rubric';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { networkInvitations, networkMembers } from '../src/db/schema.js';
import { truncateAll, useTestApp } from './build-test-app.js';
import { call } from './factories.js';
import { auditOf, importCsv, type NetworkWorld, setUpNetwork } from './network-factories.js';
import { bodyText, useSmtpInbox } from './smtp-inbox.js';

/**
 * Network invitations with SMTP_URL set: the link goes out by email (nodemailer) to the
 * organisation's contact and is not returned to the coordinator. An in-process SMTP server
 * (test/smtp-inbox.ts) receives it.
 */

const { received, env } = useSmtpInbox();
const ctx = useTestApp({ env });
let w: NetworkWorld;
beforeEach(async () => {
  await truncateAll(ctx.database, { keep: ['frameworks', 'framework_versions'] });
  w = await setUpNetwork(ctx);
});

const LINK = /https:\/\/waymark\.example\/network-invitations\/accept\?token=([A-Za-z0-9_-]{43})/;

async function invitationsOfNetwork() {
  return ctx.database.db
    .select()
    .from(networkInvitations)
    .where(eq(networkInvitations.networkId, w.network.id));
}

describe('network invitations by email (SMTP_URL set)', () => {
  it('emails the accept link to the contact, does not return it, and the link works', async () => {
    expect(ctx.app.mailer.enabled).toBe(true);
    const res = await call(ctx, w.coordinator, 'POST', `/networks/${w.network.id}/invitations`, {
      organisationName: 'Leeds Building Society',
      email: 'Contact@LBS.example.org',
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = ZCreateNetworkInvitationResponse.parse(res.json());
    expect(body.delivery).toBe('email');
    expect(body).not.toHaveProperty('inviteUrl');
    expect(res.body).not.toContain('token');

    expect(received).toHaveLength(1);
    const mail = received[0];
    expect(mail?.to).toEqual(['contact@lbs.example.org']);
    expect(mail?.raw).toMatch(
      /^Subject: Leeds Building Society is invited to join Leeds Anchors on Waymark/m,
    );
    const text = bodyText(mail?.raw ?? '');
    expect(text).toContain('Cora Coordinator has invited Leeds Building Society');
    const token = text.match(LINK)?.[1] ?? '';
    expect(token).not.toBe('');
    const accepted = await call(ctx, w.stranger, 'POST', '/network-invitations/accept', {
      token,
      organisationId: w.strangerOrg.id,
      sharing: 'named',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
  });

  it('answers 502 mail_failed when the email cannot be sent, and withdraws the invitation', async () => {
    const res = await call(ctx, w.coordinator, 'POST', `/networks/${w.network.id}/invitations`, {
      organisationName: 'Bouncy Castle Ltd',
      email: 'bounce@example.org',
    });
    expect(res.statusCode).toBe(502);
    expect(res.json().code).toBe('mail_failed');
    expect(res.body).not.toContain('token=');
    const rows = await invitationsOfNetwork();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.revokedAt).not.toBeNull();
    const revoked = (await auditOf(ctx, 'network_invitation')).filter(
      (e) => e.action === 'revoked',
    );
    expect(revoked.map((e) => e.data.reason)).toEqual(['mail_failed']);
  });

  it('an import emails each contact; a row whose email bounces is reported refused and withdrawn', async () => {
    const file =
      'Organisation name,Contact email\r\nAlpha Ltd,alpha@example.org\r\nBouncy Ltd,bounce@example.org\r\nBeta Ltd,beta@example.org\r\n';
    const res = await importCsv(ctx, w.coordinator, w.network.id, file);
    expect(res.statusCode, res.body).toBe(200);
    const report = ZNetworkInvitationImportResponse.parse(res.json());
    expect(report).toMatchObject({ accepted: 2, refused: 1, delivery: 'email' });
    expect(report.rows.map((r) => [r.email, r.outcome, r.reason ?? null])).toEqual([
      ['alpha@example.org', 'accepted', null],
      ['bounce@example.org', 'refused', 'mail_failed'],
      ['beta@example.org', 'accepted', null],
    ]);
    expect(report.rows.every((r) => r.inviteUrl === undefined)).toBe(true);
    expect(report.rows[1]?.invitationId).toBeUndefined();
    expect(received.map((m) => m.to).sort()).toEqual([['alpha@example.org'], ['beta@example.org']]);
    const rows = await invitationsOfNetwork();
    expect(
      rows
        .map((r) => [r.email, r.revokedAt !== null])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ['alpha@example.org', false],
      ['beta@example.org', false],
      ['bounce@example.org', true],
    ]);
    // Nobody joined by importing.
    const members = await ctx.database.db
      .select()
      .from(networkMembers)
      .where(eq(networkMembers.networkId, w.network.id));
    expect(members).toHaveLength(2);
  });
});
