import { screen, within } from '@testing-library/react';
import type {
  TCycle,
  TCycleBenchmarkGroup,
  TCycleBenchmarkResponse,
  TNetwork,
} from '@waymark/rubric';
import { beforeEach, describe, expect, it } from 'vitest';
import { fetchedPaths, jsonResponse, mockApi } from '../../../testing/api-mocks';
import { CREATED_AT, ORG_ID, signInForTest } from '../../../testing/session';
import { ASSESSMENT_ID, allAnswered, anAssessmentDetail, resultsFor } from '../testing/fixtures';
import { assessmentReads, renderAssessmentRoute } from '../testing/render-assessment';

const NETWORK_ID = '66666666-6666-4666-8666-666666666666';
const OTHER_NETWORK_ID = '77777777-7777-4777-8777-777777777777';
const CYCLE_ID = '88888888-8888-4888-8888-888888888888';
const BASE = `/assessments/${ASSESSMENT_ID}`;

function aNetwork(overrides: Partial<TNetwork> = {}): TNetwork {
  return {
    id: NETWORK_ID,
    name: 'Northfield Anchors',
    place: 'Northfield',
    description: null,
    settings: { localAuthorities: [], minGroupSize: 5, optionalPillars: [], reminderDaysBefore: 7 },
    isCoordinator: false,
    memberOrganisations: [{ organisationId: ORG_ID, sharing: 'named' }],
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...overrides,
  };
}

function aCycle(overrides: Partial<TCycle> = {}): TCycle {
  return {
    id: CYCLE_ID,
    networkId: NETWORK_ID,
    name: '2026',
    frameworkId: 'anchor-progression',
    frameworkVersion: 1,
    opensOn: '2026-01-01',
    closesOn: '2026-12-31',
    status: 'open',
    daysLeft: 28,
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
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

function routes(benchmark: TCycleBenchmarkResponse, cycles: TCycle[] = [aCycle()]) {
  const answers = allAnswered();
  const framework = anAssessmentDetail().framework;
  return {
    ...assessmentReads(() => anAssessmentDetail(answers)),
    [`GET ${BASE}/results`]: () => jsonResponse(resultsFor(answers)),
    [`GET ${BASE}/actions`]: () => jsonResponse({ items: [] }),
    'GET /networks': () =>
      jsonResponse({
        items: [
          aNetwork(),
          // A network the organisation is not in is not asked about.
          aNetwork({ id: OTHER_NETWORK_ID, name: 'Elsewhere', memberOrganisations: [] }),
        ],
      }),
    [`GET /networks/${NETWORK_ID}/cycles`]: () =>
      jsonResponse({
        items: cycles.map((c) => ({
          ...c,
          frameworkId: framework.id,
          frameworkVersion: framework.version,
        })),
      }),
    [`GET /cycles/${CYCLE_ID}`]: () =>
      jsonResponse({
        ...aCycle({ frameworkId: framework.id, frameworkVersion: framework.version }),
        yourOrganisations: [
          { organisationId: ORG_ID, assessment: { id: ASSESSMENT_ID, status: 'submitted' } },
        ],
      }),
    [`GET /cycles/${CYCLE_ID}/benchmark`]: () => jsonResponse(benchmark),
  };
}

describe('member benchmark on the results page', () => {
  it('shows, per pillar, the median, middle half and quartile, and a suppressed pillar', async () => {
    const fetchMock = mockApi(
      routes({
        cycleId: CYCLE_ID,
        organisationId: ORG_ID,
        threshold: 5,
        submitted: true,
        groups: [
          okGroup('all'),
          suppressedGroup('sameType', 2),
          suppressedGroup('sameSizeBand', 0),
        ],
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
    expect(fetchedPaths(fetchMock)).not.toContain(`/networks/${OTHER_NETWORK_ID}/cycles`);
  });

  it('says the whole network is suppressed with four submissions, and asks to submit first', async () => {
    mockApi(
      routes({
        cycleId: CYCLE_ID,
        organisationId: ORG_ID,
        threshold: 5,
        submitted: false,
        groups: [
          suppressedGroup('all', 4),
          suppressedGroup('sameType', 4),
          suppressedGroup('sameSizeBand', 4),
        ],
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
    mockApi({
      ...assessmentReads(() => anAssessmentDetail(answers)),
      [`GET ${BASE}/results`]: () => jsonResponse(resultsFor(answers)),
      [`GET ${BASE}/actions`]: () => jsonResponse({ items: [] }),
      'GET /networks': () => jsonResponse({ items: [] }),
    });
    renderAssessmentRoute(`${BASE}/results`);
    await screen.findByRole('heading', { level: 1, name: 'Results' });
    await screen.findByRole('heading', { name: 'Strengths' });
    // Give the lookup time to settle, then check that no comparison appeared.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByText(/Compared with/)).not.toBeInTheDocument();
    expect(screen.queryByText(/Looking for your network comparison/)).not.toBeInTheDocument();
  });
});
