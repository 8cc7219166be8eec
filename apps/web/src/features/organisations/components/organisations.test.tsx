import { screen, waitFor, within } from '@testing-library/react';
import type { TInvitation, TMember } from '@waymark/rubric';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi, problemResponse } from '../../../testing/api-mocks';
import { renderApp } from '../../../testing/render-app';
import {
  aMeResponse,
  anOrganisation,
  CREATED_AT,
  ORG_ID,
  signInForTest,
  USER_ID,
} from '../../../testing/session';

const NEW_ORG_ID = '33333333-3333-4333-8333-333333333333';
const COLLEAGUE_ID = '44444444-4444-4444-8444-444444444444';
const INVITATION_ID = '55555555-5555-4555-8555-555555555555';

function aMember(overrides: Partial<TMember> = {}): TMember {
  return {
    userId: USER_ID,
    name: 'Ada Lovelace',
    email: 'ada@example.org',
    role: 'admin',
    joinedAt: CREATED_AT,
    ...overrides,
  };
}

function anInvitation(overrides: Partial<TInvitation> = {}): TInvitation {
  return {
    id: INVITATION_ID,
    email: 'grace@example.org',
    role: 'contributor',
    status: 'pending',
    expiresAt: '2026-03-26T09:00:00.000Z',
    createdAt: CREATED_AT,
    acceptedAt: null,
    revokedAt: null,
    ...overrides,
  };
}

const peopleRoutes = {
  'GET /me': () => jsonResponse(aMeResponse()),
  [`GET /organisations/${ORG_ID}`]: () => jsonResponse(anOrganisation()),
  [`GET /organisations/${ORG_ID}/members`]: () =>
    jsonResponse({
      items: [
        aMember(),
        aMember({
          userId: COLLEAGUE_ID,
          name: 'Grace Hopper',
          email: 'grace@example.org',
          role: 'viewer',
        }),
      ],
    }),
  [`GET /organisations/${ORG_ID}/invitations`]: () => jsonResponse({ items: [] }),
};

describe('create an organisation', () => {
  it('checks the profile, creates it and opens its home', async () => {
    signInForTest();
    const created = anOrganisation({
      id: NEW_ORG_ID,
      name: 'Riverside Builders',
      type: 'business',
      sizeBand: 'small',
      sector: null,
      localAuthority: 'Leeds',
      employees: 32,
    });
    const fetchMock = mockApi({
      'GET /me': [() => jsonResponse(aMeResponse([])), () => jsonResponse(aMeResponse([created]))],
      'POST /organisations': () => jsonResponse(created, 201),
      [`GET /organisations/${NEW_ORG_ID}`]: () => jsonResponse(created),
    });
    const { user, router } = renderApp('/orgs/new');
    await screen.findByRole('heading', { level: 1, name: 'Create your organisation' });

    await user.click(screen.getByRole('button', { name: 'Create organisation' }));
    const name = screen.getByLabelText('Organisation name');
    // Focus settles on the error summary (the GOV.UK pattern), whose first link leads to the name.
    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(summary).toHaveFocus());
    await user.click(
      await within(summary).findByRole('link', { name: 'Enter the name of the organisation' }),
    );
    expect(name).toHaveFocus();
    expect(screen.getByLabelText('Type of organisation')).toHaveAccessibleDescription(
      expect.stringContaining('Error: Choose the type of organisation'),
    );
    expect(fetchMock.mock.calls.some(([url]) => String(url).endsWith('/organisations'))).toBe(
      false,
    );

    await user.type(name, 'Riverside Builders');
    await user.selectOptions(screen.getByLabelText('Type of organisation'), 'Business');
    await user.selectOptions(screen.getByLabelText('Size'), 'Small (10 to 49 people)');
    await user.type(screen.getByLabelText(/Local authority area/), 'Leeds');
    await user.type(screen.getByLabelText(/Number of employees/), '32');
    await user.click(screen.getByRole('button', { name: 'Create organisation' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Riverside Builders' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/orgs/${NEW_ORG_ID}`);
    const post = fetchMock.mock.calls.find(
      ([url, init]) => String(url).endsWith('/organisations') && init?.method === 'POST',
    );
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      name: 'Riverside Builders',
      type: 'business',
      sizeBand: 'small',
      sector: null,
      localAuthority: 'Leeds',
      employees: 32,
    });
    // The new organisation is in the header's switcher.
    expect(
      await screen.findByRole('button', { name: /Organisation: Riverside Builders/ }),
    ).toBeInTheDocument();
  });
});

