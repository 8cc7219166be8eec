import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi, problemResponse } from '../../testing/api-mocks';
import { renderApp } from '../../testing/render-app';
import {
  aMeResponse,
  anAuthSession,
  anOrganisation,
  ORG_ID,
  startRestoring,
} from '../../testing/session';

const orgRoutes = {
  'GET /me': () => jsonResponse(aMeResponse()),
  [`GET /organisations/${ORG_ID}`]: () => jsonResponse(anOrganisation()),
};

describe('signed-in pages', () => {
  it('send a signed-out visitor to sign in, then back to the page they asked for', async () => {
    mockApi({ ...orgRoutes, 'POST /auth/login': () => jsonResponse(anAuthSession()) });
    const { user, router } = renderApp(`/orgs/${ORG_ID}/settings`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe(
      `/orgs/${ORG_ID}/settings`,
    );

    await user.type(screen.getByLabelText('Email address'), 'ada@example.org');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery staple');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Organisation profile' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/orgs/${ORG_ID}/settings`);
  });

  it('wait for the session to be restored from the cookie, then show the page', async () => {
    startRestoring();
    mockApi({ ...orgRoutes, 'POST /auth/refresh': () => jsonResponse(anAuthSession()) });
    const { router } = renderApp(`/orgs/${ORG_ID}`);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Northfield Council' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/orgs/${ORG_ID}`);
  });

  it('go to sign in when the cookie cannot be restored', async () => {
    startRestoring();
    mockApi({
      'POST /auth/refresh': () =>
        problemResponse({
          type: 'about:blank',
          title: 'Unauthorized',
          status: 401,
          code: 'refresh_token_invalid',
        }),
    });
    const { router } = renderApp('/account');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?next=%2Faccount');
  });

  it('say the session ended when a refresh fails mid-way', async () => {
    mockApi({
      ...orgRoutes,
      'POST /auth/login': () => jsonResponse(anAuthSession()),
      [`GET /organisations/${ORG_ID}`]: () =>
        problemResponse({
          type: 'about:blank',
          title: 'Unauthorized',
          status: 401,
          code: 'token_expired',
        }),
      'POST /auth/refresh': () =>
        problemResponse({
          type: 'about:blank',
          title: 'Unauthorized',
          status: 401,
          code: 'refresh_token_invalid',
        }),
    });
    const { user } = renderApp(`/sign-in?next=/orgs/${ORG_ID}`);
    await user.type(await screen.findByLabelText('Email address'), 'ada@example.org');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery staple');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText(/Your session has ended/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
  });
});
