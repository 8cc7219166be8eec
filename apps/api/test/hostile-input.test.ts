import { DEFAULT_FRAMEWORK, INVALID_CHARACTERS_CODE, ZAction } from '@waymark/rubric';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { useAssessmentTeam } from './assessment-factories.js';
import { clientIp, STRONG_PASSWORD, uniqueEmail } from './auth-helpers.js';
import { TEST_DB, useTestApp } from './build-test-app.js';
import { call } from './factories.js';

/**
 * The fields a NUL or a lone surrogate used to take to the database (a 500, or text silently
 * stored as U+FFFD; where the body is copied into an audit event's jsonb, a 500): each now answers
 * 400 `validation_failed` naming the field and changes nothing, while the same request with
 * ordinary text (and a surrogate pair, an emoji) still succeeds.
 */

const ctx = useTestApp();
const team = useAssessmentTeam(ctx);
let actionId: string;

beforeEach(async () => {
  const res = await call(ctx, team.admin, 'POST', `/assessments/${team.assessment.id}/actions`, {
    criterionId: 'secure-contracts',
    title: 'Publish a guaranteed-hours policy',
  });
  actionId = ZAction.parse(res.json()).id;
});

const TABLES = [
  'users',
  'organisations',
  'memberships',
  'invitations',
  'assessments',
  'answers',
  'actions',
  'audit_events',
];

/** Every row of the tables a request could write, to compare before and after. */
async function snapshot() {
  const out: Record<string, unknown> = {};
  for (const table of TABLES) {
    const result = (await ctx.database.db.execute(
      sql.raw(`select to_jsonb(t)::text as row from "${table}" t order by 1`),
    )) as unknown as { rows: { row: string }[] };
    out[table] = result.rows.map((r) => r.row);
  }
  return out;
}

const indicatorId = DEFAULT_FRAMEWORK.indicators.find((i) => i.pillarId === 'employment')?.id;

interface Case {
  name: string;
  /** The request with `h` in the field: '' for the ordinary request, else a hostile character. */
  send: (h: string) => ReturnType<typeof call>;
  issuePath: (h: string) => string;
  okStatus: number;
  /** The field has a format an emoji does not fit (an email, a slug). */
  plainOnly?: boolean;
}

const orgUrl = () => `/organisations/${team.org.id}`;
const answerUrl = () => `/assessments/${team.assessment.id}/answers/secure-contracts`;
const actionsUrl = () => `/assessments/${team.assessment.id}/actions`;

