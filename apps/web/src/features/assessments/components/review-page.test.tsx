import { screen, waitFor, within } from '@testing-library/react';
import { DEFAULT_FRAMEWORK } from '@waymark/rubric';
import { beforeEach, describe, expect, it } from 'vitest';
import { fetchedPaths, jsonResponse, mockApi, problemResponse } from '../../../testing/api-mocks';
import { signInForTest } from '../../../testing/session';
import {
  ASSESSMENT_ID,
  allAnswered,
  anAnswer,
  anAssessmentDetail,
  anAssessmentSummary,
} from '../testing/fixtures';
import { assessmentReads, renderAssessmentRoute } from '../testing/render-assessment';

const PATH = `/assessments/${ASSESSMENT_ID}/review`;
const SUBMIT = `POST /assessments/${ASSESSMENT_ID}/submit`;

beforeEach(() => {
  signInForTest();
});

describe('review page', () => {
  it('lists every answer by pillar, highlights the missing ones and disables submit', async () => {
    const answers = allAnswered();
    const missing = answers.splice(0, 2);
    answers.push(anAnswer({ criterionId: missing[1]?.criterionId, level: null }));
    mockApi(assessmentReads(() => anAssessmentDetail(answers)));
    renderAssessmentRoute(PATH);

    await screen.findByRole('heading', { level: 1, name: 'Check your answers' });
    const employment = screen.getByRole('region', { name: 'Employment' });
    expect(within(employment).getAllByText('To answer')).toHaveLength(2);
    expect(within(employment).getByText("Don't know yet")).toBeVisible();
    expect(within(employment).getAllByRole('link', { name: /^Change / }).length).toBeGreaterThan(2);
    expect(screen.getByText('2 questions still to answer')).toBeVisible();

    const submit = screen.getByRole('button', { name: 'Submit the assessment' });
    expect(submit).toBeDisabled();
    expect(submit).toHaveAccessibleDescription(/2 questions are left/);
  });

  it('submits a complete assessment after confirmation and then shows it locked', async () => {
    let submitted = false;
    const detail = () =>
      anAssessmentDetail(
        allAnswered(),
        submitted
          ? {
              canEdit: false,
              assessment: anAssessmentSummary({
                status: 'submitted',
                submittedAt: '2026-04-01T10:00:00.000Z',
              }),
            }
          : {},
      );
    const fetchMock = mockApi({
      ...assessmentReads(detail),
      [SUBMIT]: () => {
        submitted = true;
        return jsonResponse({
          assessment: detail().assessment,
          revision: {
            revision: 1,
            submittedAt: '2026-04-01T10:00:00.000Z',
            submittedBy: null,
            scores: {
              overall: 33,
              overallTarget: 66,
              completeness: { answered: 1, applicable: 1, ratio: 1 },
              pillars: [],
            },
          },
        });
      },
    });
    const { user } = renderAssessmentRoute(PATH);
    const submit = await screen.findByRole('button', { name: 'Submit the assessment' });
    expect(submit).toBeEnabled();
    await user.click(submit);
    const dialog = screen.getByRole('dialog', { name: 'Submit this assessment?' });
    await user.click(within(dialog).getByRole('button', { name: 'Submit' }));

    // The confirmation page: what happened, what is locked, who can reopen it, what next.
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Assessment submitted' }),
    ).toBeVisible();
    expect(fetchedPaths(fetchMock)).toContain(`/assessments/${ASSESSMENT_ID}/submit`);
    expect(
      screen.getByText(/are locked: their levels, targets, notes, evidence links/),
    ).toBeVisible();
    expect(screen.getByText(/As an organisation admin, you can reopen/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'See your results' })).toHaveAttribute(
      'href',
      `/assessments/${ASSESSMENT_ID}/results`,
    );
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeVisible();

    // Back on the review page, it is locked with Reopen on offer.
    await user.click(screen.getByRole('link', { name: 'Check your answers' }));
    await screen.findByRole('heading', { level: 1, name: 'Check your answers' });
    expect(screen.getByText('Submitted and locked')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Reopen the assessment' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Submit the assessment' })).toBeNull();
  });

  it('shows notes, evidence, target and indicators: everything that submitting locks', async () => {
    const answers = allAnswered();
    const first = answers[0];
    if (!first) throw new Error('fixture');
    answers[0] = {
      ...first,
      targetLevel: 4,
      notes: 'Payroll report run in March.\nChecked by finance.',
      evidenceLinks: ['https://example.org/pay-policy'],
      indicators: Object.fromEntries(
        DEFAULT_FRAMEWORK.indicators
          .filter((i) => i.pillarId === DEFAULT_FRAMEWORK.pillars[0]?.id)
          .slice(0, 1)
          .map((i) => [i.id, 42]),
      ),
    };
    mockApi(assessmentReads(() => anAssessmentDetail(answers)));
    renderAssessmentRoute(PATH);
    await screen.findByRole('heading', { level: 1, name: 'Check your answers' });
    const title = DEFAULT_FRAMEWORK.pillars[0]?.criteria[0]?.title ?? '';
    const card = screen.getByRole('listitem', { name: title });
    expect(within(card).getByText(/Payroll report run in March/)).toHaveClass('review-row__notes');
    expect(within(card).getByRole('link', { name: /example\.org\/pay-policy/ })).toHaveAttribute(
      'href',
      'https://example.org/pay-policy',
    );
    expect(within(card).getByText('4. Leading')).toBeVisible();
    const indicator = DEFAULT_FRAMEWORK.indicators.find(
      (i) => i.pillarId === DEFAULT_FRAMEWORK.pillars[0]?.id,
    );
    if (indicator) {
      expect(within(card).getByText(indicator.label)).toBeVisible();
      expect(within(card).getByText(/^42/)).toBeVisible();
    }
    expect(within(card).getByRole('link', { name: `Change ${title}` })).toHaveAttribute(
      'href',
      `/assessments/${ASSESSMENT_ID}/criteria/${first.criterionId}`,
    );
    // The next card has nothing of that: it says so rather than leaving blanks.
    const second = screen.getByRole('listitem', {
      name: DEFAULT_FRAMEWORK.pillars[0]?.criteria[1]?.title ?? '',
    });
    expect(within(second).getByText('None')).toBeVisible();
    expect(within(second).getByText('No links')).toBeVisible();
  });

  it('jumps to a pillar from the list at the top, focusing its heading', async () => {
    mockApi(assessmentReads(() => anAssessmentDetail(allAnswered())));
    const { user } = renderAssessmentRoute(PATH);
    await screen.findByRole('heading', { level: 1, name: 'Check your answers' });
    const contents = screen.getByRole('navigation', { name: 'Pillars on this page' });
    await user.click(within(contents).getByRole('link', { name: 'Procurement' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Procurement' })).toHaveFocus();
  });

  it('says plainly when the confirmation page is opened for a draft', async () => {
    mockApi(assessmentReads(() => anAssessmentDetail()));
    renderAssessmentRoute(`/assessments/${ASSESSMENT_ID}/submitted`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This assessment is not submitted' }),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Check your answers' })).toHaveAttribute('href', PATH);
  });

  it('shows the server’s 422 when the assessment turns out incomplete', async () => {
    mockApi({
      ...assessmentReads(() => anAssessmentDetail(allAnswered())),
      [SUBMIT]: () =>
        problemResponse({
          type: 'about:blank',
          title: 'Unprocessable Content',
          status: 422,
          code: 'assessment_incomplete',
          detail: '1 criteria still need a level or a not-applicable reason.',
        }),
    });
    const { user } = renderAssessmentRoute(PATH);
    await user.click(await screen.findByRole('button', { name: 'Submit the assessment' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Submit' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The assessment was not submitted');
    expect(alert).toHaveTextContent('1 criteria still need a level');
  });

  it('lets an admin reopen a submitted assessment after confirming', async () => {
    const submittedDetail = anAssessmentDetail(allAnswered(), {
      canEdit: false,
      assessment: anAssessmentSummary({ status: 'submitted', submittedAt: '2026-04-01T10:00:00Z' }),
    });
    const fetchMock = mockApi({
      ...assessmentReads(() => submittedDetail),
      [`POST /assessments/${ASSESSMENT_ID}/reopen`]: () =>
        jsonResponse(anAssessmentSummary({ status: 'reopened', revision: 2 })),
    });
    const { user } = renderAssessmentRoute(PATH);
    await user.click(await screen.findByRole('button', { name: 'Reopen the assessment' }));
    const dialog = screen.getByRole('dialog', { name: 'Reopen this assessment?' });
    expect(dialog).toHaveTextContent(/Revision 1 stays as it was submitted/);
    await user.click(within(dialog).getByRole('button', { name: 'Reopen' }));
    await waitFor(() =>
      expect(fetchedPaths(fetchMock)).toContain(`/assessments/${ASSESSMENT_ID}/reopen`),
    );
  });

  it('does not offer submit to a contributor', async () => {
    mockApi(assessmentReads(() => anAssessmentDetail(allAnswered(), { role: 'contributor' })));
    renderAssessmentRoute(PATH);
    await screen.findByRole('heading', { level: 1, name: 'Check your answers' });
    expect(screen.queryByRole('button', { name: 'Submit the assessment' })).toBeNull();
    expect(screen.getByText(/An admin of your organisation submits/)).toBeVisible();
  });
});
