import { screen, waitFor, within } from '@testing-library/react';
import type { TNotice } from '@waymark/rubric';
import { beforeEach, describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../../testing/api-mocks';
import { renderApp } from '../../../testing/render-app';
import { aMeResponse, CREATED_AT, ORG_ID, signInForTest } from '../../../testing/session';

const NOTICE_ID = '66666666-6666-4666-8666-666666666666';
const OLDER_ID = '77777777-7777-4777-8777-777777777777';
const NETWORK_ID = '88888888-8888-4888-8888-888888888888';

function aNotice(overrides: Partial<TNotice> = {}): TNotice {
  return {
    id: NOTICE_ID,
    organisationId: ORG_ID,
    organisationName: 'Northfield Council',
    networkId: NETWORK_ID,
    networkName: 'Northfield Anchors',
    cycleId: null,
    cycleName: '2026',
    closesOn: '2026-03-31',
    kind: 'reminder',
    title: 'Reminder: submit your 2026 assessment',
    body: 'Northfield Anchors asks members to submit before the cycle closes.',
    createdAt: CREATED_AT,
    readAt: null,
    ...overrides,
  };
}

beforeEach(() => {
  signInForTest();
});

describe('notices page', () => {
  it('lists notices with the unread ones marked, and marks one as read', async () => {
    let read = false;
    const fetchMock = mockApi({
      'GET /me': () => jsonResponse(aMeResponse()),
      'GET /notices': () =>
        jsonResponse({
          items: [
            aNotice({ readAt: read ? CREATED_AT : null }),
            aNotice({
              id: OLDER_ID,
              title: 'Welcome to the network',
              kind: 'network',
              closesOn: null,
              readAt: CREATED_AT,
            }),
          ],
          nextCursor: null,
          unreadCount: read ? 0 : 1,
        }),
      [`PATCH /notices/${NOTICE_ID}`]: () => {
        read = true;
        return jsonResponse(aNotice({ readAt: CREATED_AT }));
      },
    });
    const { user } = renderApp('/notices');
    await screen.findByRole('heading', { level: 1, name: 'Notices' });
    expect(await screen.findByText('1 notice is unread.', { exact: false })).toBeInTheDocument();
    const unread = screen.getByRole('heading', {
      name: 'Unread: Reminder: submit your 2026 assessment',
    });
    expect(unread.closest('li')).toHaveTextContent(
      'asks members to submit before the cycle closes',
    );
    expect(
      within(unread.closest('li') as HTMLElement).getByRole('link', {
        name: 'Open Northfield Anchors',
      }),
    ).toHaveAttribute('href', `/networks/${NETWORK_ID}`);
    expect(
      screen.getByRole('heading', { name: 'Welcome to the network' }).closest('li'),
    ).not.toHaveClass('notice-item--unread');
    // The header names the count.
    expect(await screen.findByRole('link', { name: 'Notices, 1 unread' })).toHaveAttribute(
      'href',
      '/notices',
    );

    await user.click(
      screen.getByRole('button', { name: 'Mark as read : Reminder: submit your 2026 assessment' }),
    );
    await waitFor(() => expect(screen.getByText(/Everything is read\./)).toBeInTheDocument());
    const patch = fetchMock.mock.calls.find(([, init]) => init?.method === 'PATCH');
    expect(JSON.parse(String(patch?.[1]?.body))).toEqual({ read: true });
    expect(
      screen.getByRole('heading', { name: 'Reminder: submit your 2026 assessment' }),
    ).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Notices' })).toBeInTheDocument();
  });

  it('marks every notice as read at once', async () => {
    let read = false;
    const fetchMock = mockApi({
      'GET /me': () => jsonResponse(aMeResponse()),
      'GET /notices': () =>
        jsonResponse({
          items: [aNotice({ readAt: read ? CREATED_AT : null })],
          nextCursor: null,
          unreadCount: read ? 0 : 1,
        }),
      'POST /notices/read': () => {
        read = true;
        return jsonResponse({ marked: 1, unreadCount: 0 });
      },
    });
    const { user } = renderApp('/notices');
    await user.click(await screen.findByRole('button', { name: 'Mark all as read' }));
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Mark all as read' })).toBeNull(),
    );
    expect(fetchMock.mock.calls.some(([url]) => String(url).endsWith('/notices/read'))).toBe(true);
  });

  it('shows an empty state, and loads older notices page by page', async () => {
    mockApi({
      'GET /me': () => jsonResponse(aMeResponse()),
      'GET /notices': () => jsonResponse({ items: [], nextCursor: null, unreadCount: 0 }),
    });
    renderApp('/notices');
    expect(await screen.findByRole('heading', { name: 'No notices yet' })).toBeInTheDocument();
  });

  it('fetches the next page with the cursor', async () => {
    const fetchMock = mockApi({
      'GET /me': () => jsonResponse(aMeResponse()),
      'GET /notices': ({ url }) => {
        const cursor = new URL(url, 'http://localhost').searchParams.get('cursor');
        return jsonResponse(
          cursor === 'page-2'
            ? {
                items: [aNotice({ id: OLDER_ID, title: 'Older news', readAt: CREATED_AT })],
                nextCursor: null,
                unreadCount: 1,
              }
            : { items: [aNotice()], nextCursor: 'page-2', unreadCount: 1 },
        );
      },
    });
    const { user } = renderApp('/notices');
    await user.click(await screen.findByRole('button', { name: 'Show older notices' }));
    const list = await screen.findByRole('list', { name: 'Notices' });
    await within(list).findByRole('heading', { name: 'Older news' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Show older notices' })).toBeNull();
    expect(fetchMock.mock.calls.some(([url]) => String(url).includes('cursor=page-2'))).toBe(true);
  });
});
