import { screen } from '@testing-library/react';
import { Outlet } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../testing/render-app';
import { RouteErrorBoundary } from './route-error';

describe('route error boundary', () => {
  it('replaces a crashed page with a friendly message inside the layout, and retries it', async () => {
    // Silence React's own report of the caught error.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    // Broken until the test "fixes" it: React retries a failed render once by itself.
    let broken = true;
    function Flaky() {
      if (broken) throw new Error('boom');
      return <h1>Recovered page</h1>;
    }
    const { user } = renderApp('/', [
      {
        element: (
          <div>
            <p>Layout stays</p>
            <Outlet />
          </div>
        ),
        children: [{ index: true, element: <Flaky />, errorElement: <RouteErrorBoundary /> }],
      },
    ]);

    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong');
    expect(alert).not.toHaveTextContent('boom');
    expect(screen.getByText('Layout stays')).toBeInTheDocument();

    broken = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Recovered page' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
