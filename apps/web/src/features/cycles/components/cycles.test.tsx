import { screen, waitFor, within } from '@testing-library/react';
import { DEFAULT_FRAMEWORK, type TCycleDashboardResponse } from '@waymark/rubric';
import { describe, expect, it, vi } from 'vitest';
import {
  frameworkList,
  frameworkVersion,
  jsonResponse,
  mockApi,
  problemResponse,
} from '../../../testing/api-mocks';
import { renderApp } from '../../../testing/render-app';
import { aMeResponse, signInForTest } from '../../../testing/session';
import {
  ALPHA_ID,
  aCycleDetail,
  aDashboard,
  aNetwork,
  anEmptyDashboard,
  BRAVO_ID,
  CYCLE_ID,
  NETWORK_ID,
} from '../testing/fixtures';

const base = {
  'GET /me': () => jsonResponse(aMeResponse()),
  [`GET /networks/${NETWORK_ID}`]: () => jsonResponse(aNetwork()),
  [`GET /cycles/${CYCLE_ID}`]: () => jsonResponse(aCycleDetail()),
  'GET /frameworks': () => jsonResponse(frameworkList()),
  'GET /frameworks/anchor-progression/versions/1': () => jsonResponse(frameworkVersion()),
};

function bodyOf(fetchMock: ReturnType<typeof mockApi>, method: string, suffix: string): unknown {
  const call = fetchMock.mock.calls.findLast(
    ([url, init]) => String(url).endsWith(suffix) && init?.method === method,
  );
  return call ? JSON.parse(String(call[1]?.body)) : undefined;
}

const problem =
  (status: number, code: string, detail = 'x') =>
  () =>
    problemResponse({ type: 'about:blank', title: 'Refused', status, code, detail });

