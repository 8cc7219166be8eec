import { screen, within } from '@testing-library/react';
import type {
  TAssessmentCycle,
  TCycleBenchmarkGroup,
  TCycleBenchmarkResponse,
} from '@waymark/rubric';
import { beforeEach, describe, expect, it } from 'vitest';
import { fetchedPaths, jsonResponse, mockApi } from '../../../testing/api-mocks';
import { ORG_ID, signInForTest } from '../../../testing/session';
import { ASSESSMENT_ID, allAnswered, anAssessmentDetail, resultsFor } from '../testing/fixtures';
import { assessmentReads, renderAssessmentRoute } from '../testing/render-assessment';

const NETWORK_ID = '66666666-6666-4666-8666-666666666666';
const OTHER_NETWORK_ID = '77777777-7777-4777-8777-777777777777';
const CYCLE_ID = '88888888-8888-4888-8888-888888888888';
const OTHER_CYCLE_ID = '99999999-9999-4999-8999-999999999999';
const UPCOMING_CYCLE_ID = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const BASE = `/assessments/${ASSESSMENT_ID}`;

function aCycle(overrides: Partial<TAssessmentCycle> = {}): TAssessmentCycle {
  return {
    cycleId: CYCLE_ID,
    cycleName: '2026',
    networkId: NETWORK_ID,
    networkName: 'Northfield Anchors',
    status: 'open',
    closesOn: '2026-12-31',
    ...overrides,
  };
}

const PILLARS = [
  'employment',
  'procurement',
  'estates-and-assets',
  'net-zero',
  'corporate-and-community',
];

function okGroup(group: TCycleBenchmarkGroup['group']): TCycleBenchmarkGroup {
  const figure = (median: number) => ({
    stat: { status: 'ok' as const, contributors: 6, median, q1: median - 10, q3: median + 10 },
    yourScore: 33.3,
    yourQuartile: 2 as const,
  });
  return {
    group,
    status: 'ok',
    contributors: 6,
    threshold: 5,
    overall: figure(45),
    pillars: PILLARS.map((pillarId, i) =>
      pillarId === 'net-zero'
        ? {
            pillarId,
            stat: { status: 'suppressed' as const, contributors: 4 },
            yourScore: 33.3,
            yourQuartile: null,
          }
        : { pillarId, ...figure(40 + i) },
    ),
  };
}

function suppressedGroup(group: TCycleBenchmarkGroup['group'], contributors: number) {
  return {
    group,
    status: 'suppressed' as const,
    contributors,
    threshold: 5,
    overall: {
      stat: { status: 'suppressed' as const, contributors },
      yourScore: 33.3,
      yourQuartile: null,
    },
    pillars: [],
  };
}

beforeEach(() => {
  signInForTest();
});

function routes(
  benchmarks: Record<string, TCycleBenchmarkResponse>,
  cycles: TAssessmentCycle[] = [aCycle()],
) {
  const answers = allAnswered();
  return {
    ...assessmentReads(() => anAssessmentDetail(answers, { cycles })),
    [`GET ${BASE}/results`]: () => jsonResponse(resultsFor(answers)),
    [`GET ${BASE}/actions`]: () => jsonResponse({ items: [] }),
    ...Object.fromEntries(
      Object.entries(benchmarks).map(([cycleId, benchmark]) => [
        `GET /cycles/${cycleId}/benchmark`,
        () => jsonResponse(benchmark),
      ]),
    ),
  };
}

