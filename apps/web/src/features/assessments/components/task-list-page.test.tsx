import { screen, waitFor, within } from '@testing-library/react';
import { DEFAULT_FRAMEWORK, type TAssessmentDetail } from '@waymark/rubric';
import { beforeEach, describe, expect, it } from 'vitest';
import { frameworkList, frameworkVersion, jsonResponse, mockApi } from '../../../testing/api-mocks';
import { anOrganisation, ORG_ID, signInForTest, USER_ID } from '../../../testing/session';
import { draftKey, writeDraft } from '../lib/draft-storage';
import {
  ASSESSMENT_ID,
  aMember,
  anAnswer,
  anAssessmentDetail,
  anAssessmentSummary,
  COLLEAGUE_ID,
} from '../testing/fixtures';
import {
  assessmentReads,
  FRAMEWORK_PATH,
  renderAssessmentRoute,
} from '../testing/render-assessment';

const MEMBERS = `GET /organisations/${ORG_ID}/members`;
const employment = DEFAULT_FRAMEWORK.pillars[0];

function withAssignments(detail: TAssessmentDetail): TAssessmentDetail {
  return {
    ...detail,
    pillars: detail.pillars.map((p, i) =>
      i === 0
        ? { ...p, assignee: { userId: USER_ID, name: 'Ada Lovelace' }, assignedToYou: true }
        : i === 1
          ? { ...p, assignee: { userId: COLLEAGUE_ID, name: 'Grace Hopper' } }
          : p,
    ),
  };
}

beforeEach(() => {
  signInForTest();
});

