import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../testing/api-mocks';
import { renderApp } from '../../testing/render-app';

describe('accessibility statement', () => {
  it('is linked from the footer and says what is tested, the gaps, how to report and when reviewed', async () => {
    mockApi({ 'GET /frameworks': () => jsonResponse({ items: [] }) });
    const { user, router } = renderApp('/');
    const footer = screen.getByRole('contentinfo');
    await user.click(within(footer).getByRole('link', { name: 'Accessibility statement' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accessibility statement' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/accessibility');
    for (const heading of [
      'What we test',
      'Known gaps',
      'Reporting a problem',
      'When this statement was reviewed',
    ]) {
      expect(screen.getByRole('heading', { level: 2, name: heading })).toBeInTheDocument();
    }
    const tested = screen.getByRole('region', { name: 'What we test' });
    expect(tested).toHaveTextContent('axe-core in the Chromium browser');
    expect(tested).toHaveTextContent('Keyboard journeys');
    expect(
      screen.getByRole('region', { name: 'When this statement was reviewed' }),
    ).toHaveTextContent('last reviewed on 2 December 2026');
    expect(document.title).toBe('Accessibility statement · Waymark');
  });
});