describe('people', () => {
  it('invites a colleague and, without email, shows the link to copy', async () => {
    signInForTest();
    const fetchMock = mockApi({
      ...peopleRoutes,
      [`POST /organisations/${ORG_ID}/invitations`]: () =>
        jsonResponse(
          {
            invitation: anInvitation(),
            delivery: 'link',
            inviteUrl:
              'http://localhost:3000/invitations/accept?token=tok_abcdefghijklmnopqrstuvwxyz',
          },
          201,
        ),
    });
    const { user } = renderApp(`/orgs/${ORG_ID}/people`);
    await screen.findByRole('button', { name: 'Change role of Grace Hopper' });

    const invite = screen.getByRole('form', { name: 'Invite a colleague' });
    await user.type(within(invite).getByLabelText('Email address'), 'grace@example.org');
    await user.selectOptions(within(invite).getByLabelText('Role'), 'contributor');
    await user.click(within(invite).getByRole('button', { name: 'Send invitation' }));

    const title = await screen.findByText('Invitation ready: send the link yourself');
    expect(title.parentElement).toHaveTextContent(
      'This Waymark does not send email, so grace@example.org has not been emailed.',
    );
    const link = screen.getByLabelText('Invitation link');
    expect(link).toHaveValue(
      'http://localhost:3000/invitations/accept?token=tok_abcdefghijklmnopqrstuvwxyz',
    );
    expect(link).toHaveAttribute('readonly');
    await user.click(screen.getByRole('button', { name: 'Copy invitation link' }));
    expect(await screen.findByText('Copied to the clipboard.')).toBeInTheDocument();
    await expect(navigator.clipboard.readText()).resolves.toBe(
      'http://localhost:3000/invitations/accept?token=tok_abcdefghijklmnopqrstuvwxyz',
    );

    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      email: 'grace@example.org',
      role: 'contributor',
    });
  });

  it('asks before replacing a pending invitation, then sends replace and resets the form', async () => {
    signInForTest();
    let replaced = false;
    const fetchMock = mockApi({
      ...peopleRoutes,
      [`GET /organisations/${ORG_ID}/invitations`]: () =>
        jsonResponse({
          items: [
            replaced
              ? anInvitation({ id: COLLEAGUE_ID, email: 'new@example.org', role: 'viewer' })
              : anInvitation({ email: 'new@example.org', role: 'contributor' }),
          ],
        }),
      [`POST /organisations/${ORG_ID}/invitations`]: () => {
        replaced = true;
        return jsonResponse(
          {
            invitation: anInvitation({ email: 'new@example.org', role: 'viewer' }),
            delivery: 'link',
            inviteUrl: 'http://localhost:3000/invitations/accept?token=tok_newnewnewnewnewnewnew',
          },
          201,
        );
      },
    });
    const { user } = renderApp(`/orgs/${ORG_ID}/people`);
    const pendingList = await screen.findByRole('region', { name: 'Pending invitations' });
    expect(await within(pendingList).findByText('new@example.org')).toBeInTheDocument();
    expect(within(pendingList).getByText('Contributor')).toBeInTheDocument();

    const invite = screen.getByRole('form', { name: 'Invite a colleague' });
    const email = within(invite).getByLabelText('Email address');
    await user.type(email, ' New@Example.org');
    expect(invite).toHaveTextContent(
      'Already invited on 12 March 2026 as a contributor. Sending again replaces that link.',
    );
    await user.selectOptions(within(invite).getByLabelText('Role'), 'viewer');
    await user.click(within(invite).getByRole('button', { name: 'Send invitation' }));

    let dialog = await screen.findByRole('dialog', { name: 'Replace the pending invitation?' });
    expect(dialog).toHaveTextContent(
      'new@example.org was invited on 12 March 2026 as a contributor. If you send a new invitation as a viewer, the link you sent before stops working',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
    // Back to the address, to correct it, rather than lost on the page.
    await waitFor(() => expect(email).toHaveFocus());

    await user.click(within(invite).getByRole('button', { name: 'Send invitation' }));
    dialog = await screen.findByRole('dialog', { name: 'Replace the pending invitation?' });
    await user.click(within(dialog).getByRole('button', { name: 'Replace invitation' }));

    expect(await screen.findByText('Invitation ready: send the link yourself')).toBeInTheDocument();
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      email: 'New@Example.org',
      role: 'viewer',
      replace: true,
    });
    expect(email).toHaveValue('');
    expect(within(invite).getByLabelText('Role')).toHaveValue('contributor');
    expect(await within(pendingList).findByText('Viewer')).toBeInTheDocument();
  });

  it('asks before replacing when the API finds a pending invitation the list did not show', async () => {
    signInForTest();
    let listed = false;
    const posts: unknown[] = [];
    mockApi({
      ...peopleRoutes,
      [`GET /organisations/${ORG_ID}/invitations`]: () =>
        jsonResponse({
          items: listed ? [anInvitation({ email: 'late@example.org', role: 'admin' })] : [],
        }),
      [`POST /organisations/${ORG_ID}/invitations`]: ({ init }) => {
        const body = JSON.parse(String(init?.body));
        posts.push(body);
        if (!body.replace) {
          listed = true;
          return problemResponse({
            type: 'about:blank',
            title: 'Conflict',
            status: 409,
            code: 'invitation_pending',
            detail: 'late@example.org already has a pending invitation.',
          });
        }
        return jsonResponse(
          {
            invitation: anInvitation({ email: 'late@example.org' }),
            delivery: 'link',
            inviteUrl: 'http://localhost:3000/invitations/accept?token=tok_latelatelatelatelate',
          },
          201,
        );
      },
    });
    const { user } = renderApp(`/orgs/${ORG_ID}/people`);
    await screen.findByText('No invitations are waiting to be accepted.');
    const invite = screen.getByRole('form', { name: 'Invite a colleague' });
    await user.type(within(invite).getByLabelText('Email address'), 'late@example.org');
    await user.click(within(invite).getByRole('button', { name: 'Send invitation' }));

    const dialog = await screen.findByRole('dialog', { name: 'Replace the pending invitation?' });
    expect(dialog).toHaveTextContent('late@example.org was invited on 12 March 2026 as an admin.');
    await user.click(within(dialog).getByRole('button', { name: 'Replace invitation' }));
    expect(await screen.findByText('Invitation ready: send the link yourself')).toBeInTheDocument();
    expect(posts).toEqual([
      { email: 'late@example.org', role: 'contributor' },
      { email: 'late@example.org', role: 'contributor', replace: true },
    ]);
  });

  it('says an empty email needs entering', async () => {
    signInForTest();
    mockApi(peopleRoutes);
    const { user } = renderApp(`/orgs/${ORG_ID}/people`);
    const invite = await screen.findByRole('form', { name: 'Invite a colleague' });
    await user.click(within(invite).getByRole('button', { name: 'Send invitation' }));
    expect(
      await within(invite).findByText('Enter an email address', { selector: '.field__error' }),
    ).toBeInTheDocument();
    // The error summary at the top says the same, linked to the field.
    expect(within(invite).getByRole('link', { name: 'Enter an email address' })).toBeVisible();
    expect(invite).not.toHaveTextContent('This field is required');
  });

  it('does not offer Leave to the only admin, and says why', async () => {
    signInForTest();
    mockApi(peopleRoutes);
    renderApp(`/orgs/${ORG_ID}/people`);
    expect(
      await screen.findByText(
        'You are the only admin, so you cannot leave. Make someone else an admin first.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Leave/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove Grace Hopper' })).toBeInTheDocument();
  });

  it('offers Leave to an admin when another admin stays', async () => {
    signInForTest();
    mockApi({
      ...peopleRoutes,
      [`GET /organisations/${ORG_ID}/members`]: () =>
        jsonResponse({
          items: [
            aMember(),
            aMember({ userId: COLLEAGUE_ID, name: 'Grace Hopper', email: 'g@example.org' }),
          ],
        }),
    });
    renderApp(`/orgs/${ORG_ID}/people`);
    expect(await screen.findByRole('button', { name: 'Leave Ada Lovelace' })).toBeInTheDocument();
    expect(screen.queryByText(/You are the only admin/)).not.toBeInTheDocument();
  });

  it('offers a viewer Leave on their own row only', async () => {
    signInForTest();
    mockApi({
      ...peopleRoutes,
      'GET /me': () => jsonResponse(aMeResponse([anOrganisation({ role: 'viewer' })])),
      [`GET /organisations/${ORG_ID}`]: () => jsonResponse(anOrganisation({ role: 'viewer' })),
      [`GET /organisations/${ORG_ID}/members`]: () =>
        jsonResponse({
          items: [
            aMember({ userId: COLLEAGUE_ID, name: 'Grace Hopper', email: 'g@example.org' }),
            aMember({ role: 'viewer' }),
          ],
        }),
    });
    renderApp(`/orgs/${ORG_ID}/people`);
    expect(await screen.findByRole('button', { name: 'Leave Ada Lovelace' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Remove|Change role/ })).not.toBeInTheDocument();
  });

  it('explains clearly when the last admin would be lost', async () => {
    signInForTest();
    mockApi({
      ...peopleRoutes,
      [`PATCH /organisations/${ORG_ID}/members/${USER_ID}`]: () =>
        problemResponse({
          type: 'https://waymark.app/problems/last-admin',
          title: 'Conflict',
          status: 409,
          code: 'last_admin',
          detail: 'An organisation needs at least one admin: make someone else an admin first.',
        }),
    });
    const { user } = renderApp(`/orgs/${ORG_ID}/people`);
    await user.click(await screen.findByRole('button', { name: 'Change role of Ada Lovelace' }));

    const dialog = await screen.findByRole('dialog', { name: 'Change your role' });
    await user.selectOptions(within(dialog).getByLabelText('Role'), 'viewer');
    await user.click(within(dialog).getByRole('button', { name: 'Save role' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The organisation needs an admin');
    expect(alert).toHaveTextContent(/An organisation needs at least one admin/);
    expect(dialog).toBeInTheDocument();
  });

  it('lists pending invitations and revokes one after confirming', async () => {
    signInForTest();
    let revoked = false;
    const fetchMock = mockApi({
      ...peopleRoutes,
      [`GET /organisations/${ORG_ID}/invitations`]: () =>
        jsonResponse({
          items: revoked
            ? [anInvitation({ status: 'revoked', revokedAt: CREATED_AT })]
            : [anInvitation()],
        }),
      [`DELETE /organisations/${ORG_ID}/invitations/${INVITATION_ID}`]: () => {
        revoked = true;
        return new Response(null, { status: 204 });
      },
    });
    const { user } = renderApp(`/orgs/${ORG_ID}/people`);
    await user.click(
      await screen.findByRole('button', { name: 'Revoke invitation to grace@example.org' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Revoke this invitation?' });
    await user.click(within(dialog).getByRole('button', { name: 'Revoke invitation' }));

    expect(
      await screen.findByText('No invitations are waiting to be accepted.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Invitation to grace@example.org revoked.')).toBeInTheDocument();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(true);
  });

  it('shows people read-only to a viewer, without invitations', async () => {
    signInForTest();
    mockApi({
      ...peopleRoutes,
      'GET /me': () => jsonResponse(aMeResponse([anOrganisation({ role: 'viewer' })])),
      [`GET /organisations/${ORG_ID}`]: () => jsonResponse(anOrganisation({ role: 'viewer' })),
    });
    renderApp(`/orgs/${ORG_ID}/people`);
    await screen.findByText('Grace Hopper');
    expect(screen.queryByRole('button', { name: /Change role/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Invite a colleague' })).not.toBeInTheDocument();
  });
});

describe('accept an invitation', () => {
  it('shows what it offers and, signed in with that email, joins the organisation', async () => {
    signInForTest();
    const token = 'abcdefghijklmnopqrstuvwxyz012345';
    const fetchMock = mockApi({
      'GET /me': () => jsonResponse(aMeResponse()),
      'GET /invitations/preview': () =>
        jsonResponse({
          organisationName: 'Northfield Council',
          role: 'contributor',
          email: 'ada@example.org',
          expiresAt: '2026-04-01T00:00:00.000Z',
          status: 'pending',
        }),
      'POST /invitations/accept': () =>
        jsonResponse({ organisation: anOrganisation({ role: 'contributor' }) }),
      [`GET /organisations/${ORG_ID}`]: () => jsonResponse(anOrganisation({ role: 'contributor' })),
    });
    const { user, router } = renderApp(`/invitations/accept?token=${token}`);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Join Northfield Council' }),
    ).toBeInTheDocument();
    expect(screen.getByText('ada@example.org')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Accept and join Northfield Council' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Northfield Council' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/orgs/${ORG_ID}`);
    const accept = fetchMock.mock.calls.find(([url]) =>
      String(url).endsWith('/invitations/accept'),
    );
    expect(JSON.parse(String(accept?.[1]?.body))).toEqual({ token });
  });

  it('offers sign in or registration with the invited email when signed out', async () => {
    mockApi({
      'GET /invitations/preview': () =>
        jsonResponse({
          organisationName: 'Northfield Council',
          role: 'viewer',
          email: 'grace@example.org',
          expiresAt: '2026-04-01T00:00:00.000Z',
          status: 'pending',
        }),
    });
    renderApp('/invitations/accept?token=abcdefghijklmnopqrstuvwxyz012345');
    const register = await screen.findByRole('link', { name: 'Create an account' });
    const params = new URLSearchParams(register.getAttribute('href')?.split('?')[1]);
    expect(params.get('email')).toBe('grace@example.org');
    expect(params.get('next')).toBe('/invitations/accept?token=abcdefghijklmnopqrstuvwxyz012345');
    const signIn = within(screen.getByRole('main')).getByRole('link', { name: 'Sign in' });
    expect(signIn).toHaveAttribute(
      'href',
      register.getAttribute('href')?.replace('/register', '/sign-in'),
    );
  });
});
