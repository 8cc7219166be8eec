import { screen, waitFor, within } from '@testing-library/react';
import { DEFAULT_FRAMEWORK, type TAnswer } from '@waymark/rubric';
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { jsonResponse, mockApi } from '../../../testing/api-mocks';
import { signInForTest } from '../../../testing/session';
import { AUTOSAVE_DEBOUNCE_MS } from '../hooks/use-autosave';
import { draftKey, readDraft, writeDraft } from '../lib/draft-storage';
import {
  ASSESSMENT_ID,
  anAnswer,
  anAssessmentDetail,
  anAssessmentSummary,
  COLLEAGUE_ID,
  FIRST_CRITERION,
} from '../testing/fixtures';
import { assessmentReads, renderAssessmentRoute } from '../testing/render-assessment';

const PATH = `/assessments/${ASSESSMENT_ID}/criteria/${FIRST_CRITERION}`;
const PUT = `PUT /assessments/${ASSESSMENT_ID}/answers/${FIRST_CRITERION}`;
const criterion = DEFAULT_FRAMEWORK.pillars[0]?.criteria[0];
// The autosave waits 800 ms after the last change: give the assertions room.
const SAVE_WAIT = { timeout: 4000 };

function echo({ init }: { init: RequestInit | undefined }): Response {
  const body = JSON.parse(String(init?.body));
  return jsonResponse(
    anAnswer({
      level: body.level,
      notApplicable: body.notApplicable ?? null,
      targetLevel: body.targetLevel ?? null,
      notes: body.notes ?? null,
      evidenceLinks: body.evidenceLinks ?? [],
      indicators: body.indicators ?? {},
      version: body.version + 1,
    }),
  );
}

function puts(fetchMock: Mock<typeof fetch>): Array<Record<string, unknown>> {
  return fetchMock.mock.calls
    .filter(([, init]) => init?.method === 'PUT')
    .map(([, init]) => JSON.parse(String(init?.body)));
}

async function openPage(answers: TAnswer[] = [], extra: Parameters<typeof mockApi>[0] = {}) {
  const fetchMock = mockApi({
    ...assessmentReads(() => anAssessmentDetail(answers)),
    [PUT]: echo,
    ...extra,
  });
  const rendered = renderAssessmentRoute(PATH);
  await screen.findByRole('heading', { level: 1, name: criterion?.title });
  return { ...rendered, fetchMock };
}

/**
 * For a test that must show that nothing was saved: the page runs on a fake clock that still
 * follows real time (so that Testing Library's waits work), and `passTheDebounce` jumps past the
 * autosave's delay at once instead of sleeping through it. Call before rendering, so that every
 * timer the page sets is on that clock.
 */
function useJumpableClock() {
  vi.useFakeTimers({ shouldAdvanceTime: true });
}

async function passTheDebounce() {
  await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS * 2);
}

