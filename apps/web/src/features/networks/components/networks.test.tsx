import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  frameworkList,
  frameworkVersion,
  jsonResponse,
  mockApi,
  problemResponse,
} from '../../../testing/api-mocks';
import { renderApp } from '../../../testing/render-app';
import {
  aMeResponse,
  anOrganisation,
  ORG_ID,
  signInForTest,
  USER_ID,
} from '../../../testing/session';
import {
  ASSESSMENT_ID,
  aCoordinator,
  aCycle,
  aCycleDetail,
  aMemberNetwork,
  aNetwork,
  CYCLE_ID,
  LOCAL_AUTHORITIES,
  NETWORK_ID,
  OTHER_USER_ID,
} from '../testing/fixtures';

const me = () => jsonResponse(aMeResponse());

function bodyOf(fetchMock: ReturnType<typeof mockApi>, method: string, suffix: string): unknown {
  const call = fetchMock.mock.calls.find(
    ([url, init]) => String(url).endsWith(suffix) && init?.method === method,
  );
  return call ? JSON.parse(String(call[1]?.body)) : undefined;
}

describe('the networks list', () => {
  it('offers to create a network when there is none', async () => {
    signInForTest();
    mockApi({ 'GET /me': me, 'GET /networks': () => jsonResponse({ items: [] }) });
    const { user, router } = renderApp('/networks');
    await screen.findByRole('heading', { level: 1, name: 'Networks' });
    const empty = await screen.findByRole('region', { name: 'You are not in a network yet' });
    await user.click(within(empty).getByRole('link', { name: 'Create a network' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/networks/new'));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Create a network' }),
    ).toBeInTheDocument();
  });

  it('lists networks with the caller’s relation to each', async () => {
    signInForTest();
    mockApi({
      'GET /me': me,
      'GET /networks': () =>
        jsonResponse({
          items: [aNetwork(), aMemberNetwork({ id: OTHER_USER_ID, name: 'City Businesses' })],
        }),
    });
    renderApp('/networks');
    const link = await screen.findByRole('link', { name: 'Northfield Anchors' });
    expect(link).toHaveAttribute('href', `/networks/${NETWORK_ID}`);
    expect(screen.getByText('You coordinate it')).toBeInTheDocument();
    expect(screen.getByText('Member: Northfield Council')).toBeInTheDocument();
  });

  it('says when the list cannot load, and retries', async () => {
    signInForTest();
    mockApi({
      'GET /me': me,
      'GET /networks': [
        () =>
          problemResponse({
            type: 'about:blank',
            title: 'Boom',
            status: 500,
            code: 'internal_error',
          }),
        () => jsonResponse({ items: [aNetwork()] }),
      ],
    });
    const { user } = renderApp('/networks');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('We couldn’t load your networks');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Northfield Anchors' })).toBeInTheDocument();
  });
});

describe('creating a network', () => {
  it('checks the fields, creates it and opens its home', async () => {
    signInForTest();
    const fetchMock = mockApi({
      'GET /me': me,
      'POST /networks': () => jsonResponse(aNetwork({ description: null }), 201),
      [`GET /networks/${NETWORK_ID}`]: () => jsonResponse(aNetwork({ description: null })),
      [`GET /networks/${NETWORK_ID}/cycles`]: () => jsonResponse({ items: [] }),
    });
    const { user, router } = renderApp('/networks/new');
    await screen.findByRole('heading', { level: 1, name: 'Create a network' });
    await user.click(screen.getByRole('button', { name: 'Create network' }));
    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(summary).toHaveFocus());
    expect(
      within(summary).getByRole('link', { name: 'Enter the name of the network' }),
    ).toBeInTheDocument();
    await user.click(
      within(summary).getByRole('link', { name: 'Enter the place the network serves' }),
    );
    expect(screen.getByLabelText('Place')).toHaveFocus();

    await user.type(screen.getByLabelText('Network name'), 'Northfield Anchors');
    await user.type(screen.getByLabelText('Place'), 'Northfield');
    await user.click(screen.getByRole('button', { name: 'Create network' }));
    await screen.findByRole('heading', { level: 1, name: 'Northfield Anchors' });
    expect(router.state.location.pathname).toBe(`/networks/${NETWORK_ID}`);
    expect(bodyOf(fetchMock, 'POST', '/networks')).toEqual({
      name: 'Northfield Anchors',
      place: 'Northfield',
    });
    // A coordinator's empty network says how to begin.
    const empty = await screen.findByRole('region', { name: 'No assessment cycle yet' });
    expect(within(empty).getByRole('link', { name: 'Open a cycle' })).toHaveAttribute(
      'href',
      `/networks/${NETWORK_ID}/cycles/new`,
    );
  });
});

