import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, Link, Outlet, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { MAIN_CONTENT_ID } from '../../components/layouts/app-layout';
import { RouteFocus } from './route-focus';

function Page({ n }: { n: number }) {
  return (
    <>
      <title>{`Question ${n} of 2 · Waymark`}</title>
      <h1>Question {n}</h1>
      <Link to={n === 1 ? '/2' : '/1'}>Next</Link>
    </>
  );
}

function renderPages() {
  const router = createMemoryRouter(
    [
      {
        element: (
          <main id={MAIN_CONTENT_ID}>
            <Outlet />
            <RouteFocus />
          </main>
        ),
        children: [
          { path: '/1', element: <Page n={1} /> },
          { path: '/2', element: <Page n={2} /> },
        ],
      },
    ],
    { initialEntries: ['/1'] },
  );
  render(<RouterProvider router={router} />);
  return { user: userEvent.setup(), router };
}

describe('RouteFocus', () => {
  it('leaves focus alone on the first page', () => {
    renderPages();
    expect(screen.getByRole('heading', { name: 'Question 1' })).not.toHaveFocus();
  });

  it('moves focus to the new page’s heading and announces its title', async () => {
    const { user } = renderPages();
    await user.click(screen.getByRole('link', { name: 'Next' }));
    const heading = await screen.findByRole('heading', { name: 'Question 2' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(heading).toHaveAttribute('tabindex', '-1');
    await waitFor(() =>
      expect(document.querySelector('[data-route-announcer]')).toHaveTextContent(
        'Question 2 of 2 · Waymark',
      ),
    );
  });
});