beforeEach(() => {
  signInForTest();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('criterion page', () => {
  it('shows the question, guidance and the four levels with descriptor and example', async () => {
    await openPage();
    expect(screen.getByText(criterion?.question ?? '', { selector: '.lead' })).toBeVisible();
    const group = screen.getByRole('radiogroup', { name: 'Where is your organisation today?' });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('aria-checked'))).toEqual(Array(6).fill('false'));
    const developing = within(group).getByRole('radio', { name: 'Level 2: Developing' });
    expect(developing).toHaveAccessibleDescription(
      expect.stringContaining(criterion?.levels[1]?.descriptor ?? 'missing'),
    );
    expect(developing).toHaveAccessibleDescription(
      expect.stringContaining(criterion?.levels[1]?.example ?? 'missing'),
    );
    expect(within(group).getByRole('radio', { name: "Don't know yet" })).toBeVisible();
    expect(within(group).getByRole('radio', { name: 'Not applicable' })).toBeVisible();
    expect(screen.getByText('Changes are saved as you go')).toBeVisible();
  });

  it('chooses a level with the keyboard alone, sets the target one above, and saves', async () => {
    const { user, fetchMock } = await openPage();
    const first = screen.getByRole('radio', { name: 'Level 1: Getting started' });
    first.focus();
    await user.keyboard('{ArrowRight}');
    const developing = screen.getByRole('radio', { name: 'Level 2: Developing' });
    expect(developing).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    await user.keyboard('{ArrowRight}');
    await user.keyboard('{ArrowLeft}');
    await user.keyboard(' ');
    const embedding = screen.getByRole('radio', { name: 'Level 3: Embedding' });
    expect(embedding).toHaveFocus();
    expect(embedding).toHaveAttribute('aria-checked', 'true');
    expect(first).toHaveAttribute('aria-checked', 'false');
    expect(developing).toHaveAttribute('aria-checked', 'false');
    // The target follows today's level, one above, until the user picks a target.
    expect(screen.getByLabelText('Target level')).toHaveValue('4');

    await waitFor(() => expect(screen.getByText(/^Saved at/)).toBeVisible(), SAVE_WAIT);
    const bodies = puts(fetchMock);
    expect(bodies.at(-1)).toMatchObject({ level: 3, targetLevel: 4, version: 0 });
    expect(readDraft(draftKey(ASSESSMENT_ID, FIRST_CRITERION))).toBeNull();
  });

  it("keeps a target the user picked when today's level changes", async () => {
    const { user } = await openPage();
    await user.selectOptions(screen.getByLabelText('Target level'), '4. Leading');
    await user.click(screen.getByRole('radio', { name: 'Level 1: Getting started' }));
    expect(screen.getByLabelText('Target level')).toHaveValue('4');
  });

  it('requires a reason for "not applicable" before saving', async () => {
    useJumpableClock();
    const { user, fetchMock } = await openPage();
    await user.click(screen.getByRole('radio', { name: 'Not applicable' }));
    const reason = screen.getByLabelText(/Why does this criterion not apply/);
    expect(
      await screen.findByText(/Not saved yet: Say why this criterion does not apply/),
    ).toBeVisible();
    await passTheDebounce();
    expect(puts(fetchMock)).toEqual([]);

    await user.type(reason, 'We employ nobody directly');
    await waitFor(() => expect(puts(fetchMock)).toHaveLength(1), SAVE_WAIT);
    expect(puts(fetchMock)[0]).toMatchObject({
      level: null,
      notApplicable: { reason: 'We employ nobody directly' },
    });
  });

  it('checks evidence links as http(s) addresses, inline, and saves only valid ones', async () => {
    useJumpableClock();
    const { user, fetchMock } = await openPage([anAnswer({ version: 4 })]);
    await user.click(screen.getByRole('button', { name: 'Add a link' }));
    const input = screen.getByLabelText('Link 1');
    expect(input).toHaveFocus();
    await user.type(input, 'javascript:alert(1)');
    expect(
      await screen.findByText(/Enter a full web address/, { selector: '.field__error' }),
    ).toBeVisible();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(expect.stringContaining('Enter a full web address'));
    await passTheDebounce();
    expect(puts(fetchMock)).toEqual([]);

    await user.clear(input);
    await user.type(input, 'https://example.org/pay-policy.pdf');
    await waitFor(() => expect(screen.queryByText(/Enter a full web address/)).toBeNull());
    await waitFor(() => expect(puts(fetchMock).length).toBeGreaterThan(0), SAVE_WAIT);
    expect(puts(fetchMock).at(-1)).toMatchObject({
      evidenceLinks: ['https://example.org/pay-policy.pdf'],
      version: 4,
    });

    await user.click(screen.getByRole('button', { name: 'Remove link 1' }));
    await waitFor(
      () => expect(puts(fetchMock).at(-1)).toMatchObject({ evidenceLinks: [] }),
      SAVE_WAIT,
    );
  });

  it('on a conflict shows both versions; "take theirs" replaces the form', async () => {
    useJumpableClock();
    const theirs = anAnswer({
      level: 4,
      targetLevel: 4,
      notes: 'Accredited in May',
      version: 2,
      updatedBy: { userId: COLLEAGUE_ID, name: 'Grace Hopper' },
    });
    const conflict = () =>
      new Response(
        JSON.stringify({
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          code: 'answer_conflict',
          current: theirs,
        }),
        { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
      );
    const { user, fetchMock } = await openPage([anAnswer({ version: 1 })], { [PUT]: conflict });
    await user.type(screen.getByLabelText(/Notes/), 'Mine');

    const dialog = await screen.findByRole('dialog', {}, SAVE_WAIT);
    expect(within(dialog).getByRole('heading', { name: /Grace Hopper changed/ })).toBeVisible();
    const mine = within(dialog).getByRole('region', { name: 'Your version' });
    expect(mine).toHaveTextContent('Mine');
    const other = within(dialog).getByRole('region', { name: /Saved by Grace Hopper/ });
    expect(other).toHaveTextContent('Accredited in May');
    expect(other).toHaveTextContent('Level 4: Leading');

    await user.click(within(dialog).getByRole('button', { name: 'Take theirs' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByLabelText(/Notes/)).toHaveValue('Accredited in May');
    expect(screen.getByRole('radio', { name: 'Level 4: Leading' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    expect(readDraft(draftKey(ASSESSMENT_ID, FIRST_CRITERION))).toBeNull();
    await passTheDebounce();
    expect(puts(fetchMock)).toHaveLength(1);
  });

  it('on a conflict, "keep mine" saves mine over theirs on their version', async () => {
    const theirs = anAnswer({ level: 1, notes: 'Theirs', version: 6 });
    const conflict = () =>
      jsonResponse(
        {
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          code: 'answer_conflict',
          current: theirs,
        },
        409,
      );
    const { user, fetchMock } = await openPage([anAnswer({ version: 5 })], {
      [PUT]: [conflict, echo],
    });
    await user.type(screen.getByLabelText(/Notes/), 'Ours');
    const dialog = await screen.findByRole('dialog', {}, SAVE_WAIT);
    await user.click(within(dialog).getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(puts(fetchMock)).toHaveLength(2));
    expect(puts(fetchMock)[1]).toMatchObject({ notes: 'Ours', version: 6, level: 2 });
    await waitFor(() => expect(screen.getByText(/^Saved at/)).toBeVisible());
    expect(screen.getByLabelText(/Notes/)).toHaveValue('Ours');
  });

  it('restores a change kept on this device and saves it', async () => {
    writeDraft(draftKey(ASSESSMENT_ID, FIRST_CRITERION), {
      values: {
        choice: '3',
        notApplicableReason: '',
        targetLevel: '4',
        notes: 'Typed offline',
        evidenceLinks: [],
        indicators: {},
      },
      baseVersion: 1,
      changedAt: 1,
    });
    const { fetchMock } = await openPage([anAnswer({ version: 1 })]);
    expect(screen.getByLabelText(/Notes/)).toHaveValue('Typed offline');
    expect(screen.getByText(/change made on this device/)).toBeVisible();
    await waitFor(() => expect(puts(fetchMock)).toHaveLength(1));
    expect(puts(fetchMock)[0]).toMatchObject({ level: 3, notes: 'Typed offline', version: 1 });
  });

  it('enters the pillar indicators as numbers with units and bounds', async () => {
    const { user, fetchMock } = await openPage();
    const share = screen.getByLabelText('% of staff paid at least the real Living Wage');
    expect(share).toHaveAccessibleDescription(expect.stringContaining('In per cent'));
    await user.type(share, '140');
    expect(await screen.findByText('Enter 100 or less')).toBeVisible();
    await user.clear(share);
    await user.type(share, '92.5');
    await waitFor(() => expect(puts(fetchMock).length).toBeGreaterThan(0), SAVE_WAIT);
    expect(puts(fetchMock).at(-1)).toMatchObject({
      indicators: { 'living-wage-staff-share': 92.5 },
    });
  });

  it('links to the previous and next questions across pillar boundaries', async () => {
    const employment = DEFAULT_FRAMEWORK.pillars[0];
    const last = employment?.criteria.at(-1);
    mockApi(assessmentReads(() => anAssessmentDetail()));
    renderAssessmentRoute(`/assessments/${ASSESSMENT_ID}/criteria/${last?.id}`);
    await screen.findByRole('heading', { level: 1, name: last?.title });
    const pager = screen.getByRole('navigation', { name: 'Questions' });
    const next = DEFAULT_FRAMEWORK.pillars[1]?.criteria[0];
    expect(within(pager).getByRole('link', { name: /Next pillar: Procurement/ })).toHaveAttribute(
      'href',
      `/assessments/${ASSESSMENT_ID}/criteria/${next?.id}`,
    );
    expect(within(pager).getByRole('link', { name: /Previous/ })).toBeVisible();
  });

  it('shows a submitted assessment as locked, without the form', async () => {
    mockApi(
      assessmentReads(() =>
        anAssessmentDetail([anAnswer({ notes: 'Final words' })], {
          canEdit: false,
          assessment: anAssessmentSummary({
            status: 'submitted',
            submittedAt: '2026-04-01T10:00:00.000Z',
          }),
        }),
      ),
    );
    renderAssessmentRoute(PATH);
    expect(
      await screen.findByRole('heading', { name: 'This assessment is submitted and locked' }),
    ).toBeVisible();
    expect(screen.getByText(/submitted on 1 April 2026/)).toBeVisible();
    expect(screen.queryByRole('radiogroup')).toBeNull();
    expect(screen.getByText('Final words')).toBeVisible();
    expect(screen.getByText('Level 2: Developing')).toBeVisible();
  });
});