describe('the network home', () => {
  it('shows a member the open cycle and starts their assessment from it', async () => {
    signInForTest();
    const fetchMock = mockApi({
      'GET /me': me,
      [`GET /networks/${NETWORK_ID}`]: () => jsonResponse(aMemberNetwork()),
      [`GET /networks/${NETWORK_ID}/cycles`]: () =>
        jsonResponse({
          items: [
            aCycle(),
            aCycle({ id: OTHER_USER_ID, name: '2025', status: 'closed', daysLeft: null }),
          ],
        }),
      [`GET /cycles/${CYCLE_ID}`]: () =>
        jsonResponse(
          aCycleDetail({ yourOrganisations: [{ organisationId: ORG_ID, assessment: null }] }),
        ),
      [`POST /cycles/${CYCLE_ID}/assessments`]: () =>
        jsonResponse(
          {
            cycleId: CYCLE_ID,
            organisationId: ORG_ID,
            assessmentId: ASSESSMENT_ID,
            status: 'draft',
            shared: false,
          },
          201,
        ),
    });
    const { user, router } = renderApp(`/networks/${NETWORK_ID}`);
    await screen.findByRole('heading', { level: 1, name: 'Northfield Anchors' });
    const nav = screen.getByRole('navigation', { name: 'Network: Northfield Anchors' });
    expect(within(nav).getByRole('link', { name: 'Overview' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(within(nav).getByRole('link', { name: 'Members' })).toHaveAttribute(
      'href',
      `/networks/${NETWORK_ID}/members`,
    );
    // Settings and Coordinators are for coordinators only.
    expect(within(nav).queryByRole('link', { name: 'Settings' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Open the dashboard' })).not.toBeInTheDocument();
    expect(await screen.findByText('12 days left')).toBeInTheDocument();
    expect(screen.getByText(/Open from 1 March 2026 to 31 May 2026/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '2025' })).toBeInTheDocument();

    await user.click(
      await screen.findByRole('button', { name: 'Start your assessment for Northfield Council' }),
    );
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/assessments/${ASSESSMENT_ID}`),
    );
    expect(bodyOf(fetchMock, 'POST', `/cycles/${CYCLE_ID}/assessments`)).toEqual({
      organisationId: ORG_ID,
    });
  });

  it('offers Continue for an assessment already started, and nothing to start for a viewer', async () => {
    signInForTest();
    const viewerOrg = anOrganisation({
      id: OTHER_USER_ID,
      name: 'Riverside Trust',
      role: 'viewer',
    });
    mockApi({
      'GET /me': () => jsonResponse(aMeResponse([anOrganisation(), viewerOrg])),
      [`GET /networks/${NETWORK_ID}`]: () =>
        jsonResponse(
          aMemberNetwork({
            memberOrganisations: [
              { organisationId: ORG_ID, sharing: 'named' },
              { organisationId: OTHER_USER_ID, sharing: 'anonymous' },
            ],
          }),
        ),
      [`GET /networks/${NETWORK_ID}/cycles`]: () =>
        jsonResponse({ items: [aCycle({ daysLeft: 0 })] }),
      [`GET /cycles/${CYCLE_ID}`]: () =>
        jsonResponse(
          aCycleDetail({
            yourOrganisations: [
              { organisationId: ORG_ID, assessment: { id: ASSESSMENT_ID, status: 'draft' } },
              { organisationId: OTHER_USER_ID, assessment: null },
            ],
          }),
        ),
    });
    renderApp(`/networks/${NETWORK_ID}`);
    expect(
      await screen.findByRole('link', { name: 'Continue for Northfield Council' }),
    ).toHaveAttribute('href', `/assessments/${ASSESSMENT_ID}`);
    expect(screen.getByText('Last day today')).toBeInTheDocument();
    expect(
      screen.getByText('An admin or contributor of your organisation can start it.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Start your assessment/ })).not.toBeInTheDocument();
  });

  it('shows a stranger “not found”', async () => {
    signInForTest();
    mockApi({
      'GET /me': me,
      [`GET /networks/${NETWORK_ID}`]: () =>
        problemResponse({
          type: 'about:blank',
          title: 'Not Found',
          status: 404,
          code: 'not_found',
        }),
    });
    renderApp(`/networks/${NETWORK_ID}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Network not found' }),
    ).toBeInTheDocument();
  });
});

describe('network settings', () => {
  function settingsRoutes(extra: Record<string, Parameters<typeof mockApi>[0][string]> = {}) {
    return {
      'GET /me': me,
      [`GET /networks/${NETWORK_ID}`]: () => jsonResponse(aNetwork()),
      'GET /local-authorities': () => jsonResponse(LOCAL_AUTHORITIES),
      'GET /frameworks': () => jsonResponse(frameworkList()),
      'GET /frameworks/anchor-progression/versions/1': () => jsonResponse(frameworkVersion()),
      ...extra,
    };
  }

  it('picks and removes districts with the keyboard and saves every setting', async () => {
    signInForTest();
    const fetchMock = mockApi(
      settingsRoutes({
        [`PATCH /networks/${NETWORK_ID}`]: () =>
          jsonResponse(aNetwork({ updatedAt: '2026-03-13T09:00:00.000Z' })),
      }),
    );
    const { user } = renderApp(`/networks/${NETWORK_ID}/settings`);
    await screen.findByRole('heading', { level: 1, name: 'Network settings' });
    const search = await screen.findByRole('searchbox', {
      name: 'Search districts by name, code or region',
    });
    await user.type(search, 'wake');
    expect(screen.getByText('1 district matches “wake”.')).toBeInTheDocument();
    // Enter in the search box does not submit the form.
    await user.keyboard('{Enter}');
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'PATCH')).toBe(false);
    await user.tab();
    expect(screen.getByRole('checkbox', { name: /Wakefield/ })).toHaveFocus();
    await user.keyboard(' ');
    await user.clear(search);
    await user.type(search, 'E08000035');
    await user.click(screen.getByRole('checkbox', { name: /Leeds/ }));
    const chosen = screen.getByRole('list', { name: 'Chosen: 2' });
    const removeWakefield = within(chosen).getByRole('button', { name: 'Remove Wakefield' });
    removeWakefield.focus();
    await user.keyboard('{Enter}');
    expect(
      within(screen.getByRole('list', { name: 'Chosen: 1' })).queryByRole('button', {
        name: 'Remove Wakefield',
      }),
    ).toBeNull();
    // Focus moves to the chip that took its place, never to the page.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Remove Leeds' })).toHaveFocus());

    const size = screen.getByLabelText('Minimum group size');
    expect(size).toHaveAccessibleDescription(
      expect.stringContaining('nobody can work out one member’s results'),
    );
    await user.clear(size);
    await user.type(size, '7');
    await user.click(await screen.findByRole('checkbox', { name: /Service delivery/ }));
    await user.clear(screen.getByLabelText('Days before the closing date'));
    await user.type(screen.getByLabelText('Days before the closing date'), '10');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    expect(bodyOf(fetchMock, 'PATCH', `/networks/${NETWORK_ID}`)).toEqual({
      name: 'Northfield Anchors',
      place: 'Northfield',
      description: 'Local anchors working together.',
      settings: {
        localAuthorityCodes: ['E08000035'],
        minGroupSize: 7,
        optionalPillars: ['service-delivery'],
        reminderDaysBefore: 10,
      },
    });
  });

  it('refuses a group size under 3 and reminders turned off send null', async () => {
    signInForTest();
    const fetchMock = mockApi(
      settingsRoutes({ [`PATCH /networks/${NETWORK_ID}`]: () => jsonResponse(aNetwork()) }),
    );
    const { user } = renderApp(`/networks/${NETWORK_ID}/settings`);
    const size = await screen.findByLabelText('Minimum group size');
    await user.clear(size);
    await user.type(size, '2');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Enter 3 or more' })).toBeInTheDocument();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'PATCH')).toBe(false);

    await user.clear(size);
    await user.type(size, '5');
    await user.click(screen.getByLabelText('No automatic reminder'));
    expect(screen.queryByLabelText('Days before the closing date')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Settings saved.');
    expect(bodyOf(fetchMock, 'PATCH', `/networks/${NETWORK_ID}`)).toMatchObject({
      settings: { minGroupSize: 5, reminderDaysBefore: null },
    });
  });

  it('shows an unknown district refused by the server in the error summary', async () => {
    signInForTest();
    mockApi(
      settingsRoutes({
        [`PATCH /networks/${NETWORK_ID}`]: () =>
          problemResponse({
            type: 'about:blank',
            title: 'Unprocessable Content',
            status: 422,
            code: 'unknown_local_authority',
            detail:
              'Unknown local authority code: E99999999. Use ONS district codes from GET /api/v1/local-authorities.',
          }),
      }),
    );
    const { user } = renderApp(`/networks/${NETWORK_ID}/settings`);
    await user.click(await screen.findByRole('button', { name: 'Save settings' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Could not save the settings');
    expect(summary).toHaveTextContent(
      'A local authority district you chose is not in Waymark’s list.',
    );
    expect(summary).not.toHaveTextContent('GET /api/v1');
  });

  it('tells a member that only coordinators change settings', async () => {
    signInForTest();
    mockApi({
      ...settingsRoutes(),
      [`GET /networks/${NETWORK_ID}`]: () => jsonResponse(aMemberNetwork()),
    });
    renderApp(`/networks/${NETWORK_ID}/settings`);
    expect(
      await screen.findByText('Only the network’s coordinators can change its settings.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save settings' })).not.toBeInTheDocument();
  });
});

describe('coordinators', () => {
  const grace = aCoordinator({
    userId: OTHER_USER_ID,
    name: 'Grace Hopper',
    email: 'grace@example.org',
  });

  it('adds a coordinator, and explains an address with no account', async () => {
    signInForTest();
    const fetchMock = mockApi({
      'GET /me': me,
      [`GET /networks/${NETWORK_ID}`]: () => jsonResponse(aNetwork()),
      [`GET /networks/${NETWORK_ID}/coordinators`]: [
        () => jsonResponse({ items: [aCoordinator()] }),
        () => jsonResponse({ items: [aCoordinator(), grace] }),
      ],
      [`POST /networks/${NETWORK_ID}/coordinators`]: [
        () =>
          problemResponse({
            type: 'about:blank',
            title: 'Unprocessable Content',
            status: 422,
            code: 'unknown_user',
            detail:
              'No Waymark account uses nobody@example.org: ask them to register, then add them.',
          }),
        () => jsonResponse(grace, 201),
      ],
    });
    const { user } = renderApp(`/networks/${NETWORK_ID}/coordinators`);
    await screen.findByRole('heading', { level: 1, name: 'Coordinators' });
    expect(
      await screen.findByText(
        'You are the only coordinator: add someone else before you step down.',
      ),
    ).toBeInTheDocument();
    const email = screen.getByLabelText('Email address');
    await user.type(email, 'nobody@example.org');
    await user.click(screen.getByRole('button', { name: 'Add coordinator' }));
    await waitFor(() =>
      expect(email).toHaveAccessibleDescription(
        expect.stringContaining('No Waymark account uses that email: ask them to register first'),
      ),
    );
    await user.clear(email);
    await user.type(email, 'grace@example.org');
    await user.click(screen.getByRole('button', { name: 'Add coordinator' }));
    expect(await screen.findByText('Grace Hopper is now a coordinator.')).toBeInTheDocument();
    expect(await screen.findByText('grace@example.org')).toBeInTheDocument();
    expect(bodyOf(fetchMock, 'POST', `/networks/${NETWORK_ID}/coordinators`)).toEqual({
      email: 'nobody@example.org',
    });
  });

  it('explains the last coordinator cannot step down, inside the confirm dialog', async () => {
    signInForTest();
    mockApi({
      'GET /me': me,
      [`GET /networks/${NETWORK_ID}`]: () => jsonResponse(aNetwork()),
      [`GET /networks/${NETWORK_ID}/coordinators`]: () => jsonResponse({ items: [aCoordinator()] }),
      [`DELETE /networks/${NETWORK_ID}/coordinators/${USER_ID}`]: () =>
        problemResponse({
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          code: 'last_coordinator',
          detail: 'A network needs at least one coordinator: add someone else first.',
        }),
    });
    const { user } = renderApp(`/networks/${NETWORK_ID}/coordinators`);
    await user.click(await screen.findByRole('button', { name: 'Step down' }));
    const dialog = await screen.findByRole('dialog', { name: 'Step down as coordinator?' });
    // Cancel comes first: Escape or Enter on it changes nothing.
    await user.click(within(dialog).getByRole('button', { name: 'Step down' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The network needs a coordinator');
    expect(alert).toHaveTextContent('Add someone else as a coordinator first');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Step down' })).toHaveFocus();
  });

  it('removes another coordinator after confirming', async () => {
    signInForTest();
    const fetchMock = mockApi({
      'GET /me': me,
      [`GET /networks/${NETWORK_ID}`]: () => jsonResponse(aNetwork()),
      [`GET /networks/${NETWORK_ID}/coordinators`]: [
        () => jsonResponse({ items: [aCoordinator(), grace] }),
        () => jsonResponse({ items: [aCoordinator()] }),
      ],
      [`DELETE /networks/${NETWORK_ID}/coordinators/${OTHER_USER_ID}`]: () =>
        new Response(null, { status: 204 }),
    });
    const { user } = renderApp(`/networks/${NETWORK_ID}/coordinators`);
    await user.click(await screen.findByRole('button', { name: 'Remove Grace Hopper' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove Grace Hopper?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove Grace Hopper' }));
    expect(
      await screen.findByText('Grace Hopper no longer coordinates the network.'),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('grace@example.org')).not.toBeInTheDocument());
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(true);
  });
});
