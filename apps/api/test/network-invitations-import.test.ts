import { ZNetworkInvitationImportResponse } from '@waymark/rubric';
import { asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { networkInvitations } from '../src/db/schema.js';
import { truncateAll, useTestApp } from './build-test-app.js';
import {
  auditOf,
  importCsv,
  invitationCount,
  inviteOrganisation,
  type NetworkWorld,
  setUpNetwork,
} from './network-factories.js';

const ctx = useTestApp();
let w: NetworkWorld;
beforeEach(async () => {
  await truncateAll(ctx.database, { keep: ['frameworks', 'framework_versions'] });
  w = await setUpNetwork(ctx);
});

async function stored() {
  return ctx.database.db
    .select()
    .from(networkInvitations)
    .where(eq(networkInvitations.networkId, w.network.id))
    .orderBy(asc(networkInvitations.email));
}

const csv = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;

describe('POST /networks/:networkId/invitations/import', () => {
  it('imports the good rows together and reports every row, with a reason for each refusal', async () => {
    await inviteOrganisation(ctx, w.coordinator, w.network, {
      organisationName: 'Already Asked',
      email: 'pending@example.org',
    });
    const file = csv(
      'Organisation name,Contact email,Type,Size',
      'Leeds Building Society,Contact@LBS.example.org,Business,Large',
      '"Leeds City Council, Economy",econ@leeds.example.org,Public sector,"Medium (50–249)"',
      'Chapeltown Youth Trust,hello@cyt.example.org,voluntary and community,micro',
      'No Type Ltd,notype@example.org,,',
      'Bad Email Ltd,not-an-email,business,small',
      ',noname@example.org,business,small',
      'Mystery Co,mystery@example.org,alien,small',
      'Giant Co,giant@example.org,business,gigantic',
      'Duplicate Society,CONTACT@lbs.example.org,business,large',
      'Already Asked,pending@example.org,business,small',
      'Missing Email Ltd,,business,small',
      `${'L'.repeat(201)},long@example.org,business,small`,
    );
    const res = await importCsv(ctx, w.coordinator, w.network.id, file);
    expect(res.statusCode, res.body).toBe(200);
    const report = ZNetworkInvitationImportResponse.parse(res.json());
    expect(report).toMatchObject({ accepted: 4, refused: 8, delivery: 'link' });
    expect(report.rows.map((r) => [r.row, r.outcome, r.reason ?? null])).toEqual([
      [2, 'accepted', null],
      [3, 'accepted', null],
      [4, 'accepted', null],
      [5, 'accepted', null],
      [6, 'refused', 'invalid_email'],
      [7, 'refused', 'missing_name'],
      [8, 'refused', 'unknown_type'],
      [9, 'refused', 'unknown_size'],
      [10, 'refused', 'duplicate_in_file'],
      [11, 'refused', 'invitation_pending'],
      [12, 'refused', 'missing_email'],
      [13, 'refused', 'name_too_long'],
    ]);
    for (const row of report.rows) {
      if (row.outcome === 'refused') {
        expect(row.detail).toBeTruthy();
        expect(row.invitationId).toBeUndefined();
        expect(row.inviteUrl).toBeUndefined();
      } else {
        expect(row.invitationId).toBeDefined();
        expect(new URL(row.inviteUrl ?? '').searchParams.get('token')).toBeTruthy();
      }
    }
    expect(report.rows[8]?.detail).toContain('row 2');
    expect(report.rows[1]?.organisationName).toBe('Leeds City Council, Economy');

    const rows = await stored();
    expect(rows.map((r) => [r.email, r.organisationName, r.organisationType, r.sizeBand])).toEqual([
      ['contact@lbs.example.org', 'Leeds Building Society', 'business', 'large'],
      ['econ@leeds.example.org', 'Leeds City Council, Economy', 'public_sector', 'medium'],
      ['hello@cyt.example.org', 'Chapeltown Youth Trust', 'voluntary_community', 'micro'],
      ['notype@example.org', 'No Type Ltd', null, null],
      ['pending@example.org', 'Already Asked', null, null],
    ]);
    const events = await auditOf(ctx, 'network_invitation');
    expect(events.filter((e) => e.data.source === 'import')).toHaveLength(4);
    const summary = events.find((e) => e.action === 'imported');
    expect(summary?.data).toEqual({ networkId: w.network.id, rows: 12, accepted: 4, refused: 8 });
    expect(summary?.actorUserId).toBe(w.coordinator.id);
  });

  it('accepts friendly header names in any case and order, a BOM, LF endings and extra columns', async () => {
    const file =
      '\ufeffNotes,CONTACT EMAIL,organisation_name,SIZE BAND,organisation type\n' +
      'call in March,a@example.org,Alpha Ltd,Small,private sector\n' +
      '\n' +
      ',b@example.org,Beta Trust,,charity\n';
    const res = await importCsv(ctx, w.coordinator, w.network.id, file, 'text/csv; charset=utf-8');
    expect(res.statusCode, res.body).toBe(200);
    const report = ZNetworkInvitationImportResponse.parse(res.json());
    expect(report.rows.map((r) => [r.row, r.outcome, r.organisationName])).toEqual([
      [2, 'accepted', 'Alpha Ltd'],
      [4, 'accepted', 'Beta Trust'],
    ]);
    expect((await stored()).map((r) => [r.organisationType, r.sizeBand])).toEqual([
      ['business', 'small'],
      ['voluntary_community', null],
    ]);
  });

  it('refuses a row holding a NUL and imports the rest', async () => {
    const file = csv(
      'Organisation name,Contact email',
      'Good Ltd,good@example.org',
      'Bad\u0000Ltd,bad@example.org',
    );
    const res = await importCsv(ctx, w.coordinator, w.network.id, file);
    expect(res.statusCode).toBe(200);
    const report = ZNetworkInvitationImportResponse.parse(res.json());
    expect(report.rows.map((r) => [r.outcome, r.reason ?? null])).toEqual([
      ['accepted', null],
      ['refused', 'invalid_characters'],
    ]);
    expect(await invitationCount(ctx, w.network.id)).toBe(1);
  });

  describe('a malformed file is refused whole with 422 and creates nothing', () => {
    const cases: [string, string | Buffer, string][] = [
      [
        'unclosed quote',
        csv('Organisation name,Contact email', '"Alpha,a@example.org', 'Beta,b@example.org'),
        'csv_unreadable',
      ],
      [
        'no email column',
        csv('Organisation name,Phone', 'Alpha,0113 000 0000'),
        'csv_missing_column',
      ],
      ['no name column', csv('Email', 'a@example.org'), 'csv_missing_column'],
      [
        'a column named twice',
        csv('Name,Organisation name,Email', 'A,B,a@example.org'),
        'csv_duplicate_column',
      ],
      ['a header but no rows', csv('Organisation name,Contact email'), 'csv_no_rows'],
      ['an empty file', '', 'csv_empty'],
      ['blank lines only', '\n\n\r\n', 'csv_empty'],
      [
        'too many rows',
        csv(
          'Organisation name,Contact email',
          ...Array.from({ length: 1001 }, (_, i) => `Org ${i},org${i}@example.org`),
        ),
        'csv_too_many_rows',
      ],
      [
        'not UTF-8 (Latin-1)',
        Buffer.from(
          'Organisation name,Contact email\r\nCaf\xe9 Ltd,cafe@example.org\r\n',
          'latin1',
        ),
        'csv_not_utf8',
      ],
    ];
    for (const [label, body, code] of cases) {
      it(label, async () => {
        const res = await importCsv(ctx, w.coordinator, w.network.id, body);
        expect(res.statusCode, res.body).toBe(422);
        expect(res.json()).toMatchObject({ status: 422, code });
        expect(res.json().detail).toBeTruthy();
        expect(await invitationCount(ctx, w.network.id)).toBe(0);
        expect(await auditOf(ctx, 'network_invitation')).toEqual([]);
      });
    }
  });

  it('imports exactly the maximum of 1,000 rows in one go', async () => {
    const file = csv(
      'Organisation name,Contact email',
      ...Array.from({ length: 1000 }, (_, i) => `Org ${i},org${i}@example.org`),
    );
    const res = await importCsv(ctx, w.coordinator, w.network.id, file);
    expect(res.statusCode).toBe(200);
    expect(res.json().accepted).toBe(1000);
    expect(await invitationCount(ctx, w.network.id)).toBe(1000);
  });

  it('refuses other media types (415), JSON (400) and files over the size limit (413)', async () => {
    const file = csv('Organisation name,Contact email', 'Alpha,a@example.org');
    const plain = await importCsv(ctx, w.coordinator, w.network.id, file, 'text/plain');
    expect(plain.statusCode).toBe(415);
    const json = await importCsv(
      ctx,
      w.coordinator,
      w.network.id,
      JSON.stringify({ csv: file }),
      'application/json',
    );
    expect(json.statusCode).toBe(400);
    const huge = csv(
      'Organisation name,Contact email',
      ...Array.from({ length: 900 }, (_, i) => `${'x'.repeat(1200)},org${i}@example.org`),
    );
    const big = await importCsv(ctx, w.coordinator, w.network.id, huge);
    expect(big.statusCode).toBe(413);
    expect(await invitationCount(ctx, w.network.id)).toBe(0);
  });

  it('is documented in the OpenAPI document as taking text/csv', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json() as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
    };
    const operation = doc.paths['/api/v1/networks/{networkId}/invitations/import']?.post;
    expect(Object.keys(operation?.requestBody?.content ?? {})).toEqual(['text/csv']);
  });

  it('answers 403 to a member, 404 to a stranger and to the coordinator of another network, 401 signed out', async () => {
    const file = csv('Organisation name,Contact email', 'Alpha,a@example.org');
    expect((await importCsv(ctx, w.namedAdmin, w.network.id, file)).statusCode).toBe(403);
    expect((await importCsv(ctx, w.stranger, w.network.id, file)).statusCode).toBe(404);
    expect((await importCsv(ctx, w.otherCoordinator, w.network.id, file)).statusCode).toBe(404);
    expect((await importCsv(ctx, null, w.network.id, file)).statusCode).toBe(401);
    // A stranger learns nothing from a malformed file either: 404 before the file is read.
    expect((await importCsv(ctx, w.stranger, w.network.id, 'Phone\n1\n')).statusCode).toBe(404);
    expect(await invitationCount(ctx, w.network.id)).toBe(0);
  });
});
