import { DEFAULT_FRAMEWORK, ZAction, ZActionListResponse } from '@waymark/rubric';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { actions, assessments } from '../src/db/schema.js';
import {
  auditEvents,
  createAssessment,
  putAnswer,
  useAssessmentTeam,
} from './assessment-factories.js';
import { useTestApp } from './build-test-app.js';
import { call, type TestUser } from './factories.js';

const ctx = useTestApp();
const team = useAssessmentTeam(ctx);

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const secureContracts = DEFAULT_FRAMEWORK.pillars[0]?.criteria.find(
  (c) => c.id === 'secure-contracts',
);

const listUrl = (query = '') => `/assessments/${team.assessment.id}/actions${query}`;
const itemUrl = (actionId: string) => `/assessments/${team.assessment.id}/actions/${actionId}`;

async function createAction(body: Record<string, unknown> = {}) {
  const res = await call(ctx, team.admin, 'POST', listUrl(), {
    criterionId: 'secure-contracts',
    title: 'Publish a guaranteed-hours policy',
    ...body,
  });
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
  return ZAction.parse(res.json());
}

async function actionRow(id: string) {
  const [row] = await ctx.database.db.select().from(actions).where(eq(actions.id, id));
  return row;
}

async function countActions() {
  return (await ctx.database.db.select().from(actions)).length;
}

