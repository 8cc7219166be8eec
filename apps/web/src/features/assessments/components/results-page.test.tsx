import { screen, waitFor, within } from '@testing-library/react';
import { DEFAULT_FRAMEWORK } from '@waymark/rubric';
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { jsonResponse, mockApi } from '../../../testing/api-mocks';
import { ORG_ID, signInForTest } from '../../../testing/session';
import {
  ASSESSMENT_ID,
  allAnswered,
  aMember,
  anAction,
  anAssessmentDetail,
  FIRST_CRITERION,
  resultsFor,
} from '../testing/fixtures';
import { assessmentReads, renderAssessmentRoute } from '../testing/render-assessment';

const BASE = `/assessments/${ASSESSMENT_ID}`;
const criterion = DEFAULT_FRAMEWORK.pillars[0]?.criteria[0];

beforeEach(() => {
  signInForTest();
});

describe('results page', () => {
  it('shows the radar data (one row per pillar), scores, stages and next steps', async () => {
    const answers = allAnswered();
    mockApi({
      ...assessmentReads(() => anAssessmentDetail(answers)),
      [`GET ${BASE}/results`]: () => jsonResponse(resultsFor(answers)),
      [`GET ${BASE}/actions`]: () => jsonResponse({ items: [] }),
    });
    const { user } = renderAssessmentRoute(`${BASE}/results`);
    await screen.findByRole('heading', { level: 1, name: 'Results' });

    const table = screen.getByRole('table', {
      name: 'Pillar scores today and at target, out of 100',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Employment',
      'Procurement',
      'Estates and assets',
      'Net zero',
      'Corporate and community',
    ]);
    // Every answer at level 2 of 4 (score 33.3), target 3 (66.7): whole numbers on the page.
    expect(
      within(rows[0] as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['33', '67']);
    const scores = screen.getByRole('table', { name: 'Score and stage of each pillar' });
    expect(within(scores).getAllByText('2. Developing')).toHaveLength(5);
    expect(within(scores).getAllByText('33')).toHaveLength(5);
    expect(document.querySelector('.results-overall__numbers')).toHaveTextContent(
      'Score 33 out of 100, target 67.',
    );

    // The per-question next steps are grouped by pillar and folded away until opened.
    const nextSteps = screen.getByRole('list', { name: 'Employment: next steps' });
    const step = within(nextSteps).getAllByRole('listitem')[0] as HTMLElement;
    expect(step).not.toBeVisible();
    await user.click(screen.getByText('Employment', { selector: '.next-steps__pillar-title' }));
    expect(step).toBeVisible();
    expect(step).toHaveTextContent('Next: 3. Embedding');
    expect(step).toHaveTextContent(criterion?.levels[2]?.descriptor ?? 'missing');
  });

  it('ranks the top five priorities by the weighted gap to target, and states the counts', async () => {
    const answers = allAnswered();
    const procurement = DEFAULT_FRAMEWORK.pillars[1]?.criteria[0]?.id;
    const netZero = DEFAULT_FRAMEWORK.pillars[3]?.criteria[1]?.id;
    const notApplicable = DEFAULT_FRAMEWORK.pillars[2]?.criteria[0]?.id;
    for (const [i, answer] of answers.entries()) {
      if (answer.criterionId === procurement) answers[i] = { ...answer, level: 1, targetLevel: 4 };
      if (answer.criterionId === netZero) answers[i] = { ...answer, level: 1, targetLevel: 3 };
      if (answer.criterionId === notApplicable) {
        answers[i] = {
          ...answer,
          level: null,
          targetLevel: null,
          notApplicable: { reason: 'We own no buildings.' },
        };
      }
    }
    mockApi({
      ...assessmentReads(() => anAssessmentDetail(answers)),
      [`GET ${BASE}/results`]: () => jsonResponse(resultsFor(answers)),
      [`GET ${BASE}/actions`]: () => jsonResponse({ items: [] }),
    });
    renderAssessmentRoute(`${BASE}/results`);
    const heading = await screen.findByRole('heading', { name: 'What to work on first' });
    const panel = heading.closest('.panel') as HTMLElement;
    expect(within(panel).getByText(/weighted by how much the pillar/)).toBeVisible();
    const items = within(panel).getAllByRole('listitem');
    expect(items).toHaveLength(5);
    const titleOf = (id: string | undefined) =>
      DEFAULT_FRAMEWORK.pillars.flatMap((p) => p.criteria).find((c) => c.id === id)?.title;
    // Gap of 3 levels first, then 2 (all pillars and questions weigh the same by default).
    expect(items[0]).toHaveTextContent(`${titleOf(procurement)} (Procurement)`);
    expect(items[0]).toHaveTextContent('Getting started → Leading (3 levels to go)');
    expect(items[1]).toHaveTextContent(`${titleOf(netZero)} (Net zero)`);

    const total = answers.length;
    expect(
      screen.getByText(
        `${total - 1} of ${total - 1} applicable questions answered; 1 marked not applicable, left out of the scores.`,
        { exact: false },
      ),
    ).toBeVisible();
  });

  it('adds a criterion to the action plan from its next step', async () => {
    const answers = allAnswered();
    let actions: ReturnType<typeof anAction>[] = [];
    const fetchMock = mockApi({
      ...assessmentReads(() => anAssessmentDetail(answers)),
      [`GET ${BASE}/results`]: () => jsonResponse(resultsFor(answers)),
      [`GET ${BASE}/actions`]: () => jsonResponse({ items: actions }),
      [`POST ${BASE}/actions`]: () => {
        actions = [anAction()];
        return jsonResponse(actions[0], 201);
      },
    });
    const { user } = renderAssessmentRoute(`${BASE}/results`);
    await user.click(
      await screen.findByText('Employment', { selector: '.next-steps__pillar-title' }),
    );
    const add = await screen.findByRole('button', {
      name: `Add to action plan for ${criterion?.title}`,
    });
    await user.click(add);
    expect(
      await screen.findByRole('link', { name: 'In your action plan (1 action)' }),
    ).toBeVisible();
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ criterionId: FIRST_CRITERION });
  });

  it('downloads the CSV through the authenticated fetch', async () => {
    const answers = allAnswered();
    mockApi({
      ...assessmentReads(() => anAssessmentDetail(answers)),
      [`GET ${BASE}/results`]: () => jsonResponse(resultsFor(answers)),
      [`GET ${BASE}/actions`]: () => jsonResponse({ items: [] }),
      [`GET ${BASE}/export.csv`]: () =>
        new Response('\uFEFFSection,Pillar\r\n', {
          headers: {
            'Content-Type': 'text/csv',
            'Content-Disposition': 'attachment; filename="waymark-2026.csv"',
          },
        }),
    });
    // jsdom has no object URLs: lend it a pair for this test only.
    const createObjectURL = vi.fn(() => 'blob:csv');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    onTestFinished(() => {
      Reflect.deleteProperty(URL, 'createObjectURL');
      Reflect.deleteProperty(URL, 'revokeObjectURL');
    });
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicks.push(`${this.download} ${this.href}`);
    });
    const { user } = renderAssessmentRoute(`${BASE}/results`);
    await user.click(await screen.findByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(clicks).toEqual(['waymark-2026.csv blob:csv']));
    const init = (globalThis.fetch as ReturnType<typeof vi.fn>).mock.calls.find(([url]) =>
      String(url).endsWith('export.csv'),
    )?.[1] as RequestInit;
    expect(init.headers).toMatchObject({ Authorization: 'Bearer access-1' });
  });
});

