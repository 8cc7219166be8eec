import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ASSESSMENT_ID, anAssessmentDetail } from '../../features/assessments/testing/fixtures';
import { assessmentReads } from '../../features/assessments/testing/render-assessment';
import { jsonResponse, mockApi } from '../../testing/api-mocks';
import { renderApp } from '../../testing/render-app';
import { aMeResponse, anOrganisation, ORG_ID, signInForTest } from '../../testing/session';

const OTHER_ORG_ID = '66666666-6666-4666-8666-666666666666';

describe('an assessment page loaded directly', () => {
  it.each([
    ['nothing remembered', null],
    ['another organisation remembered', OTHER_ORG_ID],
  ])('names its organisation in the header and shows its sections (%s)', async (_label, last) => {
    if (last) localStorage.setItem('waymark:last-organisation', last);
    signInForTest();
    mockApi({
      'GET /me': () =>
        jsonResponse(
          aMeResponse([
            anOrganisation(),
            anOrganisation({ id: OTHER_ORG_ID, name: 'Other Housing', role: 'viewer' }),
          ]),
        ),
      [`GET /organisations/${ORG_ID}/members`]: () => jsonResponse({ items: [] }),
      ...assessmentReads(() => anAssessmentDetail()),
    });
    renderApp(`/assessments/${ASSESSMENT_ID}`);

    const nav = await screen.findByRole('navigation', { name: 'Northfield Council' });
    expect(nav).toHaveTextContent('Organisation: Northfield Council');
    const assessments = within(nav).getByRole('link', { name: 'Assessments' });
    expect(assessments).toHaveAttribute('aria-current', 'true');
    expect(assessments).toHaveAttribute('href', `/orgs/${ORG_ID}/assessments`);
    expect(within(nav).getByRole('link', { name: 'People' })).not.toHaveAttribute('aria-current');

    const account = await screen.findByRole('navigation', { name: 'Account' });
    expect(
      await within(account).findByRole('button', { name: /Organisation: Northfield Council/ }),
    ).toBeInTheDocument();
    expect(localStorage.getItem('waymark:last-organisation')).toBe(ORG_ID);
  });
});