describe('opening a cycle', () => {
  it('checks the dates, explains a taken name and opens the new cycle', async () => {
    signInForTest();
    const fetchMock = mockApi({
      ...base,
      [`POST /networks/${NETWORK_ID}/cycles`]: [
        problem(409, 'cycle_name_taken', 'This network already has a cycle "2026".'),
        () => jsonResponse(aCycleDetail({ name: '2027' }), 201),
      ],
    });
    const { user, router } = renderApp(`/networks/${NETWORK_ID}/cycles/new`);
    await screen.findByRole('heading', { level: 1, name: 'Open a cycle' });
    const nav = screen.getByRole('navigation', { name: 'Network: Northfield Anchors' });
    expect(within(nav).getByRole('link', { name: 'Cycles' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await user.click(await screen.findByRole('button', { name: 'Open cycle' }));
    const summary = await screen.findByRole('alert');
    expect(
      within(summary).getByRole('link', { name: 'Enter the opening date' }),
    ).toBeInTheDocument();
    expect(
      within(summary).getByRole('link', { name: 'Enter the closing date' }),
    ).toBeInTheDocument();

    await user.type(screen.getByLabelText('Opens on'), '2026-06-01');
    await user.type(screen.getByLabelText('Closes on'), '2026-05-01');
    await user.click(screen.getByRole('button', { name: 'Open cycle' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Closes on')).toHaveAccessibleDescription(
        expect.stringContaining('The closing date must be on or after the opening date'),
      ),
    );
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);

    await user.clear(screen.getByLabelText('Closes on'));
    await user.type(screen.getByLabelText('Closes on'), '2026-08-31');
    await user.click(screen.getByRole('button', { name: 'Open cycle' }));
    const name = screen.getByLabelText('Cycle name');
    await waitFor(() =>
      expect(name).toHaveAccessibleDescription(
        expect.stringContaining('This network already has a cycle with this name'),
      ),
    );
    await user.clear(name);
    await user.type(name, '2027');
    await user.click(screen.getByRole('button', { name: 'Open cycle' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/cycles/${CYCLE_ID}`));
    expect(bodyOf(fetchMock, 'POST', `/networks/${NETWORK_ID}/cycles`)).toEqual({
      name: '2027',
      frameworkId: 'anchor-progression',
      frameworkVersion: 1,
      opensOn: '2026-06-01',
      closesOn: '2026-08-31',
    });
  });

  it('lists no cycle yet with a way to open one', async () => {
    signInForTest();
    mockApi({ ...base, [`GET /networks/${NETWORK_ID}/cycles`]: () => jsonResponse({ items: [] }) });
    renderApp(`/networks/${NETWORK_ID}/cycles`);
    const empty = await screen.findByRole('region', { name: 'No cycle yet' });
    expect(within(empty).getByRole('link', { name: 'Open a new cycle' })).toHaveAttribute(
      'href',
      `/networks/${NETWORK_ID}/cycles/new`,
    );
  });
});

describe('a cycle’s page', () => {
  it('extends the deadline of an open cycle', async () => {
    signInForTest();
    const fetchMock = mockApi({
      ...base,
      [`PATCH /cycles/${CYCLE_ID}`]: () =>
        jsonResponse({ ...aCycleDetail({ closesOn: '2026-06-30' }), yourOrganisations: undefined }),
    });
    const { user } = renderApp(`/cycles/${CYCLE_ID}`);
    await screen.findByRole('heading', { level: 1, name: 'Cycle 2026' });
    expect(screen.getByText('12 days left')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Extend the deadline' })).toBeInTheDocument();
    const date = screen.getByLabelText('New closing date');
    await user.clear(date);
    await user.type(date, '2026-06-30');
    await user.click(screen.getByRole('button', { name: 'Change closing date' }));
    expect(await screen.findByText('The cycle now closes on 30 June 2026.')).toBeInTheDocument();
    expect(bodyOf(fetchMock, 'PATCH', `/cycles/${CYCLE_ID}`)).toEqual({ closesOn: '2026-06-30' });
  });

  it('reopens a closed cycle only to today or later', async () => {
    signInForTest();
    const fetchMock = mockApi({
      ...base,
      [`GET /cycles/${CYCLE_ID}`]: () =>
        jsonResponse(
          aCycleDetail({
            status: 'closed',
            daysLeft: null,
            closesOn: '2025-05-31',
            opensOn: '2025-03-01',
          }),
        ),
    });
    const { user } = renderApp(`/cycles/${CYCLE_ID}`);
    await screen.findByRole('heading', { name: 'Reopen the cycle' });
    await user.click(screen.getByRole('button', { name: 'Reopen cycle' }));
    const date = screen.getByLabelText('New closing date');
    await waitFor(() =>
      expect(date).toHaveAccessibleDescription(
        expect.stringContaining('To reopen the cycle, choose today or a later date'),
      ),
    );
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'PATCH')).toBe(false);
  });

  it('shows a member no editing, and a stranger “not found”', async () => {
    signInForTest();
    mockApi({
      ...base,
      [`GET /networks/${NETWORK_ID}`]: () => jsonResponse(aNetwork({ isCoordinator: false })),
    });
    renderApp(`/cycles/${CYCLE_ID}`);
    await screen.findByRole('heading', { level: 1, name: 'Cycle 2026' });
    expect(screen.queryByRole('heading', { name: 'Extend the deadline' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Open the dashboard' })).not.toBeInTheDocument();
  });

  it('says “not found” for a cycle the caller cannot see', async () => {
    signInForTest();
    mockApi({ ...base, [`GET /cycles/${CYCLE_ID}`]: problem(404, 'not_found') });
    renderApp(`/cycles/${CYCLE_ID}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Cycle not found' }),
    ).toBeInTheDocument();
  });
});

describe('the coordinator dashboard', () => {
  const dashboardPath = `GET /cycles/${CYCLE_ID}/dashboard`;

  it('shows participation, and the named heatmap sorted by any column', async () => {
    signInForTest();
    mockApi({ ...base, [dashboardPath]: () => jsonResponse(aDashboard()) });
    const { user } = renderApp(`/cycles/${CYCLE_ID}/dashboard`);
    await screen.findByRole('heading', { level: 1, name: 'Dashboard: cycle 2026' });
    const participation = screen.getByRole('region', { name: 'Participation' });
    expect(within(participation).getByText('12 days left.')).toBeInTheDocument();
    expect(within(participation).getByText('Invited').nextSibling).toHaveTextContent('8');
    expect(within(participation).getByText('Submitted').nextSibling).toHaveTextContent('5');
    const pending = within(participation).getByRole('table');
    expect(
      within(pending).getByRole('rowheader', { name: 'Echo Care' }).closest('tr'),
    ).toHaveTextContent('Not started');

    const heatmap = screen.getByRole('table', { name: /Named members’ scores and stages/ });
    const names = () =>
      within(heatmap)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent);
    expect(names()).toEqual(['Alpha Trust', 'Bravo Homes']);
    expect(within(heatmap).getByRole('link', { name: 'Bravo Homes' })).toHaveAttribute(
      'href',
      `/cycles/${CYCLE_ID}/members/${BRAVO_ID}`,
    );
    // Numbers and stage names, never colour alone.
    const alphaRow = within(heatmap).getByRole('rowheader', { name: 'Alpha Trust' }).closest('tr');
    expect(alphaRow).toHaveTextContent('80Leading');
    expect(within(heatmap).getByRole('columnheader', { name: 'Organisation' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );

    const employment = within(heatmap).getByRole('button', { name: 'Employment' });
    employment.focus();
    await user.keyboard('{Enter}');
    expect(within(heatmap).getByRole('columnheader', { name: 'Employment' })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    expect(within(heatmap).getByRole('columnheader', { name: 'Organisation' })).not.toHaveAttribute(
      'aria-sort',
    );
    expect(names()).toEqual(['Alpha Trust', 'Bravo Homes']);
    await user.keyboard(' ');
    expect(names()).toEqual(['Bravo Homes', 'Alpha Trust']);
    expect(screen.getByText('Sorted by Employment, lowest first.')).toBeInTheDocument();
    // A member without a score sits last whichever the direction.
    await user.click(within(heatmap).getByRole('button', { name: 'Procurement' }));
    expect(names()).toEqual(['Alpha Trust', 'Bravo Homes']);
    await user.click(within(heatmap).getByRole('button', { name: 'Procurement' }));
    expect(names()).toEqual(['Alpha Trust', 'Bravo Homes']);
    expect(ALPHA_ID).toBeTruthy();
  });

  it('shows suppressed figures as “not enough submissions yet (n of 5)”, and the rest', async () => {
    signInForTest();
    mockApi({ ...base, [dashboardPath]: () => jsonResponse(aDashboard()) });
    renderApp(`/cycles/${CYCLE_ID}/dashboard`);
    const radar = await screen.findByRole('table', {
      name: 'Pillar scores across the network, out of 100',
    });
    expect(
      within(radar).getByRole('rowheader', { name: 'Net zero' }).closest('tr'),
    ).toHaveTextContent('Not enough submissions yet (3 of 5)');
    expect(
      within(radar).getByRole('rowheader', { name: 'Employment' }).closest('tr'),
    ).toHaveTextContent('205080');
    const distribution = screen.getByRole('table', {
      name: 'Number of members at each stage, by pillar',
    });
    expect(
      within(distribution).getByRole('rowheader', { name: 'Net zero' }).closest('tr'),
    ).toHaveTextContent('Not enough submissions yet (3 of 5)');
    const priorities = screen.getByRole('region', { name: 'Collective priorities' });
    expect(priorities).toHaveTextContent('Knowing where the money goes');
    expect(priorities).toHaveTextContent('median level 1.5 of 4 (Getting started)');
    expect(priorities).toHaveTextContent('members aim a median 2 levels higher');
    expect(priorities).toHaveTextContent('2 criteria are left out');
    const indicators = screen.getByRole('region', { name: 'Indicators' });
    expect(indicators).toHaveTextContent('42.5%');
    expect(indicators).toHaveTextContent('Not enough submissions yet (2 of 5)');
    // An indicator nobody reported says so, rather than counting towards a threshold.
    expect(
      within(indicators)
        .getByRole('rowheader', { name: /social enterprises/ })
        .closest('tr'),
    ).toHaveTextContent('No member has reported it yet');
  });

  it('says when figures are held back to protect anonymous members', async () => {
    signInForTest();
    const held = { status: 'suppressed', contributors: 6, anonymous: 2, reason: 'few_anonymous' };
    const full = aDashboard();
    const dashboard = aDashboard({
      radar: {
        contributors: 6,
        anonymousContributors: 2,
        overall: held,
        pillars: full.radar.pillars.map((p) => ({ ...held, pillarId: p.pillarId })),
      },
      distribution: full.distribution.map((d) => ({ ...held, pillarId: d.pillarId })),
      priorities: {
        lowestPillars: [],
        lowestCriteria: [],
        largestGaps: [],
        heldBackCriteria: { tooFew: 1, fewAnonymous: 29 },
        namedOnlyCriteria: 0,
      },
      indicators: full.indicators.map(({ indicatorId, pillarId, unit }) => ({
        indicatorId,
        pillarId,
        unit,
        ...held,
      })),
    } as Partial<TCycleDashboardResponse>);
    mockApi({ ...base, [dashboardPath]: () => jsonResponse(dashboard) });
    renderApp(`/cycles/${CYCLE_ID}/dashboard`);
    const reason =
      'Held back to protect anonymous members: 2 anonymous members submitted; figures that include them show once at least 5 have (or none)';
    const radar = await screen.findByRole('region', { name: 'Where the network stands' });
    expect(radar).toHaveTextContent(`${reason}.`);
    expect(radar).not.toHaveTextContent('Not enough submissions');
    const distribution = screen.getByRole('region', { name: 'Stages reached, by pillar' });
    expect(within(distribution).getAllByText(reason)).toHaveLength(2);
    const priorities = screen.getByRole('region', { name: 'Collective priorities' });
    expect(within(priorities).getByText(`${reason}.`)).toBeInTheDocument();
    expect(priorities).toHaveTextContent(
      '29 criteria are held back to protect anonymous members: fewer than 5 anonymous and fewer than two named members answered them.',
    );
    expect(priorities).toHaveTextContent('1 criterion is left out: too few members answered it');
    const indicators = screen.getByRole('region', { name: 'Indicators' });
    expect(within(indicators).getAllByText(reason)).toHaveLength(full.indicators.length);
  });

  it('shows the named members’ figures, labelled, while too few anonymous members submitted', async () => {
    signInForTest();
    const named = { basis: 'named', contributors: 4, anonymousLeftOut: 2 } as const;
    const full = aDashboard();
    const dashboard = aDashboard({
      radar: {
        contributors: 6,
        anonymousContributors: 2,
        overall: { status: 'ok', ...named, median: 40, q1: 20, q3: 60 },
        pillars: full.radar.pillars.map((p) => ({
          status: 'ok' as const,
          pillarId: p.pillarId,
          ...named,
          median: 40,
          q1: 20,
          q3: 60,
        })),
      },
      distribution: full.distribution.map((d) => ({
        status: 'ok' as const,
        pillarId: d.pillarId,
        ...named,
        stages: full.levels.map((l, i) => ({ ...l, count: [1, 3, 0, 0][i] ?? 0 })),
      })),
      priorities: {
        lowestPillars: [{ pillarId: 'estates-and-assets', median: 33.3, ...named }],
        lowestCriteria: [
          {
            criterionId: 'spend-analysis',
            pillarId: 'procurement',
            medianLevel: 1.5,
            medianGap: 1,
            ...named,
          },
        ],
        largestGaps: [],
        heldBackCriteria: { tooFew: 0, fewAnonymous: 0 },
        namedOnlyCriteria: 30,
      },
      indicators: [
        {
          indicatorId: 'local-spend-share',
          pillarId: 'procurement',
          unit: 'percent',
          status: 'ok',
          ...named,
          median: 42.5,
        },
      ],
    });
    mockApi({ ...base, [dashboardPath]: () => jsonResponse(dashboard) });
    renderApp(`/cycles/${CYCLE_ID}/dashboard`);
    const label =
      'Named members only (4): the 2 anonymous members are left out until at least 5 anonymous members have submitted.';
    const radar = await screen.findByRole('region', { name: 'Where the network stands' });
    expect(within(radar).getByText(label)).toBeInTheDocument();
    const distribution = screen.getByRole('region', { name: 'Stages reached, by pillar' });
    expect(within(distribution).getByText(label)).toBeInTheDocument();
    expect(
      within(distribution)
        .getByRole('rowheader', { name: /Employment/ })
        .closest('tr'),
    ).toHaveTextContent('13004 named');
    const priorities = screen.getByRole('region', { name: 'Collective priorities' });
    expect(within(priorities).getByText(label)).toBeInTheDocument();
    expect(priorities).toHaveTextContent('median level 1.5 of 4 (Getting started)');
    // All entries are named-only: the label at the top says it once.
    expect(priorities).not.toHaveTextContent('· named members only');
    const indicators = screen.getByRole('region', { name: 'Indicators' });
    expect(within(indicators).getByText(label)).toBeInTheDocument();
    expect(indicators).toHaveTextContent('42.5%');
    expect(screen.queryByText(/Held back|Not enough submissions/)).toBeNull();
  });

  it('copies the collaboration list, and falls back when the clipboard refuses', async () => {
    signInForTest();
    mockApi({ ...base, [dashboardPath]: () => jsonResponse(aDashboard()) });
    const { user } = renderApp(`/cycles/${CYCLE_ID}/dashboard`);
    const section = await screen.findByRole('region', { name: 'Who could help whom' });
    expect(section).toHaveTextContent('Bravo Homes (Getting started, aiming for Embedding)');
    const writeText = vi
      .fn()
      .mockResolvedValueOnce(undefined)
      .mockRejectedValueOnce(new Error('denied'));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(within(section).getByRole('button', { name: 'Copy list' }));
    expect(await screen.findByText('Copied 1 match to the clipboard.')).toBeInTheDocument();
    expect(writeText).toHaveBeenCalledWith(
      expect.stringMatching(
        /Alpha Trust \(Leading\) could help Bravo Homes \(Getting started, aiming for Embedding\)/,
      ),
    );
    await user.click(within(section).getByRole('button', { name: 'Copy list' }));
    expect(await screen.findByText(/Could not copy automatically/)).toBeInTheDocument();
    const text = within(section).getByLabelText('The list as text');
    await waitFor(() => expect(text).toHaveFocus());
    expect((text as HTMLTextAreaElement).value).toContain('could help Bravo Homes');
  });

  it('shows the first six criteria with matches, then all on demand', async () => {
    signInForTest();
    const [match] = aDashboard().collaboration;
    if (!match) throw new Error('fixture has a match');
    const criteria = DEFAULT_FRAMEWORK.pillars[0]?.criteria.map((c) => c.id) ?? [];
    const many = criteria.slice(0, 7).map((criterionId) => ({ ...match, criterionId }));
    expect(many).toHaveLength(7);
    mockApi({ ...base, [dashboardPath]: () => jsonResponse(aDashboard({ collaboration: many })) });
    const { user } = renderApp(`/cycles/${CYCLE_ID}/dashboard`);
    const section = await screen.findByRole('region', { name: 'Who could help whom' });
    expect(within(section).getAllByRole('heading', { level: 3 })).toHaveLength(6);
    const more = within(section).getByRole('button', { name: 'Show all 7 criteria with matches' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    await user.click(more);
    expect(within(section).getAllByRole('heading', { level: 3 })).toHaveLength(7);
    expect(more).toHaveAttribute('aria-expanded', 'true');
  });

  it('downloads a CSV export with the access token', async () => {
    signInForTest();
    const fetchMock = mockApi({
      ...base,
      [dashboardPath]: () => jsonResponse(aDashboard()),
      [`GET /cycles/${CYCLE_ID}/export.csv`]: () =>
        new Response('\ufeffOrganisation\nAlpha Trust\n', {
          status: 200,
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': 'attachment; filename="waymark-northfield-2026-members.csv"',
          },
        }),
    });
    const createObjectURL = vi.fn(() => 'blob:csv');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const { user } = renderApp(`/cycles/${CYCLE_ID}/dashboard`);
    await user.click(await screen.findByRole('button', { name: 'Export members (CSV)' }));
    expect(
      await screen.findByText('Downloading waymark-northfield-2026-members.csv.'),
    ).toBeInTheDocument();
    const call = fetchMock.mock.calls.find(([url]) => String(url).includes('export.csv'));
    expect(String(call?.[0])).toContain('kind=members');
    const headers = (call?.[1]?.headers ?? {}) as Record<string, string>;
    expect(headers.Authorization).toBe('Bearer access-1');
    expect(createObjectURL).toHaveBeenCalled();
  });

  it('says what is missing on an empty dashboard', async () => {
    signInForTest();
    mockApi({ ...base, [dashboardPath]: () => jsonResponse(anEmptyDashboard()) });
    renderApp(`/cycles/${CYCLE_ID}/dashboard`);
    await screen.findByRole('heading', { level: 1, name: 'Dashboard: cycle 2026' });
    expect(screen.getByText('The network has no members yet.')).toBeInTheDocument();
    expect(screen.getByText('No named member has submitted yet.')).toBeInTheDocument();
    expect(
      screen.getByText(/Not enough submissions yet \(0 of 5\): the chart shows/),
    ).toBeInTheDocument();
    expect(screen.getByText(/No match yet/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Copy list' })).not.toBeInTheDocument();
  });

  it('tells a member that only coordinators see it, and shows other failures with a retry', async () => {
    signInForTest();
    mockApi({
      ...base,
      [`GET /networks/${NETWORK_ID}`]: () => jsonResponse(aNetwork({ isCoordinator: false })),
      [dashboardPath]: problem(403, 'forbidden'),
    });
    renderApp(`/cycles/${CYCLE_ID}/dashboard`);
    expect(
      await screen.findByText(/Only the network’s coordinators see the dashboard/),
    ).toBeInTheDocument();
  });

  it('offers to try again when the dashboard fails to load', async () => {
    signInForTest();
    mockApi({
      ...base,
      [dashboardPath]: [problem(500, 'internal_error'), () => jsonResponse(aDashboard())],
    });
    const { user } = renderApp(`/cycles/${CYCLE_ID}/dashboard`);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('We couldn’t load the dashboard');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Dashboard: cycle 2026' }),
    ).toBeInTheDocument();
  });
});
