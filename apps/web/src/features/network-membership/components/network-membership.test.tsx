import { screen, waitFor, within } from '@testing-library/react';
import type {
  TCycle,
  TNetwork,
  TNetworkInvitation,
  TNetworkInvitationPreview,
  TNetworkMember,
} from '@waymark/rubric';
import { beforeEach, describe, expect, it } from 'vitest';
import { jsonResponse, mockApi, problemResponse } from '../../../testing/api-mocks';
import { renderApp } from '../../../testing/render-app';
import {
  aMeResponse,
  anOrganisation,
  CREATED_AT,
  ORG_ID,
  signInForTest,
} from '../../../testing/session';

const NETWORK_ID = '66666666-6666-4666-8666-666666666666';
const CYCLE_ID = '88888888-8888-4888-8888-888888888888';
const OTHER_ORG_ID = '99999999-9999-4999-8999-999999999999';
const INVITATION_ID = '55555555-5555-4555-8555-555555555555';
const TOKEN = 'a'.repeat(43);
const MEMBERS = `/networks/${NETWORK_ID}/members`;

function aNetwork(overrides: Partial<TNetwork> = {}): TNetwork {
  return {
    id: NETWORK_ID,
    name: 'Northfield Anchors',
    place: 'Northfield',
    description: null,
    settings: { localAuthorities: [], minGroupSize: 5, optionalPillars: [], reminderDaysBefore: 7 },
    isCoordinator: true,
    memberOrganisations: [],
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...overrides,
  };
}

function aMember(overrides: Partial<TNetworkMember> = {}): TNetworkMember {
  return {
    organisationId: OTHER_ORG_ID,
    name: 'Riverside Builders',
    type: 'business',
    sizeBand: 'small',
    sharing: 'named',
    joinedAt: CREATED_AT,
    isOwn: false,
    canManage: false,
    ...overrides,
  };
}

function anInvitation(overrides: Partial<TNetworkInvitation> = {}): TNetworkInvitation {
  return {
    id: INVITATION_ID,
    organisationName: 'Eastgate Food Bank',
    email: 'hello@eastgate.example',
    organisationType: 'voluntary_community',
    sizeBand: 'micro',
    status: 'pending',
    expiresAt: '2026-04-12T09:00:00.000Z',
    createdAt: CREATED_AT,
    acceptedAt: null,
    revokedAt: null,
    acceptedOrganisation: null,
    ...overrides,
  };
}

function anOpenCycle(overrides: Partial<TCycle> = {}): TCycle {
  return {
    id: CYCLE_ID,
    networkId: NETWORK_ID,
    name: '2026',
    frameworkId: 'anchor-progression',
    frameworkVersion: 1,
    opensOn: '2026-01-01',
    closesOn: '2026-03-31',
    status: 'open',
    daysLeft: 12,
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...overrides,
  };
}

const common = {
  'GET /me': () => jsonResponse(aMeResponse()),
  'GET /notices': () => jsonResponse({ items: [], nextCursor: null, unreadCount: 0 }),
};

function coordinatorRoutes(extra: Record<string, Parameters<typeof mockApi>[0][string]> = {}) {
  return {
    ...common,
    [`GET /networks/${NETWORK_ID}`]: () => jsonResponse(aNetwork()),
    [`GET /networks/${NETWORK_ID}/members`]: () =>
      jsonResponse({
        items: [
          aMember(),
          aMember({ organisationId: ORG_ID, name: 'Quiet Trust', sharing: 'anonymous' }),
        ],
        isCoordinator: true,
      }),
    [`GET /networks/${NETWORK_ID}/cycles`]: () => jsonResponse({ items: [anOpenCycle()] }),
    [`GET /networks/${NETWORK_ID}/invitations`]: () =>
      jsonResponse({
        items: [
          anInvitation(),
          anInvitation({
            id: OTHER_ORG_ID,
            status: 'accepted',
            organisationName: 'Riverside Builders',
            acceptedAt: CREATED_AT,
          }),
        ],
      }),
    ...extra,
  };
}

beforeEach(() => {
  signInForTest();
});