const CASES: Case[] = [
  {
    name: 'organisation name (create)',
    send: (h) =>
      call(ctx, team.admin, 'POST', '/organisations', {
        name: `Leeds${h} Hospitals`,
        type: 'business',
        sizeBand: 'large',
      }),
    issuePath: () => 'body.name',
    okStatus: 201,
  },
  {
    name: 'sector (create)',
    send: (h) =>
      call(ctx, team.admin, 'POST', '/organisations', {
        name: 'Leeds Hospitals',
        type: 'business',
        sizeBand: 'large',
        sector: `Health${h}care`,
      }),
    issuePath: () => 'body.sector',
    okStatus: 201,
  },
  {
    name: 'sector (PATCH, copied into the audit event)',
    send: (h) => call(ctx, team.admin, 'PATCH', orgUrl(), { sector: `Health${h}care` }),
    issuePath: () => 'body.sector',
    okStatus: 200,
  },
  {
    name: 'local authority (PATCH)',
    send: (h) => call(ctx, team.admin, 'PATCH', orgUrl(), { localAuthority: `Leeds${h}` }),
    issuePath: () => 'body.localAuthority',
    okStatus: 200,
  },
  {
    name: 'organisation name (PATCH)',
    send: (h) => call(ctx, team.admin, 'PATCH', orgUrl(), { name: `Leeds${h} NHS` }),
    issuePath: () => 'body.name',
    okStatus: 200,
  },
  {
    name: 'assessment title',
    send: (h) =>
      call(ctx, team.admin, 'POST', `/organisations/${team.org.id}/assessments`, {
        frameworkId: DEFAULT_FRAMEWORK.id,
        frameworkVersion: DEFAULT_FRAMEWORK.version,
        title: `Year ${h}two`,
      }),
    issuePath: () => 'body.title',
    okStatus: 201,
  },
  {
    name: 'answer notes',
    send: (h) =>
      call(ctx, team.contributor, 'PUT', answerUrl(), {
        level: 2,
        notes: `Agreed with HR${h}`,
        version: 0,
      }),
    issuePath: () => 'body.notes',
    okStatus: 200,
  },
  {
    name: 'not-applicable reason',
    send: (h) =>
      call(ctx, team.contributor, 'PUT', answerUrl(), {
        level: null,
        notApplicable: { reason: `No staff${h} of our own` },
        version: 0,
      }),
    issuePath: () => 'body.notApplicable.reason',
    okStatus: 200,
  },
  {
    name: 'evidence link',
    send: (h) =>
      call(ctx, team.contributor, 'PUT', answerUrl(), {
        level: 2,
        evidenceLinks: [`https://example.org/policy${h}`],
        version: 0,
      }),
    issuePath: () => 'body.evidenceLinks.0',
    okStatus: 200,
  },
  {
    name: 'indicator id (a record key)',
    send: (h) =>
      call(ctx, team.contributor, 'PUT', answerUrl(), {
        level: 2,
        indicators: { [`${indicatorId}${h}`]: 40 },
        version: 0,
      }),
    issuePath: (h) => `body.indicators.${indicatorId}${h}`,
    okStatus: 200,
    plainOnly: true,
  },
  {
    name: 'action title (create, copied into the audit event)',
    send: (h) =>
      call(ctx, team.admin, 'POST', actionsUrl(), {
        criterionId: 'secure-contracts',
        title: `Publish${h} a policy`,
      }),
    issuePath: () => 'body.title',
    okStatus: 201,
  },
  {
    name: 'action description (create)',
    send: (h) =>
      call(ctx, team.admin, 'POST', actionsUrl(), {
        criterionId: 'secure-contracts',
        title: 'Publish a policy',
        description: `With HR${h} and unions`,
      }),
    issuePath: () => 'body.description',
    okStatus: 201,
  },
  {
    name: 'action title (PATCH)',
    send: (h) =>
      call(ctx, team.admin, 'PATCH', `${actionsUrl()}/${actionId}`, { title: `Renamed${h}` }),
    issuePath: () => 'body.title',
    okStatus: 200,
  },
  {
    name: 'action description (PATCH)',
    send: (h) =>
      call(ctx, team.admin, 'PATCH', `${actionsUrl()}/${actionId}`, {
        description: `Later${h}`,
      }),
    issuePath: () => 'body.description',
    okStatus: 200,
  },
  {
    name: 'invitation email',
    send: (h) =>
      call(ctx, team.admin, 'POST', `/organisations/${team.org.id}/invitations`, {
        email: `newcomer${h}@example.org`,
        role: 'contributor',
      }),
    issuePath: () => 'body.email',
    okStatus: 201,
    plainOnly: true,
  },
  {
    name: 'user name (register)',
    send: (h) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        headers: { 'x-forwarded-for': clientIp() },
        payload: { name: `Ada${h} Lovelace`, email: uniqueEmail(), password: STRONG_PASSWORD },
      }),
    issuePath: () => 'body.name',
    okStatus: 201,
  },
];

describe(`hostile text answers 400 and changes nothing (${TEST_DB})`, () => {
  it('the indicator of the record-key case exists', () => {
    expect(indicatorId).toBeDefined();
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    for (const h of ['\u0000', '\ud800', '\udc00']) {
      const before = await snapshot();
      const res = await c.send(h);
      expect(res.statusCode, `${JSON.stringify(h)}: ${res.body}`).toBe(400);
      const body = res.json() as { code: string; issues: { path: string; code?: string }[] };
      expect(body.code).toBe('validation_failed');
      const issue = body.issues.find((i) => i.path === c.issuePath(h));
      expect(issue, JSON.stringify(body.issues)).toBeDefined();
      expect([INVALID_CHARACTERS_CODE, 'invalid_key']).toContain(issue?.code);
      expect(await snapshot()).toEqual(before);
    }
    // The same request goes through with ordinary text: with a surrogate pair (an emoji) where
    // the field is free text, else without the character.
    const ok = await c.send(c.plainOnly ? '' : '😀');
    expect(ok.statusCode, ok.body).toBe(c.okStatus);
  });
});
