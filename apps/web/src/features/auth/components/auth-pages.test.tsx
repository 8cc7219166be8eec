import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getSession } from '../../../lib/session';
import { jsonResponse, mockApi, problemResponse } from '../../../testing/api-mocks';
import { renderApp } from '../../../testing/render-app';
import { aMeResponse, anAuthSession } from '../../../testing/session';

describe('sign in', () => {
  it('signs in and, with no organisation yet, asks to create one', async () => {
    const fetchMock = mockApi({
      'POST /auth/login': () => jsonResponse(anAuthSession()),
      'GET /me': () => jsonResponse(aMeResponse([])),
    });
    const { user, router } = renderApp('/sign-in');

    await user.type(await screen.findByLabelText('Email address'), '  Ada@Example.org ');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery staple');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Create your organisation' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/orgs/new');
    // The form sends what the contract's schema made of the input: trimmed, lower-cased.
    const loginCall = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/auth/login'));
    expect(JSON.parse(String(loginCall?.[1]?.body))).toEqual({
      email: 'ada@example.org',
      password: 'correct horse battery staple',
    });
    expect(getSession()).toMatchObject({ status: 'signed-in', accessToken: 'access-1' });
    // The header now offers the account menu instead of "Sign in".
    expect(
      await screen.findByRole('button', { name: /Account: Ada Lovelace/ }),
    ).toBeInTheDocument();
  });

  it('shows the API’s problem when the email or password is wrong, and stays signed out', async () => {
    mockApi({
      'POST /auth/login': () =>
        problemResponse({
          type: 'https://waymark.app/problems/invalid-credentials',
          title: 'Unauthorized',
          status: 401,
          code: 'invalid_credentials',
          detail: 'The email address or password is not correct.',
        }),
    });
    const { user, router } = renderApp('/sign-in');

    await user.type(await screen.findByLabelText('Email address'), 'ada@example.org');
    await user.type(screen.getByLabelText('Password'), 'not my password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not sign you in');
    expect(alert).toHaveTextContent('The email address or password is not correct.');
    expect(alert).toHaveFocus();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(getSession().status).toBe('signed-out');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  it('checks the form before sending it and focuses the error summary, which links to the fields', async () => {
    const fetchMock = mockApi({});
    const { user } = renderApp('/sign-in');
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));

    const email = screen.getByLabelText('Email address');
    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(summary).toHaveFocus());
    expect(within(summary).getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await waitFor(() =>
      expect(within(summary).getByRole('link', { name: 'Enter your password' })).toBeVisible(),
    );
    await user.click(within(summary).getByRole('link', { name: 'Enter your email address' }));
    expect(email).toHaveFocus();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Error: Enter your email address');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      'Error: Enter your password',
    );
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('keeps the format message once something is typed', async () => {
    mockApi({});
    const { user } = renderApp('/sign-in');
    await user.type(await screen.findByLabelText('Email address'), 'ada');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const email = screen.getByLabelText('Email address');
    await waitFor(() =>
      expect(email).toHaveAccessibleDescription(
        'Error: Enter an email address, like name@example.org',
      ),
    );
    await user.clear(email);
    await waitFor(() =>
      expect(email).toHaveAccessibleDescription('Error: Enter your email address'),
    );
  });
});

describe('required fields', () => {
  it.each([
    [
      '/register',
      'Create account',
      {
        'Your name': 'Enter your name',
        'Email address': 'Enter your email address',
        Password: 'Enter a password',
      },
    ],
    ['/forgot-password', 'Send reset link', { 'Email address': 'Enter your email address' }],
  ] as const)('%s says what to enter in each empty field', async (path, button, messages) => {
    const fetchMock = mockApi({});
    const { user } = renderApp(path);
    await user.click(await screen.findByRole('button', { name: button }));
    for (const [label, message] of Object.entries(messages)) {
      await waitFor(() =>
        expect(screen.getByLabelText(label)).toHaveAccessibleDescription(
          expect.stringContaining(`Error: ${message}`),
        ),
      );
    }
    expect(document.body).not.toHaveTextContent('This field is required');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('register', () => {
  it('shows a 400 issue from the API on its field, linked and focused', async () => {
    mockApi({
      'POST /auth/register': () =>
        problemResponse({
          type: 'https://waymark.app/problems/validation-failed',
          title: 'Bad Request',
          status: 400,
          code: 'validation_failed',
          detail: 'The body is not valid.',
          issues: [
            {
              path: 'body.password',
              message: 'This password is too common: add more unusual words.',
              code: 'password_weak',
            },
          ],
        }),
    });
    const { user } = renderApp('/register');

    await user.type(await screen.findByLabelText('Your name'), 'Ada Lovelace');
    await user.type(screen.getByLabelText('Email address'), 'ada@example.org');
    await user.type(screen.getByLabelText(/^Password/), 'password1234');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    const password = screen.getByLabelText(/^Password/);
    await waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'));
    expect(password).toHaveAccessibleDescription(
      expect.stringContaining('Error: This password is too common: add more unusual words.'),
    );
    // The summary at the top lists it once, linked to its field, and has focus.
    const summary = screen.getByRole('alert');
    await waitFor(() => expect(summary).toHaveFocus());
    const link = within(summary).getByRole('link', {
      name: 'This password is too common: add more unusual words.',
    });
    expect(link).toHaveAttribute('href', `#${password.id}`);
    expect(getSession().status).toBe('signed-out');
  });

  it('prefills the email from the invitation and returns to it after registering', async () => {
    mockApi({
      'POST /auth/register': () => jsonResponse(anAuthSession(), 201),
      'GET /me': () => jsonResponse(aMeResponse([])),
      'GET /invitations/preview': () =>
        jsonResponse({
          organisationName: 'Northfield Council',
          role: 'contributor',
          email: 'ada@example.org',
          expiresAt: '2026-04-01T00:00:00.000Z',
          status: 'pending',
        }),
    });
    const next = '/invitations/accept?token=abcdefghijklmnopqrstuvwxyz012345';
    const { user, router } = renderApp(
      `/register?${new URLSearchParams({ next, email: 'ada@example.org' })}`,
    );
    expect(await screen.findByLabelText('Email address')).toHaveValue('ada@example.org');
    await user.type(screen.getByLabelText('Your name'), 'Ada Lovelace');
    await user.type(screen.getByLabelText(/^Password/), 'a long and unusual passphrase');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    const card = await screen.findByRole('heading', { name: 'Join Northfield Council' });
    expect(card).toBeInTheDocument();
    expect(`${router.state.location.pathname}${router.state.location.search}`).toBe(next);
    expect(
      within(document.body).getByRole('button', { name: 'Accept and join Northfield Council' }),
    ).toBeInTheDocument();
  });
});