describe('POST /assessments/:assessmentId/actions', () => {
  it('creates an action with owner, due date and status (201), audited', async () => {
    const res = await call(ctx, team.contributor, 'POST', listUrl(), {
      criterionId: 'secure-contracts',
      title: 'Publish a guaranteed-hours policy',
      description: 'Draft with HR and unions.',
      ownerUserId: team.viewer.id,
      dueDate: '2027-03-31',
      status: 'in_progress',
    });
    expect(res.statusCode).toBe(201);
    const action = ZAction.parse(res.json());
    expect(action).toMatchObject({
      assessmentId: team.assessment.id,
      criterionId: 'secure-contracts',
      title: 'Publish a guaranteed-hours policy',
      description: 'Draft with HR and unions.',
      owner: { userId: team.viewer.id, name: 'Vi Viewer' },
      dueDate: '2027-03-31',
      status: 'in_progress',
      completedAt: null,
    });
    const [event] = await auditEvents(ctx, 'action');
    expect(event).toMatchObject({
      entityId: action.id,
      action: 'created',
      actorUserId: team.contributor.id,
    });
  });

  it('defaults to planned, no owner and no due date', async () => {
    const action = await createAction();
    expect(action).toMatchObject({
      status: 'planned',
      owner: null,
      dueDate: null,
      description: null,
    });
  });

  it("pre-fills the title and description from the criterion's next level when no title is given", async () => {
    await putAnswer(ctx, team.admin, team.assessment.id, 'secure-contracts', {
      level: 2,
      version: 0,
    });
    const res = await call(ctx, team.admin, 'POST', listUrl(), { criterionId: 'secure-contracts' });
    expect(res.statusCode).toBe(201);
    const next = secureContracts?.levels[2];
    const action = res.json();
    expect(action.title).toBe(`${secureContracts?.title}: reach Embedding`);
    expect(action.description).toBe(`${next?.descriptor}\n\nFor example: ${next?.example}`);
  });

  it('pre-fills level 1 for an unanswered criterion, keeping a description that was given', async () => {
    const res = await call(ctx, team.admin, 'POST', listUrl(), {
      criterionId: 'spend-analysis',
      description: 'Ask finance for the ledger.',
    });
    expect(res.json().title).toMatch(/: reach Getting started$/);
    expect(res.json().description).toBe('Ask finance for the ledger.');
  });

  it('may be added to a submitted assessment: the plan lives on', async () => {
    await ctx.database.db
      .update(assessments)
      .set({ status: 'submitted' })
      .where(eq(assessments.id, team.assessment.id));
    expect(
      (
        await call(ctx, team.admin, 'POST', listUrl(), {
          criterionId: 'secure-contracts',
          title: 'x',
        })
      ).statusCode,
    ).toBe(201);
  });

  it.each([
    ['admin', 201],
    ['contributor', 201],
    ['viewer', 403],
    ['outsider', 404],
  ] as const)('%s → %i', async (who, status) => {
    const res = await call(ctx, team[who], 'POST', listUrl(), {
      criterionId: 'secure-contracts',
      title: 'Do it',
    });
    expect(res.statusCode).toBe(status);
    expect(await countActions()).toBe(status === 201 ? 1 : 0);
  });

  it('unauthenticated → 401', async () => {
    expect(
      (await call(ctx, null, 'POST', listUrl(), { criterionId: 'secure-contracts', title: 'x' }))
        .statusCode,
    ).toBe(401);
  });

  it('a criterion not in the framework → 422 unknown_criterion', async () => {
    const res = await call(ctx, team.admin, 'POST', listUrl(), {
      criterionId: 'no-such-criterion',
      title: 'x',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('unknown_criterion');
  });

  it('an owner who is not a member → 422 owner_not_member', async () => {
    const res = await call(ctx, team.admin, 'POST', listUrl(), {
      criterionId: 'secure-contracts',
      title: 'x',
      ownerUserId: team.outsider.id,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('owner_not_member');
    expect(await countActions()).toBe(0);
  });

  it.each([
    ['an unknown field', { criterionId: 'secure-contracts', title: 'x', priority: 'high' }],
    ['no criterion', { title: 'x' }],
    ['an empty title', { criterionId: 'secure-contracts', title: '  ' }],
    ['a title of 201 characters', { criterionId: 'secure-contracts', title: 'x'.repeat(201) }],
    [
      'a date that does not exist',
      { criterionId: 'secure-contracts', title: 'x', dueDate: '2027-02-30' },
    ],
    [
      'a date in another format',
      { criterionId: 'secure-contracts', title: 'x', dueDate: '31/03/2027' },
    ],
    ['an unknown status', { criterionId: 'secure-contracts', title: 'x', status: 'blocked' }],
    [
      'an owner id that is not a uuid',
      { criterionId: 'secure-contracts', title: 'x', ownerUserId: 'me' },
    ],
  ])('400 for %s', async (_name, body) => {
    const res = await call(ctx, team.admin, 'POST', listUrl(), body);
    expect(res.statusCode).toBe(400);
    expect(await countActions()).toBe(0);
  });
});

describe('GET /assessments/:assessmentId/actions', () => {
  it.each(['admin', 'contributor', 'viewer'] as const)(
    'lists and filters the plan for a %s',
    async (who) => {
      const a = await createAction({ status: 'planned', ownerUserId: team.contributor.id });
      const b = await createAction({ criterionId: 'spend-analysis', status: 'done' });
      const c = await createAction({
        criterionId: 'spend-analysis',
        status: 'in_progress',
        ownerUserId: team.contributor.id,
      });
      const other = await createAssessment(ctx, team.org);
      await call(ctx, team.admin, 'POST', `/assessments/${other.id}/actions`, {
        criterionId: 'spend-analysis',
        title: 'elsewhere',
      });

      const ids = async (query: string) => {
        const res = await call(ctx, team[who], 'GET', listUrl(query));
        expect(res.statusCode).toBe(200);
        return ZActionListResponse.parse(res.json()).items.map((i) => i.id);
      };
      expect(await ids('')).toEqual([a.id, b.id, c.id]);
      expect(await ids('?status=done')).toEqual([b.id]);
      expect(await ids('?criterionId=spend-analysis')).toEqual([b.id, c.id]);
      expect(await ids(`?ownerUserId=${team.contributor.id}`)).toEqual([a.id, c.id]);
      expect(await ids(`?ownerUserId=${team.contributor.id}&status=in_progress`)).toEqual([c.id]);
    },
  );

  it('an outsider → 404; unauthenticated → 401', async () => {
    expect((await call(ctx, team.outsider, 'GET', listUrl())).statusCode).toBe(404);
    expect((await call(ctx, null, 'GET', listUrl())).statusCode).toBe(401);
  });

  it.each(['?status=blocked', '?ownerUserId=me', '?sort=title'])('400 for %s', async (query) => {
    expect((await call(ctx, team.admin, 'GET', listUrl(query))).statusCode).toBe(400);
  });
});

describe('PATCH /assessments/:assessmentId/actions/:actionId', () => {
  it('edits, completes and reopens an action; completedAt follows done', async () => {
    const action = await createAction();
    const done = await call(ctx, team.contributor, 'PATCH', itemUrl(action.id), {
      status: 'done',
      ownerUserId: team.admin.id,
      dueDate: null,
    });
    expect(done.statusCode).toBe(200);
    const body = ZAction.parse(done.json());
    expect(body).toMatchObject({
      status: 'done',
      owner: { userId: team.admin.id, name: 'Ada Admin' },
      dueDate: null,
    });
    expect(body.completedAt).not.toBeNull();
    expect(body.title).toBe(action.title);

    const back = await call(ctx, team.admin, 'PATCH', itemUrl(action.id), {
      status: 'in_progress',
      title: 'Renamed',
    });
    expect(back.json()).toMatchObject({
      status: 'in_progress',
      completedAt: null,
      title: 'Renamed',
    });
    expect((await auditEvents(ctx, 'action')).map((e) => e.action)).toEqual([
      'created',
      'updated',
      'updated',
    ]);
  });

  it.each([
    ['admin', 200],
    ['contributor', 200],
    ['viewer', 403],
    ['outsider', 404],
  ] as const)('%s → %i', async (who, status) => {
    const action = await createAction();
    const res = await call(ctx, team[who], 'PATCH', itemUrl(action.id), { title: 'Changed' });
    expect(res.statusCode).toBe(status);
    const [row] = await ctx.database.db.select().from(actions).where(eq(actions.id, action.id));
    expect(row?.title).toBe(status === 200 ? 'Changed' : action.title);
  });

  it('unauthenticated → 401', async () => {
    const action = await createAction();
    expect((await call(ctx, null, 'PATCH', itemUrl(action.id), { title: 'x' })).statusCode).toBe(
      401,
    );
  });

  it('an action of another assessment, even in the same organisation → 404', async () => {
    const other = await createAssessment(ctx, team.org);
    const res = await call(ctx, team.admin, 'POST', `/assessments/${other.id}/actions`, {
      criterionId: 'spend-analysis',
      title: 'elsewhere',
    });
    const patched = await call(ctx, team.admin, 'PATCH', itemUrl(res.json().id), {
      title: 'hijack',
    });
    expect(patched.statusCode).toBe(404);
    expect(patched.json().code).toBe('action_not_found');
    expect(
      (await call(ctx, team.admin, 'PATCH', itemUrl(NO_SUCH_ID), { title: 'x' })).statusCode,
    ).toBe(404);
  });

  it.each([
    ['an empty body', {}],
    ['an unknown field', { title: 'x', colour: 'red' }],
    ['an unknown status', { status: 'blocked' }],
    ['a bad date', { dueDate: '2027-13-01' }],
  ])('400 for %s', async (_name, body) => {
    const action = await createAction();
    expect((await call(ctx, team.admin, 'PATCH', itemUrl(action.id), body)).statusCode).toBe(400);
  });

  it('422 for a criterion outside the framework or an owner outside the organisation', async () => {
    const action = await createAction();
    expect(
      (await call(ctx, team.admin, 'PATCH', itemUrl(action.id), { criterionId: 'made-up' })).json()
        .code,
    ).toBe('unknown_criterion');
    expect(
      (
        await call(ctx, team.admin, 'PATCH', itemUrl(action.id), { ownerUserId: team.outsider.id })
      ).json().code,
    ).toBe('owner_not_member');
  });

  it('stays editable after submission', async () => {
    const action = await createAction();
    await ctx.database.db
      .update(assessments)
      .set({ status: 'submitted' })
      .where(eq(assessments.id, team.assessment.id));
    expect(
      (await call(ctx, team.admin, 'PATCH', itemUrl(action.id), { status: 'done' })).statusCode,
    ).toBe(200);
  });
});

describe('DELETE /assessments/:assessmentId/actions/:actionId', () => {
  it('deletes (204), audited; a second delete → 404', async () => {
    const action = await createAction();
    const res = await call(ctx, team.contributor, 'DELETE', itemUrl(action.id));
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect(await countActions()).toBe(0);
    expect((await auditEvents(ctx, 'action')).map((e) => e.action)).toEqual(['created', 'deleted']);
    expect((await call(ctx, team.contributor, 'DELETE', itemUrl(action.id))).statusCode).toBe(404);
  });

  it.each([
    ['viewer', 403],
    ['outsider', 404],
  ] as const)('%s → %i, nothing deleted', async (who, status) => {
    const action = await createAction();
    expect((await call(ctx, team[who], 'DELETE', itemUrl(action.id))).statusCode).toBe(status);
    expect(await countActions()).toBe(1);
  });

  it('admin → 204; unauthenticated → 401; a bad id → 400', async () => {
    const action = await createAction();
    expect((await call(ctx, null, 'DELETE', itemUrl(action.id))).statusCode).toBe(401);
    expect((await call(ctx, team.admin, 'DELETE', itemUrl('abc'))).statusCode).toBe(400);
    expect((await call(ctx, team.admin, 'DELETE', itemUrl(action.id))).statusCode).toBe(204);
  });
});

describe('an action of another assessment is out of reach through ours', () => {
  /** An action on someone else's assessment, with every field set, and its row as stored. */
  async function victimAction(admin: TestUser, assessmentId: string) {
    const res = await call(ctx, admin, 'POST', `/assessments/${assessmentId}/actions`, {
      criterionId: 'spend-analysis',
      title: 'Map the supplier spend',
      description: 'With finance.',
      ownerUserId: admin.id,
      dueDate: '2027-06-30',
      status: 'in_progress',
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = ZAction.parse(res.json()).id;
    return { id, row: await actionRow(id) };
  }

  const attempts = {
    PATCH: { status: 'done', title: 'hijacked', dueDate: null, ownerUserId: null },
    DELETE: undefined,
  } as const;

  it.each(['PATCH', 'DELETE'] as const)(
    '%s of another organisation’s action through our assessment → 404, its row unchanged',
    async (method) => {
      const theirs = await createAssessment(ctx, team.otherOrg);
      const victim = await victimAction(team.outsider, theirs.id);
      const res = await call(ctx, team.admin, method, itemUrl(victim.id), attempts[method]);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('action_not_found');
      expect(await actionRow(victim.id)).toEqual(victim.row);
      // The other way round, the outsider reaching ours through theirs, is refused as well.
      const ours = await createAction({ status: 'planned' });
      const before = await actionRow(ours.id);
      const back = await call(
        ctx,
        team.outsider,
        method,
        `/assessments/${theirs.id}/actions/${ours.id}`,
        attempts[method],
      );
      expect(back.statusCode).toBe(404);
      expect(await actionRow(ours.id)).toEqual(before);
      expect((await auditEvents(ctx, 'action')).map((e) => e.action)).toEqual([
        'created',
        'created',
      ]);
    },
  );

  it.each(['PATCH', 'DELETE'] as const)(
    '%s of an action of another assessment of our organisation → 404, its row unchanged',
    async (method) => {
      const other = await createAssessment(ctx, team.org);
      const victim = await victimAction(team.admin, other.id);
      const res = await call(ctx, team.contributor, method, itemUrl(victim.id), attempts[method]);
      expect(res.statusCode).toBe(404);
      expect(await actionRow(victim.id)).toEqual(victim.row);
    },
  );
});