describe('member benchmark on the results page', () => {
  it('shows, per pillar, the median, middle half and quartile, and a suppressed pillar', async () => {
    const fetchMock = mockApi(
      routes({
        [CYCLE_ID]: {
          cycleId: CYCLE_ID,
          organisationId: ORG_ID,
          threshold: 5,
          submitted: true,
          groups: [
            okGroup('all'),
            suppressedGroup('sameType', 2),
            suppressedGroup('sameSizeBand', 0),
          ],
        },
      }),
    );
    renderAssessmentRoute(`${BASE}/results`);
    const section = await screen.findByRole('region', {
      name: 'Compared with Northfield Anchors (2026)',
    });
    const table = await within(section).findByRole('table', {
      name: /All members: 6 organisations/,
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Overall',
      'Employment',
      'Procurement',
      'Estates and assets',
      'Net zero',
      'Corporate and community',
    ]);
    expect(
      within(rows[1] as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['33', '40', '30 to 50', 'Second quarter', '']);
    // The spread draws the same figures: the middle half from 30 to 50, the score at 33.3.
    const band = (rows[1] as HTMLElement).querySelector<HTMLElement>('.spread-bar__band');
    expect(band?.style.left).toBe('30%');
    expect(band?.style.width).toBe('20%');
    expect(
      (rows[1] as HTMLElement).querySelector<HTMLElement>('.spread-bar__yours')?.style.left,
    ).toBe('33.3%');
    expect(rows[4]).toHaveTextContent('Not enough submissions yet (4 of 5)');
    // Similar members: too few, so only the count shows.
    expect(within(section).getByText('Not enough submissions yet (2 of 5).')).toBeInTheDocument();
    expect(
      within(section).getByRole('heading', { name: 'Same type: Business' }),
    ).toBeInTheDocument();
    expect(within(section).getByText('Not enough submissions yet (0 of 5).')).toBeInTheDocument();
    const benchmarkCall = fetchMock.mock.calls.find(([url]) => String(url).includes('/benchmark'));
    expect(String(benchmarkCall?.[0])).toContain(`organisationId=${ORG_ID}`);
    // The cycles come with the assessment: one benchmark request, no lookups through networks.
    expect(
      fetchedPaths(fetchMock).filter((p) => p.startsWith('/cycles') || p.startsWith('/networks')),
    ).toEqual([`/cycles/${CYCLE_ID}/benchmark`]);
  });

  it("compares with each network cycle the assessment answers, one request each, skipping one that hasn't opened", async () => {
    const suppressed = (cycleId: string) => ({
      cycleId,
      organisationId: ORG_ID,
      threshold: 5,
      submitted: true,
      groups: [suppressedGroup('all', 3)],
    });
    const fetchMock = mockApi(
      routes({ [CYCLE_ID]: suppressed(CYCLE_ID), [OTHER_CYCLE_ID]: suppressed(OTHER_CYCLE_ID) }, [
        aCycle(),
        aCycle({
          cycleId: OTHER_CYCLE_ID,
          cycleName: 'Spring 2026',
          networkId: OTHER_NETWORK_ID,
          networkName: 'Eastbrook Anchors',
          status: 'closed',
          closesOn: '2026-04-30',
        }),
        aCycle({ cycleId: UPCOMING_CYCLE_ID, cycleName: '2027', status: 'upcoming' }),
      ]),
    );
    renderAssessmentRoute(`${BASE}/results`);
    for (const name of [
      'Compared with Northfield Anchors (2026)',
      'Compared with Eastbrook Anchors (Spring 2026)',
    ]) {
      const section = await screen.findByRole('region', { name });
      expect(
        await within(section).findByText('Not enough submissions yet (3 of 5).'),
      ).toBeInTheDocument();
    }
    expect(screen.queryByText(/\(2027\)/)).not.toBeInTheDocument();
    expect(
      fetchedPaths(fetchMock)
        .filter((p) => p.startsWith('/cycles'))
        .sort(),
    ).toEqual([`/cycles/${CYCLE_ID}/benchmark`, `/cycles/${OTHER_CYCLE_ID}/benchmark`].sort());
  });

  it('says the whole network is suppressed with four submissions, and asks to submit first', async () => {
    mockApi(
      routes({
        [CYCLE_ID]: {
          cycleId: CYCLE_ID,
          organisationId: ORG_ID,
          threshold: 5,
          submitted: false,
          groups: [
            suppressedGroup('all', 4),
            suppressedGroup('sameType', 4),
            suppressedGroup('sameSizeBand', 4),
          ],
        },
      }),
    );
    renderAssessmentRoute(`${BASE}/results`);
    const section = await screen.findByRole('region', {
      name: 'Compared with Northfield Anchors (2026)',
    });
    expect(
      await within(section).findAllByText('Not enough submissions yet (4 of 5).'),
    ).toHaveLength(3);
    expect(within(section).queryByRole('table')).not.toBeInTheDocument();
    expect(section).toHaveTextContent('once your organisation submits');
  });

  it('shows nothing for an assessment outside any network cycle', async () => {
    const answers = allAnswered();
    // Any request for networks or cycles would be unexpected: the mock fails the page's fetch.
    const fetchMock = mockApi({
      ...assessmentReads(() => anAssessmentDetail(answers, { cycles: [] })),
      [`GET ${BASE}/results`]: () => jsonResponse(resultsFor(answers)),
      [`GET ${BASE}/actions`]: () => jsonResponse({ items: [] }),
    });
    renderAssessmentRoute(`${BASE}/results`);
    await screen.findByRole('heading', { level: 1, name: 'Results' });
    await screen.findByRole('heading', { name: 'Strengths' });
    expect(screen.queryByText(/Compared with/)).not.toBeInTheDocument();
    expect(
      fetchedPaths(fetchMock).filter((p) => p.startsWith('/cycles') || p.startsWith('/networks')),
    ).toEqual([]);
  });
});
