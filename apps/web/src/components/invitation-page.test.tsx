import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi, problemResponse } from '../testing/api-mocks';
import { renderApp } from '../testing/render-app';
import { aMeResponse, signInForTest } from '../testing/session';

/**
 * The parts both accept-invitation pages take from components/invitation-page, checked on each
 * page: the organisation's (`/invitations/accept`) and the network's (`/network-invitations/accept`).
 */

const TOKEN = 'abcdefghijklmnopqrstuvwxyz012345';
const EXPIRES_AT = '2026-04-12T09:00:00.000Z';

const PAGES = [
  {
    page: 'organisation',
    path: '/invitations/accept',
    preview: 'GET /invitations/preview',
    pending: (email: string) => ({
      organisationName: 'Northfield Council',
      role: 'viewer',
      email,
      expiresAt: EXPIRES_AT,
      status: 'pending',
    }),
    joining: 'Northfield Council',
    ask: 'Ask an admin of the organisation to invite you again.',
  },
  {
    page: 'network',
    path: '/network-invitations/accept',
    preview: 'GET /network-invitations/preview',
    pending: (email: string) => ({
      networkName: 'Northfield Anchors',
      networkPlace: 'Northfield',
      organisationName: 'Eastgate Food Bank',
      email,
      organisationType: null,
      sizeBand: null,
      expiresAt: EXPIRES_AT,
      status: 'pending',
    }),
    joining: 'Northfield Anchors',
    ask: 'Ask the network’s coordinator to invite your organisation again.',
  },
] as const;

describe.each(PAGES)(
  'the $page accept-invitation page',
  ({ path, preview, pending, joining, ask }) => {
    it('says a link without a whole token is incomplete, without asking the API', async () => {
      const fetchMock = mockApi({});
      renderApp(`${path}?token=short`);
      expect(
        await screen.findByRole('heading', {
          level: 1,
          name: 'This invitation link is incomplete',
        }),
      ).toBeInTheDocument();
      expect(document.title).toBe('This invitation link is incomplete · Waymark');
      expect(fetchMock.mock.calls.map(([url]) => String(url))).not.toContainEqual(
        expect.stringContaining('/preview'),
      );
    });

    it('says a link the API does not know is not valid, and who to ask', async () => {
      mockApi({
        [preview]: () =>
          problemResponse({
            type: 'about:blank',
            title: 'Not Found',
            status: 404,
            code: 'not_found',
          }),
      });
      renderApp(`${path}?token=${TOKEN}`);
      expect(
        await screen.findByRole('heading', { level: 1, name: 'This invitation link is not valid' }),
      ).toBeInTheDocument();
      expect(screen.getByText(new RegExp(ask))).toBeInTheDocument();
    });

    it('explains an expired invitation', async () => {
      mockApi({
        [preview]: () => jsonResponse({ ...pending('ada@example.org'), status: 'expired' }),
      });
      renderApp(`${path}?token=${TOKEN}`);
      expect(
        await screen.findByRole('heading', { level: 1, name: 'This invitation has expired' }),
      ).toBeInTheDocument();
    });

    it('asks someone signed in with another address to sign out, and offers no accept', async () => {
      signInForTest();
      mockApi({
        'GET /me': () => jsonResponse(aMeResponse()),
        [preview]: () => jsonResponse(pending('grace@example.org')),
      });
      renderApp(`${path}?token=${TOKEN}`);
      expect(
        await screen.findByRole('heading', { level: 1, name: `Join ${joining}` }),
      ).toBeInTheDocument();
      expect(document.title).toBe(`Join ${joining} · Waymark`);
      expect(screen.getByText(/but this invitation is for/)).toHaveTextContent(
        'You are signed in as ada@example.org, but this invitation is for grace@example.org.',
      );
      expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: `Accept and join ${joining}` })).toBeNull();
    });
  },
);