describe('task list', () => {
  it('shows each pillar with status, progress, assignee and the questions left', async () => {
    const answers = [
      anAnswer(),
      anAnswer({ criterionId: employment?.criteria[1]?.id, level: null }),
    ];
    mockApi({
      ...assessmentReads(() => withAssignments(anAssessmentDetail(answers))),
      [MEMBERS]: () => jsonResponse({ items: [aMember()] }),
    });
    const { user } = renderAssessmentRoute(`/assessments/${ASSESSMENT_ID}`);
    await screen.findByRole('heading', { level: 1, name: 'Anchor Progression Framework 2026' });

    const pillars = screen
      .getAllByRole('listitem')
      .filter((li) => li.matches('.task-list__pillar'));
    expect(pillars).toHaveLength(5);
    const first = pillars[0] as HTMLElement;
    expect(within(first).getByRole('heading', { name: 'Employment' })).toBeVisible();
    expect(within(first).getByText('In progress')).toBeVisible();
    expect(within(first).getByText('Assigned to you')).toBeVisible();
    const size = employment?.criteria.length ?? 0;
    expect(first.querySelector('.progress-meter__text')).toHaveTextContent(
      `Employment: 1 of ${size} answered`,
    );
    // The pillar's name leads to its first open question.
    expect(within(first).getByRole('link', { name: 'Employment' })).toHaveAttribute(
      'href',
      `/assessments/${ASSESSMENT_ID}/criteria/${employment?.criteria[1]?.id}`,
    );
    // Its questions are folded away until asked for; their tags are neutral, never red.
    const questions = within(first).getByText(/^Questions/);
    expect(within(first).getByText('2. Developing')).not.toBeVisible();
    await user.click(questions);
    expect(within(first).getByText('2. Developing')).toBeVisible();
    expect(within(first).getByText("Don't know yet")).toBeVisible();
    expect(within(first).getAllByText('Not answered')).toHaveLength(size - 2);
    expect(first.querySelector('.tag--missing')).toBeNull();

    const second = pillars[1] as HTMLElement;
    expect(
      within(second).getByText('Not started', { selector: '.status-tag--not-started' }),
    ).toBeVisible();
    expect(within(second).getByText('Assigned to Grace Hopper.')).toBeVisible();
    expect(within(second).queryByText('Assigned to you')).toBeNull();

    // One main action: the first open question of the pillar assigned to the caller.
    expect(screen.getByRole('link', { name: 'Continue where you left off' })).toHaveAttribute(
      'href',
      `/assessments/${ASSESSMENT_ID}/criteria/${employment?.criteria[1]?.id}`,
    );
    expect(screen.queryByRole('link', { name: /^Start / })).toBeNull();
    expect(screen.getAllByRole('link', { name: 'Check your answers' })).toHaveLength(1);
  });

  it('starts at the first question when nothing is answered', async () => {
    mockApi({
      ...assessmentReads(() => anAssessmentDetail()),
      [MEMBERS]: () => jsonResponse({ items: [aMember()] }),
    });
    renderAssessmentRoute(`/assessments/${ASSESSMENT_ID}`);
    const start = await screen.findByRole('link', { name: 'Start' });
    expect(start).toHaveAttribute(
      'href',
      `/assessments/${ASSESSMENT_ID}/criteria/${employment?.criteria[0]?.id}`,
    );
    expect(screen.getByText(/First question: Employment/)).toBeVisible();
    // No filter to offer when nothing is assigned to the caller.
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('offers "Check your answers" as the main action once everything is answered', async () => {
    const all = anAssessmentDetail().pillars.flatMap((p) =>
      p.criterionIds.map((criterionId) => anAnswer({ criterionId })),
    );
    mockApi({
      ...assessmentReads(() => anAssessmentDetail(all)),
      [MEMBERS]: () => jsonResponse({ items: [aMember()] }),
    });
    renderAssessmentRoute(`/assessments/${ASSESSMENT_ID}`);
    await screen.findByText(/Every question is answered/);
    const check = screen
      .getAllByRole('link', { name: 'Check your answers' })
      .find((a) => a.classList.contains('button--primary'));
    expect(check).toHaveAttribute('href', `/assessments/${ASSESSMENT_ID}/review`);
    expect(screen.getAllByText('Completed')).toHaveLength(5);
  });

  it('filters to the pillars assigned to the caller', async () => {
    mockApi({
      ...assessmentReads(() => withAssignments(anAssessmentDetail())),
      [MEMBERS]: () => jsonResponse({ items: [aMember()] }),
    });
    const { user } = renderAssessmentRoute(`/assessments/${ASSESSMENT_ID}`);
    const filter = await screen.findByRole('checkbox', {
      name: 'Only pillars assigned to you (1)',
    });
    const titles = () =>
      Array.from(document.querySelectorAll('.task-list__title')).map((h) => h.textContent);
    expect(titles()).toHaveLength(5);
    await user.click(filter);
    expect(titles()).toEqual(['Employment']);
    expect(screen.getByText('Showing 1 of 5 pillars.')).toBeVisible();
    await user.click(filter);
    expect(titles()).toHaveLength(5);
  });

  it('lets an admin assign a pillar to a colleague from a small dialog', async () => {
    let assigned: unknown = null;
    mockApi({
      ...assessmentReads(() => anAssessmentDetail()),
      [MEMBERS]: () =>
        jsonResponse({
          items: [
            aMember(),
            aMember({ userId: COLLEAGUE_ID, name: 'Grace Hopper', role: 'contributor' }),
          ],
        }),
      [`PUT /assessments/${ASSESSMENT_ID}/pillars/procurement/assignee`]: ({ init }) => {
        assigned = JSON.parse(String(init?.body));
        return jsonResponse({
          pillarId: 'procurement',
          assignee: { userId: COLLEAGUE_ID, name: 'Grace Hopper' },
        });
      },
    });
    const { user } = renderAssessmentRoute(`/assessments/${ASSESSMENT_ID}`);
    const opener = await screen.findByRole('button', { name: 'Assign who answers Procurement' });
    await user.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Who answers Procurement?' });
    const select = within(dialog).getByLabelText('Assign Procurement to');
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(3));
    await user.selectOptions(select, 'Grace Hopper');
    await user.click(within(dialog).getByRole('button', { name: 'Save who answers Procurement' }));
    await waitFor(() => expect(assigned).toEqual({ userId: COLLEAGUE_ID }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // Focus goes back to the button that opened it.
    expect(opener).toHaveFocus();
  });

  it('does not offer assignment to a contributor', async () => {
    mockApi(assessmentReads(() => anAssessmentDetail([], { role: 'contributor' })));
    renderAssessmentRoute(`/assessments/${ASSESSMENT_ID}`);
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByLabelText(/^Assign /)).toBeNull();
    expect(screen.queryByRole('button', { name: /who answers/ })).toBeNull();
  });

  it('sends changes kept on this device for other questions, and lists those it cannot', async () => {
    const saved = employment?.criteria[2]?.id ?? '';
    const conflicted = employment?.criteria[3]?.id ?? '';
    const draft = {
      choice: '2',
      notApplicableReason: '',
      targetLevel: '3',
      notes: 'Kept',
      evidenceLinks: [],
      indicators: {},
    };
    writeDraft(draftKey(ASSESSMENT_ID, saved), { values: draft, baseVersion: 0, changedAt: 1 });
    writeDraft(draftKey(ASSESSMENT_ID, conflicted), {
      values: draft,
      baseVersion: 0,
      changedAt: 1,
    });
    mockApi({
      ...assessmentReads(() => anAssessmentDetail()),
      [MEMBERS]: () => jsonResponse({ items: [aMember()] }),
      [`PUT /assessments/${ASSESSMENT_ID}/answers/${saved}`]: () =>
        jsonResponse(anAnswer({ criterionId: saved, notes: 'Kept' })),
      [`PUT /assessments/${ASSESSMENT_ID}/answers/${conflicted}`]: () =>
        jsonResponse(
          {
            type: 'about:blank',
            title: 'Conflict',
            status: 409,
            code: 'answer_conflict',
            current: anAnswer({ criterionId: conflicted, level: 4, version: 3 }),
          },
          409,
        ),
    });
    renderAssessmentRoute(`/assessments/${ASSESSMENT_ID}`);
    const notice = await screen.findByText(/One answer has a change on this device/);
    const list = notice.parentElement as HTMLElement;
    expect(within(list).getByRole('link', { name: employment?.criteria[3]?.title })).toBeVisible();
    expect(localStorage.getItem(draftKey(ASSESSMENT_ID, saved))).toBeNull();
    expect(localStorage.getItem(draftKey(ASSESSMENT_ID, conflicted))).not.toBeNull();
  });
});

describe('assessment list', () => {
  const LIST = `/orgs/${ORG_ID}/assessments`;

  function mockList(type: 'public_sector' | 'business') {
    let created: unknown = null;
    const fetchMock = mockApi({
      [`GET /organisations/${ORG_ID}`]: () => jsonResponse(anOrganisation({ type })),
      [`GET /organisations/${ORG_ID}/assessments`]: () =>
        jsonResponse({ items: [anAssessmentSummary()] }),
      'GET /frameworks': () => jsonResponse(frameworkList()),
      [`GET ${FRAMEWORK_PATH}`]: () => jsonResponse(frameworkVersion()),
      [`POST /organisations/${ORG_ID}/assessments`]: ({ init }) => {
        created = JSON.parse(String(init?.body));
        return jsonResponse(anAssessmentSummary(), 201);
      },
      ...assessmentReads(() => anAssessmentDetail()),
      [MEMBERS]: () => jsonResponse({ items: [aMember()] }),
    });
    return { fetchMock, created: () => created };
  }

  it('lists assessments and lets a public-sector admin include Service delivery', async () => {
    const api = mockList('public_sector');
    const { user, router } = renderAssessmentRoute(LIST);
    await screen.findByRole('heading', { level: 1, name: 'Assessments' });
    expect(screen.getByRole('link', { name: 'Anchor Progression Framework 2026' })).toBeVisible();
    const checkbox = await screen.findByRole('checkbox', { name: /Include Service delivery/ });
    await user.click(checkbox);
    await user.click(screen.getByRole('button', { name: 'Start the assessment' }));
    await waitFor(() =>
      expect(api.created()).toEqual({
        frameworkId: DEFAULT_FRAMEWORK.id,
        frameworkVersion: DEFAULT_FRAMEWORK.version,
        includeOptionalPillars: ['service-delivery'],
      }),
    );
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/assessments/${ASSESSMENT_ID}`),
    );
  });

  it('offers no optional pillar to a business', async () => {
    mockList('business');
    renderAssessmentRoute(LIST);
    await screen.findByRole('button', { name: 'Start the assessment' });
    expect(screen.queryByRole('checkbox')).toBeNull();
  });
});