describe('network members page (coordinator)', () => {
  it('lists every member with its sharing level and the invitations with their status', async () => {
    mockApi(coordinatorRoutes());
    renderApp(MEMBERS);
    await screen.findByRole('heading', { level: 1, name: 'Members' });
    // In the network's navigation, as its current section.
    const nav = screen.getByRole('navigation', { name: 'Network: Northfield Anchors' });
    expect(within(nav).getByRole('link', { name: 'Members and invitations' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    const members = await screen.findByRole('table', { name: '2 members' });
    const rows = within(members).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Riverside Builders',
      'Quiet Trust',
    ]);
    expect(rows[1]).toHaveTextContent('Anonymous');
    // Coordinators cannot change a member's consent.
    expect(within(members).queryByRole('button', { name: /Change sharing/ })).toBeNull();

    const invitations = await screen.findByRole('table', { name: /2 invitations/ });
    expect(within(invitations).getAllByRole('row')[1]).toHaveTextContent('Waiting');
    expect(within(invitations).getAllByRole('row')[2]).toHaveTextContent('Joined');
    expect(
      within(invitations).getAllByRole('button', { name: /Revoke invitation to/ }),
    ).toHaveLength(1);
  });

  it('invites one organisation and shows the link when no email is sent', async () => {
    const fetchMock = mockApi(
      coordinatorRoutes({
        [`POST /networks/${NETWORK_ID}/invitations`]: () =>
          jsonResponse(
            {
              invitation: anInvitation(),
              delivery: 'link',
              inviteUrl: `http://localhost/network-invitations/accept?token=${TOKEN}`,
            },
            201,
          ),
      }),
    );
    const { user } = renderApp(MEMBERS);
    await screen.findByRole('heading', { level: 1, name: 'Members' });
    const form = screen.getByRole('form', { name: 'Invite an organisation' });
    await user.click(within(form).getByRole('button', { name: 'Send invitation' }));
    const summary = await within(form).findByRole('alert');
    expect(summary).toHaveTextContent('Enter the name of the organisation');
    expect(summary).toHaveTextContent('Enter the contact’s email address');

    await user.type(within(form).getByLabelText('Organisation name'), 'Eastgate Food Bank');
    await user.type(within(form).getByLabelText('Contact email address'), 'hello@eastgate.example');
    await user.selectOptions(
      within(form).getByLabelText(/Type of organisation/),
      'Voluntary and community',
    );
    await user.click(within(form).getByRole('button', { name: 'Send invitation' }));
    expect(await screen.findByText('Invitation ready: send the link yourself')).toBeInTheDocument();
    expect(screen.getByLabelText('Invitation link')).toHaveValue(
      `http://localhost/network-invitations/accept?token=${TOKEN}`,
    );
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      organisationName: 'Eastgate Food Bank',
      email: 'hello@eastgate.example',
      organisationType: 'voluntary_community',
    });
  });

  it('imports a CSV file and reports each row, accepted or refused and why', async () => {
    const fetchMock = mockApi(
      coordinatorRoutes({
        [`POST /networks/${NETWORK_ID}/invitations/import`]: () =>
          jsonResponse({
            accepted: 1,
            refused: 1,
            delivery: 'link',
            rows: [
              {
                row: 1,
                organisationName: 'Riverside Builders',
                email: 'jo@riverside.example',
                outcome: 'accepted',
                invitationId: INVITATION_ID,
                inviteUrl: `http://localhost/network-invitations/accept?token=${TOKEN}`,
              },
              {
                row: 2,
                organisationName: 'Nameless',
                email: 'not-an-email',
                outcome: 'refused',
                reason: 'invalid_email',
              },
            ],
          }),
      }),
    );
    const { user } = renderApp(MEMBERS);
    await screen.findByRole('heading', { level: 1, name: 'Members' });
    const form = screen.getByRole('form', { name: 'Invite from a CSV file' });
    const template = within(form).getByRole('link', { name: 'Download a template (CSV)' });
    expect(decodeURIComponent(template.getAttribute('href') ?? '')).toContain(
      'Organisation name,Contact email,Type,Size',
    );
    await user.click(within(form).getByRole('button', { name: 'Upload and invite' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('Choose a CSV file to upload');

    const csv =
      'Organisation name,Contact email\nRiverside Builders,jo@riverside.example\nNameless,not-an-email\n';
    await user.upload(
      within(form).getByLabelText('CSV file'),
      new File([csv], 'members.csv', { type: 'text/csv' }),
    );
    await user.click(within(form).getByRole('button', { name: 'Upload and invite' }));
    const report = await screen.findByRole('table', {
      name: 'What happened to each row of the file',
    });
    const rows = within(report).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Invited');
    expect(rows[1]).toHaveTextContent('Refused: The contact email is not an email address');
    expect(screen.getByText('1 invitation created, 1 row refused')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Download the invitation links (CSV)' }),
    ).toBeInTheDocument();
    const post = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/invitations/import'));
    const body = post?.[1]?.body;
    expect(body).toBeInstanceOf(File);
    expect(await (body as File).text()).toBe(csv);
    const headers = (post?.[1]?.headers ?? {}) as Record<string, string>;
    expect(headers['Content-Type']).toContain('text/csv');
  });

  it('shows a malformed file’s refusal in the error summary', async () => {
    mockApi(
      coordinatorRoutes({
        [`POST /networks/${NETWORK_ID}/invitations/import`]: () =>
          problemResponse({
            type: 'about:blank',
            title: 'Unprocessable',
            status: 422,
            code: 'csv_missing_column',
            detail: 'The file has no "Contact email" column.',
          }),
      }),
    );
    const { user } = renderApp(MEMBERS);
    await screen.findByRole('heading', { level: 1, name: 'Members' });
    const form = screen.getByRole('form', { name: 'Invite from a CSV file' });
    await user.upload(
      within(form).getByLabelText('CSV file'),
      new File(['Name\nx\n'], 'bad.csv', { type: 'text/csv' }),
    );
    await user.click(within(form).getByRole('button', { name: 'Upload and invite' }));
    const summary = await within(form).findByRole('alert');
    expect(summary).toHaveTextContent('The file was not imported');
    expect(summary).toHaveTextContent('The file has no "Contact email" column.');
    expect(screen.queryByRole('table', { name: /What happened/ })).toBeNull();
  });

  it('revokes a pending invitation after confirming', async () => {
    const fetchMock = mockApi(
      coordinatorRoutes({
        [`DELETE /networks/${NETWORK_ID}/invitations/${INVITATION_ID}`]: () =>
          new Response(null, { status: 204 }),
      }),
    );
    const { user } = renderApp(MEMBERS);
    await user.click(
      await screen.findByRole('button', { name: 'Revoke invitation to Eastgate Food Bank' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Revoke this invitation?' });
    await user.click(within(dialog).getByRole('button', { name: 'Revoke invitation' }));
    expect(
      await screen.findByText('Invitation to Eastgate Food Bank revoked.'),
    ).toBeInTheDocument();
    expect(
      fetchMock.mock.calls.some(
        ([url, init]) =>
          String(url).endsWith(`/invitations/${INVITATION_ID}`) && init?.method === 'DELETE',
      ),
    ).toBe(true);
  });

  it('sends a reminder for the open cycle after confirming, and says how many', async () => {
    const fetchMock = mockApi(
      coordinatorRoutes({
        [`POST /cycles/${CYCLE_ID}/reminders`]: () =>
          jsonResponse(
            {
              cycleId: CYCLE_ID,
              key: 'manual:1',
              sent: 3,
              recentlyReminded: 1,
              email: false,
              organisations: [],
            },
            201,
          ),
      }),
    );
    const { user } = renderApp(MEMBERS);
    expect(await screen.findByText(/is open until 31 March 2026/)).toHaveTextContent(
      '12 days left',
    );
    await user.click(screen.getByRole('button', { name: 'Send reminder for 2026' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remind members about 2026?' });
    await user.click(within(dialog).getByRole('button', { name: 'Send reminder' }));
    await waitFor(() =>
      expect(
        screen.getAllByText(/Reminder sent to 3 members as a notice in Waymark\./),
      ).not.toHaveLength(0),
    );
    expect(
      screen.getAllByText(/1 member was reminded in the last 24 hours/)[0],
    ).toBeInTheDocument();
    const post = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/reminders'));
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({});
  });
});

describe('network members page (member organisation admin)', () => {
  const memberRoutes = (extra = {}) => ({
    ...common,
    [`GET /networks/${NETWORK_ID}`]: () =>
      jsonResponse(
        aNetwork({
          isCoordinator: false,
          memberOrganisations: [{ organisationId: ORG_ID, sharing: 'named' }],
        }),
      ),
    [`GET /networks/${NETWORK_ID}/members`]: () =>
      jsonResponse({
        items: [
          aMember({
            organisationId: ORG_ID,
            name: 'Northfield Council',
            type: 'public_sector',
            sizeBand: 'large',
            isOwn: true,
            canManage: true,
          }),
          aMember({ sharing: null }),
        ],
        isCoordinator: false,
      }),
    ...extra,
  });

  it('changes the sharing level with the consequences explained', async () => {
    const fetchMock = mockApi(
      memberRoutes({
        [`PATCH /networks/${NETWORK_ID}/members/${ORG_ID}`]: () =>
          jsonResponse(aMember({ organisationId: ORG_ID, sharing: 'anonymous', isOwn: true })),
      }),
    );
    const { user } = renderApp(MEMBERS);
    await screen.findByRole('table', { name: '2 members' });
    expect(screen.getByText(/Anonymous members are not listed/)).toBeInTheDocument();
    // Neither invitations nor reminders for a member.
    expect(screen.queryByRole('form', { name: 'Invite an organisation' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Reminders' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Change sharing of Northfield Council' }));
    const dialog = await screen.findByRole('dialog');
    const anonymous = within(dialog).getByRole('radio', { name: 'Anonymous' });
    expect(anonymous).toHaveAccessibleDescription(/never its scores/);
    expect(within(dialog).getByRole('radio', { name: 'Named' })).toBeChecked();
    await user.click(anonymous);
    await user.click(within(dialog).getByRole('button', { name: 'Save sharing level' }));
    expect(
      await screen.findByText('Northfield Council now shares as anonymous.'),
    ).toBeInTheDocument();
    const patch = fetchMock.mock.calls.find(([, init]) => init?.method === 'PATCH');
    expect(JSON.parse(String(patch?.[1]?.body))).toEqual({ sharing: 'anonymous' });
  });

  it('leaves the network after confirming and goes to the networks list', async () => {
    const fetchMock = mockApi(
      memberRoutes({
        [`DELETE /networks/${NETWORK_ID}/members/${ORG_ID}`]: () =>
          new Response(null, { status: 204 }),
      }),
    );
    const { user, router } = renderApp(MEMBERS);
    await user.click(
      await screen.findByRole('button', { name: 'Leave the network as Northfield Council' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Take Northfield Council out of Northfield Anchors?',
    });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(false);

    await user.click(
      screen.getByRole('button', { name: 'Leave the network as Northfield Council' }),
    );
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Leave the network' }),
    );
    await waitFor(() => expect(router.state.location.pathname).toBe('/networks'));
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(true);
  });

  it('says "not found" for a network the caller cannot see', async () => {
    mockApi({
      ...common,
      [`GET /networks/${NETWORK_ID}`]: () =>
        problemResponse({
          type: 'about:blank',
          title: 'Not Found',
          status: 404,
          code: 'not_found',
        }),
    });
    renderApp(MEMBERS);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Network not found' }),
    ).toBeInTheDocument();
  });
});

function aPreview(overrides: Partial<TNetworkInvitationPreview> = {}): TNetworkInvitationPreview {
  return {
    networkName: 'Northfield Anchors',
    networkPlace: 'Northfield',
    organisationName: 'Eastgate Food Bank',
    email: 'ada@example.org',
    organisationType: 'voluntary_community',
    sizeBand: 'micro',
    expiresAt: '2026-04-12T09:00:00.000Z',
    status: 'pending',
    ...overrides,
  };
}

const ACCEPT = `/network-invitations/accept?token=${TOKEN}`;

describe('accepting a network invitation', () => {
  it('asks a visitor to sign in or register first, with the address prefilled', async () => {
    const { resetSessionForTests } = await import('../../../lib/session');
    resetSessionForTests({ status: 'signed-out', reason: 'initial' });
    mockApi({ 'GET /network-invitations/preview': () => jsonResponse(aPreview()) });
    renderApp(ACCEPT);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Join Northfield Anchors' }),
    ).toBeInTheDocument();
    const register = screen.getByRole('link', { name: 'Create an account' });
    expect(register.getAttribute('href')).toContain('email=ada%40example.org');
    expect(register.getAttribute('href')).toContain(encodeURIComponent(ACCEPT));
    expect(
      within(screen.getByRole('main')).getByRole('link', { name: 'Sign in' }),
    ).toBeInTheDocument();
  });

  it('creates the organisation from the invitation, with the sharing level chosen', async () => {
    const fetchMock = mockApi({
      ...common,
      'GET /me': () => jsonResponse(aMeResponse([])),
      'GET /network-invitations/preview': () => jsonResponse(aPreview()),
      'POST /network-invitations/accept': () =>
        jsonResponse({
          networkId: NETWORK_ID,
          organisation: anOrganisation({ id: OTHER_ORG_ID, name: 'Eastgate Food Bank' }),
          member: aMember({ organisationId: OTHER_ORG_ID, sharing: 'anonymous' }),
        }),
    });
    const { user, router } = renderApp(ACCEPT);
    await screen.findByRole('heading', { level: 1, name: 'Join Northfield Anchors' });
    expect(await screen.findByLabelText('Organisation name')).toHaveValue('Eastgate Food Bank');
    expect(screen.getByLabelText('Type of organisation')).toHaveValue('voluntary_community');
    expect(screen.getByLabelText(/^Size/)).toHaveValue('micro');
    // Consent is never assumed: no level is chosen until the person chooses one.
    expect(screen.getByRole('radio', { name: 'Named' })).not.toBeChecked();
    expect(screen.getByRole('radio', { name: 'Anonymous' })).not.toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Accept and join Northfield Anchors' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Choose how your organisation shares its results');
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);

    await user.click(screen.getByRole('radio', { name: 'Anonymous' }));
    await user.click(screen.getByRole('button', { name: 'Accept and join Northfield Anchors' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/networks/${NETWORK_ID}`));
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      token: TOKEN,
      sharing: 'anonymous',
      createOrganisation: {
        name: 'Eastgate Food Bank',
        type: 'voluntary_community',
        sizeBand: 'micro',
        sector: null,
        localAuthority: null,
        employees: null,
      },
    });
  });

  it('joins with an organisation the caller administers', async () => {
    const fetchMock = mockApi({
      ...common,
      'GET /network-invitations/preview': () => jsonResponse(aPreview()),
      'POST /network-invitations/accept': () =>
        jsonResponse({
          networkId: NETWORK_ID,
          organisation: anOrganisation(),
          member: aMember({ organisationId: ORG_ID }),
        }),
    });
    const { user, router } = renderApp(ACCEPT);
    await user.click(await screen.findByRole('radio', { name: /Northfield Council/ }));
    expect(screen.queryByLabelText('Organisation name')).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'Named' }));
    await user.click(screen.getByRole('button', { name: 'Accept and join Northfield Anchors' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/networks/${NETWORK_ID}`));
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      token: TOKEN,
      sharing: 'named',
      organisationId: ORG_ID,
    });
  });

  it('says so when the chosen organisation is already in the network', async () => {
    mockApi({
      ...common,
      'GET /network-invitations/preview': () => jsonResponse(aPreview()),
      'POST /network-invitations/accept': () =>
        problemResponse({
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          code: 'already_member',
          detail: 'This organisation is already a member of the network.',
        }),
    });
    const { user } = renderApp(ACCEPT);
    await user.click(await screen.findByRole('radio', { name: /Northfield Council/ }));
    await user.click(screen.getByRole('radio', { name: 'Named' }));
    await user.click(screen.getByRole('button', { name: 'Accept and join Northfield Anchors' }));
    const summary = await screen.findByRole('alert');
    await waitFor(() =>
      expect(summary).toHaveTextContent('This organisation is already a member of the network.'),
    );
    expect(summary).not.toHaveTextContent('This person is already a member');
  });

  it('says when the link was for someone else, or has been used', async () => {
    mockApi({
      ...common,
      'GET /network-invitations/preview': [
        () => jsonResponse(aPreview({ email: 'someone@else.example' })),
      ],
    });
    renderApp(ACCEPT);
    expect(await screen.findByText(/but this invitation is for/)).toHaveTextContent(
      'someone@else.example',
    );
  });

  it('explains a used invitation', async () => {
    mockApi({
      ...common,
      'GET /network-invitations/preview': () => jsonResponse(aPreview({ status: 'accepted' })),
    });
    renderApp(ACCEPT);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This invitation has been used' }),
    ).toBeInTheDocument();
  });
});

describe('a member’s results for a coordinator', () => {
  const PATH = `/cycles/${CYCLE_ID}/members/${OTHER_ORG_ID}`;
  // The page sits in the cycle's layout, which loads the cycle and its network for the navigation.
  const layout = {
    [`GET /cycles/${CYCLE_ID}`]: () => jsonResponse({ ...anOpenCycle(), yourOrganisations: [] }),
    [`GET /networks/${NETWORK_ID}`]: () => jsonResponse(aNetwork()),
  };

  it('says "not found or not shared" for an anonymous member or a stranger', async () => {
    mockApi({
      ...common,
      ...layout,
      [`GET /cycles/${CYCLE_ID}/members/${OTHER_ORG_ID}/results`]: () =>
        problemResponse({
          type: 'about:blank',
          title: 'Not Found',
          status: 404,
          code: 'not_found',
        }),
    });
    renderApp(PATH);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Results not found or not shared' }),
    ).toBeInTheDocument();
  });

  it('shows a named member’s scores read-only', async () => {
    const { DEFAULT_FRAMEWORK, buildAssessmentResults } = await import('@waymark/rubric');
    const body = buildAssessmentResults(
      DEFAULT_FRAMEWORK,
      DEFAULT_FRAMEWORK.pillars.flatMap((p) =>
        p.criteria.map((c) => ({
          criterionId: c.id,
          level: 3,
          notApplicable: false,
          targetLevel: 4,
        })),
      ),
      { profile: { organisationType: 'business', sizeBand: 'large' } },
    );
    mockApi({
      ...common,
      ...layout,
      [`GET /cycles/${CYCLE_ID}/members/${OTHER_ORG_ID}/results`]: () =>
        jsonResponse({
          assessmentId: INVITATION_ID,
          status: 'submitted',
          revision: 2,
          source: 'submitted',
          framework: { id: DEFAULT_FRAMEWORK.id, version: DEFAULT_FRAMEWORK.version },
          ...body,
          cycleId: CYCLE_ID,
          organisationId: OTHER_ORG_ID,
          organisationName: 'Riverside Builders',
          sharing: 'named',
          submittedAt: CREATED_AT,
        }),
    });
    renderApp(PATH);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Riverside Builders: results' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Revision 2, submitted on 12 March 2026/)).toBeInTheDocument();
    const scores = screen.getByRole('table', { name: 'Score and stage of each pillar' });
    expect(within(scores).getAllByText('67')).toHaveLength(5);
    // The same read-only summary as the organisation's own results page: radar and gaps to target.
    const radar = screen.getByRole('table', {
      name: 'Pillar scores today and at target, out of 100',
    });
    expect(within(radar).getAllByRole('row')).toHaveLength(6);
    const gapsHeading = screen.getByRole('heading', { name: 'Largest gaps to target' });
    const gaps = within(gapsHeading.parentElement as HTMLElement).getAllByRole('listitem');
    expect(gaps).toHaveLength(body.priorities.criteria.length);
    const first = body.priorities.criteria[0];
    const firstPillar = body.pillars.find((p) => p.pillarId === first?.pillarId);
    expect(gaps[0]).toHaveTextContent(`${first?.title} (${firstPillar?.title})`);
    expect(gaps[0]).toHaveTextContent(`Today 3. ${first?.levelName}, target level 4`);
    const main = screen.getByRole('main');
    expect(
      within(main).queryByRole('button', { name: /action plan|Export|Edit|Reopen/i }),
    ).toBeNull();
  });
});