describe('action plan page', () => {
  it('filters by status and pillar, and marks an action complete', async () => {
    const done = anAction({
      id: '66666666-6666-4666-8666-666666666666',
      title: 'Publish the pay policy',
      status: 'done',
      criterionId: 'secure-contracts',
    });
    const planned = anAction({ owner: { userId: aMember().userId, name: 'Ada Lovelace' } });
    const procurement = anAction({
      id: '77777777-7777-4777-8777-777777777777',
      title: 'Map our spend',
      criterionId: DEFAULT_FRAMEWORK.pillars[1]?.criteria[0]?.id,
    });
    const fetchMock = mockApi({
      ...assessmentReads(() => anAssessmentDetail(allAnswered())),
      [`GET ${BASE}/actions`]: ({ url }) => {
        const status = new URL(url, 'http://x').searchParams.get('status');
        const all = [planned, done, procurement];
        return jsonResponse({ items: status ? all.filter((a) => a.status === status) : all });
      },
      [`GET /organisations/${ORG_ID}/members`]: () => jsonResponse({ items: [aMember()] }),
      [`PATCH ${BASE}/actions/${planned.id}`]: () => jsonResponse({ ...planned, status: 'done' }),
    });
    const { user } = renderAssessmentRoute(`${BASE}/actions`);
    await screen.findByRole('heading', { level: 1, name: 'Action plan' });
    expect(await screen.findByText('3 actions')).toBeVisible();

    await user.selectOptions(screen.getByLabelText('Pillar'), 'Procurement');
    expect(await screen.findByText('1 action')).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Map our spend' })).toBeVisible();

    await user.selectOptions(screen.getByLabelText('Pillar'), 'All');
    await user.selectOptions(screen.getByLabelText('Status'), 'Done');
    await waitFor(() =>
      expect(fetchMock.mock.calls.some(([u]) => String(u).includes('status=done'))).toBe(true),
    );
    expect(await screen.findByText('1 action')).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Publish the pay policy' })).toBeVisible();

    await user.selectOptions(screen.getByLabelText('Status'), 'All');
    await screen.findByText('3 actions');
    await user.click(screen.getByRole('button', { name: `Mark complete ${planned.title}` }));
    await waitFor(() =>
      expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'PATCH')).toBe(true),
    );
    const patch = fetchMock.mock.calls.find(([, init]) => init?.method === 'PATCH');
    expect(JSON.parse(String(patch?.[1]?.body))).toEqual({ status: 'done' });
  });

  it('keeps line breaks in a description, and deletes an action after confirming', async () => {
    let actions = [anAction({ description: 'Ask payroll for the list.\nThen write to each.' })];
    const fetchMock = mockApi({
      ...assessmentReads(() => anAssessmentDetail(allAnswered())),
      [`GET ${BASE}/actions`]: () => jsonResponse({ items: actions }),
      [`GET /organisations/${ORG_ID}/members`]: () => jsonResponse({ items: [aMember()] }),
      [`DELETE ${BASE}/actions/${anAction().id}`]: () => {
        actions = [];
        return new Response(null, { status: 204 });
      },
    });
    const { user } = renderAssessmentRoute(`${BASE}/actions`);
    const description = await screen.findByText(/Ask payroll for the list/);
    expect(description).toHaveClass('action-card__description');
    expect(description.textContent).toBe('Ask payroll for the list.\nThen write to each.');

    const title = anAction().title;
    await user.click(screen.getByRole('button', { name: `Delete ${title}` }));
    let dialog = screen.getByRole('dialog', { name: 'Delete this action?' });
    // The safe choice comes first; cancelling deletes nothing.
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(false);
    expect(screen.getByRole('heading', { name: title })).toBeVisible();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: `Delete ${title}` })).toHaveFocus(),
    );

    await user.click(screen.getByRole('button', { name: `Delete ${title}` }));
    dialog = screen.getByRole('dialog', { name: 'Delete this action?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete action' }));
    expect(await screen.findByText('No actions yet')).toBeVisible();
    const note = screen.getByText(`Deleted the action “${title}”.`);
    await waitFor(() => expect(note).toHaveFocus());
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('creates an action pre-filled from the question’s next level', async () => {
    const fetchMock = mockApi({
      ...assessmentReads(() => anAssessmentDetail(allAnswered())),
      [`GET ${BASE}/actions`]: () => jsonResponse({ items: [] }),
      [`GET /organisations/${ORG_ID}/members`]: () => jsonResponse({ items: [aMember()] }),
      [`POST ${BASE}/actions`]: () => jsonResponse(anAction(), 201),
    });
    const { user } = renderAssessmentRoute(`${BASE}/actions`);
    await user.click(await screen.findByRole('button', { name: 'New action' }));
    const dialog = screen.getByRole('dialog', { name: 'New action' });
    await user.selectOptions(within(dialog).getByLabelText('Question'), criterion?.title ?? '');
    expect(within(dialog).getByLabelText('Title')).toHaveValue(
      `${criterion?.title}: reach Embedding`,
    );
    expect(within(dialog).getByLabelText(/Description/)).toHaveValue(
      `${criterion?.levels[2]?.descriptor}\n\nFor example: ${criterion?.levels[2]?.example}`,
    );
    await user.selectOptions(within(dialog).getByLabelText('Owner'), 'Ada Lovelace');
    await user.type(within(dialog).getByLabelText(/Due date/), '2027-03-31');
    await user.click(within(dialog).getByRole('button', { name: 'Add action' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toMatchObject({
      criterionId: FIRST_CRITERION,
      title: `${criterion?.title}: reach Embedding`,
      ownerUserId: aMember().userId,
      dueDate: '2027-03-31',
      status: 'planned',
    });
  });
});
