import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getSession } from '../../lib/session';
import { fetchedPaths, jsonResponse, mockApi, problemResponse } from '../../testing/api-mocks';
import { renderApp } from '../../testing/render-app';
import { aMeResponse, signInForTest } from '../../testing/session';

const noContent = () => new Response(null, { status: 204 });

describe('account', () => {
  it('shows who is signed in and puts a wrong current password on its field', async () => {
    signInForTest();
    mockApi({
      'GET /me': () => jsonResponse(aMeResponse()),
      'POST /me/password': () =>
        problemResponse({
          type: 'https://waymark.app/problems/current-password-wrong',
          title: 'Forbidden',
          status: 403,
          code: 'current_password_wrong',
          detail: 'The current password is not correct.',
        }),
    });
    const { user } = renderApp('/account');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Your account' }),
    ).toBeInTheDocument();
    expect(screen.getByText('ada@example.org')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Current password'), 'not the password');
    await user.type(screen.getByLabelText(/^New password/), 'a brand new long passphrase');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    const current = screen.getByLabelText('Current password');
    await waitFor(() => expect(current).toHaveAttribute('aria-invalid', 'true'));
    // The error summary takes focus and links to the field.
    const summary = screen.getByRole('alert');
    await waitFor(() => expect(summary).toHaveFocus());
    expect(within(summary).getByRole('link')).toHaveAttribute('href', `#${current.id}`);
    expect(current).toHaveAccessibleDescription('Error: The current password is not correct.');
    expect(screen.queryByText(/email address or password/)).not.toBeInTheDocument();
  });

  it('says which password field is empty', async () => {
    signInForTest();
    const fetchMock = mockApi({ 'GET /me': () => jsonResponse(aMeResponse()) });
    const { user } = renderApp('/account');
    await user.click(await screen.findByRole('button', { name: 'Change password' }));
    const current = screen.getByLabelText('Current password');
    await waitFor(() =>
      expect(current).toHaveAccessibleDescription('Error: Enter your current password'),
    );
    expect(screen.getByLabelText(/^New password/)).toHaveAccessibleDescription(
      expect.stringContaining('Error: Enter a new password'),
    );
    expect(fetchedPaths(fetchMock)).not.toContain('/me/password');
  });

  it('signs out everywhere after confirming, and leaves the signed-in pages', async () => {
    signInForTest({ accessToken: 'token-1' });
    const fetchMock = mockApi({
      'GET /me': () => jsonResponse(aMeResponse()),
      'POST /auth/logout-all': noContent,
      'GET /frameworks': () => jsonResponse({ items: [] }),
    });
    const { user, router } = renderApp('/account');
    await user.click(await screen.findByRole('button', { name: 'Sign out everywhere' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sign out on every device?' });
    await user.click(within(dialog).getByRole('button', { name: 'Sign out everywhere' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(getSession()).toEqual({ status: 'signed-out', reason: 'signed-out' });
    expect(screen.getByText('You have been signed out on every device.')).toBeInTheDocument();
    const call = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/auth/logout-all'));
    expect(((call?.[1]?.headers ?? {}) as Record<string, string>).Authorization).toBe(
      'Bearer token-1',
    );
  });
});

describe('header', () => {
  it('offers sign in and registration when signed out', async () => {
    mockApi({ 'GET /frameworks': () => jsonResponse({ items: [] }) });
    renderApp('/');
    const account = screen.getByRole('navigation', { name: 'Account' });
    expect(within(account).getByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      '/sign-in',
    );
    expect(within(account).getByRole('link', { name: 'Register' })).toHaveAttribute(
      'href',
      '/register',
    );
  });

  it('switches organisation and signs out from the menus, by keyboard', async () => {
    signInForTest();
    const other = '99999999-9999-4999-8999-999999999999';
    const me = aMeResponse();
    me.memberships.push({
      organisationId: other,
      organisationName: 'Riverside Builders',
      role: 'viewer',
    });
    const fetchMock = mockApi({
      'GET /me': () => jsonResponse(me),
      'GET /frameworks': () => jsonResponse({ items: [] }),
      'POST /auth/logout': noContent,
      [`GET /organisations/${other}`]: () =>
        problemResponse({
          type: 'about:blank',
          title: 'Not Found',
          status: 404,
          code: 'not_found',
        }),
    });
    const { user, router } = renderApp('/account');

    const switcher = await screen.findByRole('button', { name: /Organisation:/ });
    switcher.focus();
    await user.keyboard('{Enter}');
    const menu = await screen.findByRole('menu');
    await user.click(within(menu).getByRole('menuitemradio', { name: /Riverside Builders/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/orgs/${other}`));

    screen.getByRole('button', { name: /Account: Ada Lovelace/ }).focus();
    await user.keyboard('{Enter}');
    await user.click(await screen.findByRole('menuitem', { name: 'Sign out' }));

    await waitFor(() => expect(getSession().status).toBe('signed-out'));
    expect(await screen.findByRole('link', { name: 'Sign in' })).toBeInTheDocument();
    const logout = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/auth/logout'));
    expect(((logout?.[1]?.headers ?? {}) as Record<string, string>)['X-Requested-With']).toBe(
      'waymark',
    );
    expect(fetchedPaths(fetchMock)).toContain('/auth/logout');
  });
});
