import { screen, waitFor, within } from '@testing-library/react';
import { DEFAULT_FRAMEWORK, type TAnswer } from '@waymark/rubric';
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { jsonResponse, mockApi, problemResponse } from '../../../testing/api-mocks';
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
import { LEVEL_SETTLE_MS } from './criterion-form';

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

/**
 * An arrow key as a browser delivers it: Radix moves focus on a timer after keydown and chooses
 * the card it lands on only while the key is still down.
 */
async function arrowRight(user: { keyboard: (keys: string) => Promise<void> }) {
  await user.keyboard('{ArrowRight>}');
  await vi.advanceTimersByTimeAsync(0);
  await user.keyboard('{/ArrowRight}');
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
    expect(radios.map((r) => r.getAttribute('aria-checked'))).toEqual(Array(5).fill('false'));
    const developing = within(group).getByRole('radio', { name: 'Level 2: Developing' });
    expect(developing).toHaveAccessibleDescription(
      expect.stringContaining(criterion?.levels[1]?.descriptor ?? 'missing'),
    );
    expect(developing).toHaveAccessibleDescription(
      expect.stringContaining(criterion?.levels[1]?.example ?? 'missing'),
    );
    expect(within(group).getByRole('radio', { name: "Don't know yet" })).toBeVisible();
    // "Not applicable" is a checkbox outside the arrow-key path of the levels.
    expect(within(group).queryByRole('radio', { name: /Not applicable/ })).toBeNull();
    expect(screen.getByRole('checkbox', { name: 'This does not apply to us' })).not.toBeChecked();
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

  it('saves one answer, not four, when the arrow keys pass from level 1 to level 4', async () => {
    useJumpableClock();
    const { user, fetchMock } = await openPage();
    screen.getByRole('radio', { name: 'Level 1: Getting started' }).focus();
    // A reader's pace: each level stays chosen for longer than the usual autosave pause.
    for (let step = 0; step < 3; step += 1) {
      await arrowRight(user);
      await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS + 700);
    }
    const leading = screen.getByRole('radio', { name: 'Level 4: Leading' });
    expect(leading).toHaveAttribute('aria-checked', 'true');
    expect(puts(fetchMock)).toEqual([]);
    // The level the user stays on is saved once it has settled.
    await vi.advanceTimersByTimeAsync(LEVEL_SETTLE_MS);
    await waitFor(() => expect(puts(fetchMock)).toHaveLength(1));
    expect(puts(fetchMock)[0]).toMatchObject({ level: 4, version: 0 });
    await passTheDebounce();
    expect(puts(fetchMock)).toHaveLength(1);
  });

  it('saves a level reached by arrow keys at once when the user presses Space on it', async () => {
    useJumpableClock();
    const { user, fetchMock } = await openPage();
    screen.getByRole('radio', { name: 'Level 1: Getting started' }).focus();
    await arrowRight(user);
    await arrowRight(user);
    await user.keyboard(' ');
    await waitFor(() => expect(puts(fetchMock)).toHaveLength(1));
    expect(puts(fetchMock)[0]).toMatchObject({ level: 3 });
    await vi.advanceTimersByTimeAsync(LEVEL_SETTLE_MS * 2);
    expect(puts(fetchMock)).toHaveLength(1);
  });

  it("keeps a target the user picked when today's level changes", async () => {
    const { user } = await openPage();
    await user.selectOptions(screen.getByLabelText('Target level'), '4. Leading');
    await user.click(screen.getByRole('radio', { name: 'Level 1: Getting started' }));
    expect(screen.getByLabelText('Target level')).toHaveValue('4');
  });

  it('requires a reason for "not applicable" before saving, said once the field is left', async () => {
    useJumpableClock();
    const { user, fetchMock } = await openPage();
    await user.click(screen.getByRole('checkbox', { name: 'This does not apply to us' }));
    const reason = screen.getByLabelText(/Why does this criterion not apply/);
    expect(
      await screen.findByText(/Not saved yet: Say why this criterion does not apply/),
    ).toBeVisible();
    // No error on the field before the user has been in it and left it empty.
    expect(reason).not.toHaveAttribute('aria-invalid');
    await passTheDebounce();
    expect(puts(fetchMock)).toEqual([]);
    reason.focus();
    await user.tab();
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription(
      expect.stringContaining('Say why this criterion does not apply'),
    );
    // The summary at the top links to the field.
    const summary = screen.getByRole('region', { name: 'There is a problem' });
    await user.click(within(summary).getByRole('link', { name: /Say why/ }));
    expect(reason).toHaveFocus();

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
      await screen.findByText(/Enter link 1 as a full web address/, { selector: '.field__error' }),
    ).toBeVisible();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(
      expect.stringContaining('Enter link 1 as a full web address, like https://www.example.org'),
    );
    await passTheDebounce();
    expect(puts(fetchMock)).toEqual([]);

    await user.clear(input);
    // Typed without https://, it is taken as https:// once the field is left.
    await user.type(input, 'example.org/pay-policy.pdf');
    await user.tab();
    expect(input).toHaveValue('https://example.org/pay-policy.pdf');
    await waitFor(() => expect(screen.queryByText(/Enter link 1 as a full web/)).toBeNull());
    await waitFor(() => expect(puts(fetchMock).length).toBeGreaterThan(0), SAVE_WAIT);
    expect(puts(fetchMock).at(-1)).toMatchObject({
      evidenceLinks: ['https://example.org/pay-policy.pdf'],
      version: 4,
    });

    await user.click(screen.getByRole('button', { name: 'Remove link 1' }));
    // Focus moves to a neighbour, never to the page's body.
    expect(screen.getByRole('button', { name: 'Add a link' })).toHaveFocus();
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
    // It starts on the choice that loses nothing, and says what differs.
    expect(within(dialog).getByRole('button', { name: 'Decide later' })).toHaveFocus();
    expect(dialog).toHaveTextContent(
      /They differ in where you are today, the target level and the notes/,
    );
    expect(within(mine).getByText('Notes', { exact: false, selector: 'dt' })).toHaveTextContent(
      'Notes (differs)',
    );

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

  it('says what to change when a kept change cannot be saved, and promises no retry', async () => {
    useJumpableClock();
    writeDraft(draftKey(ASSESSMENT_ID, FIRST_CRITERION), {
      values: {
        choice: '2',
        notApplicableReason: '',
        targetLevel: '',
        notes: '',
        evidenceLinks: [{ url: 'not a link' }],
        indicators: {},
      },
      baseVersion: 1,
      changedAt: 1,
    });
    const { fetchMock } = await openPage([anAnswer({ version: 1 })]);
    expect(screen.getByText(/cannot be saved until you correct the fields/)).toBeVisible();
    expect(screen.queryByText(/as soon as the connection allows/)).toBeNull();
    const link = screen.getByLabelText('Link 1');
    await waitFor(() => expect(link).toHaveAttribute('aria-invalid', 'true'));
    const summary = screen.getByRole('region', { name: 'There is a problem' });
    expect(summary).toHaveTextContent('Enter link 1 as a full web address');
    expect(screen.queryByText(/invalid_format|\[ \{/)).toBeNull();
    await passTheDebounce();
    expect(puts(fetchMock)).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('shows a refused save in plain English, without a retry, until the user changes it', async () => {
    useJumpableClock();
    const { user, fetchMock } = await openPage([], {
      [PUT]: () =>
        problemResponse({
          type: 'about:blank',
          title: 'Bad Request',
          status: 400,
          code: 'validation_failed',
          detail: 'The body is not valid.',
          issues: [{ path: 'body.notes', message: 'Too big: expected string', code: 'too_big' }],
        }),
    });
    await user.click(screen.getByRole('radio', { name: 'Level 2: Developing' }));
    await passTheDebounce();
    await waitFor(() => expect(puts(fetchMock)).toHaveLength(1));
    expect(await screen.findByText('Not saved. Notes is too long.')).toBeVisible();
    expect(screen.queryByText(/The body is not valid/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    await passTheDebounce();
    await passTheDebounce();
    expect(puts(fetchMock)).toHaveLength(1);
  });

  it('enters the pillar indicators as numbers with units and bounds', async () => {
    const { user, fetchMock } = await openPage();
    const share = screen.getByLabelText('% of staff paid at least the real Living Wage');
    expect(share).toHaveAccessibleDescription(expect.stringContaining('In per cent'));
    await user.type(share, '140');
    expect(
      await screen.findByText('% of staff paid at least the real Living Wage must be 100 or less', {
        selector: '.field__error',
      }),
    ).toBeVisible();
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
