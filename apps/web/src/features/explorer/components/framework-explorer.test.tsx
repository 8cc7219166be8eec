import { screen, within } from '@testing-library/react';
import {
  DEFAULT_FRAMEWORK,
  EXAMPLE_ORGANISATION,
  exampleAnswers,
  scoreAssessment,
  toRadarData,
} from '@waymark/rubric';
import { describe, expect, it } from 'vitest';
import {
  fetchedPaths,
  frameworkList,
  frameworkVersion,
  jsonResponse,
  mockApi,
  problemResponse,
} from '../../../testing/api-mocks';
import { renderApp } from '../../../testing/render-app';

const framework = DEFAULT_FRAMEWORK;
const versionPath = `/frameworks/${framework.id}/versions/${framework.version}`;

function mockPublishedFramework() {
  return mockApi({
    'GET /frameworks': () => jsonResponse(frameworkList()),
    [`GET ${versionPath}`]: () => jsonResponse(frameworkVersion()),
  });
}

function pillar(id: string) {
  const found = framework.pillars.find((p) => p.id === id);
  if (!found) throw new Error(`the default framework has no pillar ${id}`);
  return found;
}

async function findFrameworkTitle() {
  return screen.findByRole('heading', { level: 1, name: framework.title });
}

/** The tabs' code loads on its own, after the page's first paint. */
async function findPillarTabs() {
  return screen.findByRole('tablist', { name: 'Pillars' });
}

describe('framework explorer', () => {
  it('loads the list, then the first framework, and shows its scale and pillars', async () => {
    const fetchMock = mockPublishedFramework();
    renderApp('/');

    expect(screen.getByRole('status')).toHaveTextContent('Loading framework…');
    expect(screen.getByRole('status')).toHaveAttribute('aria-busy', 'true');

    await findFrameworkTitle();
    expect(fetchedPaths(fetchMock)).toEqual(['/frameworks', versionPath]);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();

    // The scale, as a legend, in order.
    const legend = screen.getByRole('heading', { name: 'How maturity is measured' }).parentElement;
    if (!legend) throw new Error('legend section missing');
    const levelNames = within(legend)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(levelNames).toHaveLength(4);
    ['Getting started', 'Developing', 'Embedding', 'Leading'].forEach((name, i) => {
      expect(levelNames[i]).toContain(`Level ${i + 1}: ${name}`);
    });

    // One tab per pillar, the first selected.
    const tabs = within(await findPillarTabs()).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(
      framework.pillars.map((p) => (p.optional ? `${p.title}Optional` : p.title)),
    );
    expect(tabs[0]).toHaveAttribute('aria-selected', 'true');
    const panel = screen.getByRole('tabpanel');
    expect(within(panel).getByRole('heading', { name: 'Employment' })).toBeInTheDocument();
    expect(within(panel).getByText(pillar('employment').summary)).toBeInTheDocument();
    expect(within(panel).getAllByRole('button', { expanded: false })).toHaveLength(
      pillar('employment').criteria.length,
    );
  });

  it('opens a criterion to show its question, guidance and four levels side by side', async () => {
    mockPublishedFramework();
    const { user } = renderApp('/');
    await findPillarTabs();

    const criterion = pillar('employment').criteria[0];
    if (!criterion) throw new Error('no criterion');
    const trigger = screen.getByRole('button', { name: new RegExp(criterion.title) });
    expect(screen.queryByText(criterion.question)).not.toBeInTheDocument();

    await user.click(trigger);
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText(criterion.question)).toBeVisible();

    const cards = within(
      screen.getByRole('list', { name: `Levels for ${criterion.title}` }),
    ).getAllByRole('listitem');
    expect(cards).toHaveLength(4);
    criterion.levels.forEach((level, i) => {
      const card = cards[i];
      if (!card) throw new Error(`card ${i} missing`);
      expect(card).toHaveTextContent(`Level ${level.level}: ${framework.levels[i]?.name}`);
      expect(card).toHaveTextContent(level.descriptor);
      expect(card).toHaveTextContent(level.example);
      expect(card).toHaveAttribute('data-tone', String(i + 1));
    });

    await user.click(trigger);
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText(criterion.question)).not.toBeInTheDocument();
  });

  it('moves between pillars with the arrow keys, Home and End', async () => {
    mockPublishedFramework();
    const { user } = renderApp('/');
    await findPillarTabs();

    const tabs = screen.getAllByRole('tab');
    await user.click(tabs[0] as HTMLElement);
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Procurement' })).toHaveFocus();
    expect(screen.getByRole('tab', { name: 'Procurement' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    const panel = screen.getByRole('tabpanel');
    expect(within(panel).getByRole('heading', { name: 'Procurement' })).toBeInTheDocument();
    expect(within(panel).queryByRole('heading', { name: 'Employment' })).not.toBeInTheDocument();

    // Criteria that only some organisations answer say so.
    expect(
      within(panel).getByRole('button', { name: /Tendering that small firms can win/ }),
    ).toHaveTextContent('Medium and large organisations only');

    await user.keyboard('{End}');
    const last = screen.getByRole('tab', { name: /Service delivery/ });
    expect(last).toHaveFocus();
    expect(last).toHaveAttribute('aria-selected', 'true');
    expect(
      within(screen.getByRole('tabpanel')).getByText('Optional — public anchors'),
    ).toBeInTheDocument();

    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Employment' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await user.keyboard('{ArrowLeft}');
    expect(last).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Home}');
    expect(screen.getByRole('tab', { name: 'Employment' })).toHaveFocus();
  });

  it('draws the example profile from the rubric scoring, labelled as an example', async () => {
    mockPublishedFramework();
    renderApp('/');
    await findFrameworkTitle();

    const scores = scoreAssessment(framework, exampleAnswers(framework), {
      profile: EXAMPLE_ORGANISATION,
    });
    const expected = toRadarData(framework, [
      { key: 'current', scores },
      { key: 'target', scores, metric: 'targetScore' },
    ]);
    const table = screen.getByRole('table', { name: /Example profile/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => Array.from(r.children, (c) => c.textContent))).toEqual(
      expected.map((row) => [row.axis, String(row.current), String(row.target)]),
    );
    expect(screen.getByRole('img', { name: /Example profile/ })).toBeInTheDocument();
    expect(screen.getByText(/fictional large business/)).toBeInTheDocument();
  });

  it('shows the problem detail when loading fails, and tries again on request', async () => {
    const fetchMock = mockApi({
      'GET /frameworks': [
        () =>
          problemResponse({
            type: 'https://waymark.example/problems/unavailable',
            title: 'Service unavailable',
            status: 503,
            code: 'database_unavailable',
            detail: 'The database is starting up. Try again in a minute.',
          }),
        () => jsonResponse(frameworkList()),
      ],
      [`GET ${versionPath}`]: () => jsonResponse(frameworkVersion()),
    });
    const { user } = renderApp('/');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('We couldn’t load the framework');
    expect(alert).toHaveTextContent('The database is starting up. Try again in a minute.');
    expect(alert).toHaveTextContent('database_unavailable');
    expect(fetchedPaths(fetchMock)).toEqual(['/frameworks']);

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await findFrameworkTitle();
    expect(fetchedPaths(fetchMock)).toEqual(['/frameworks', '/frameworks', versionPath]);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('rejects a response that breaks the contract', async () => {
    mockApi({ 'GET /frameworks': () => jsonResponse({ items: [{ id: 'Not A Slug' }] }) });
    renderApp('/');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('invalid_response');
  });

  it('says so when no framework is published', async () => {
    const fetchMock = mockApi({ 'GET /frameworks': () => jsonResponse({ items: [] }) });
    renderApp('/');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'No frameworks published yet' }),
    ).toBeInTheDocument();
    expect(fetchedPaths(fetchMock)).toEqual(['/frameworks']);
  });

  it('shows the version named in the address', async () => {
    const fetchMock = mockPublishedFramework();
    renderApp(`/frameworks/${framework.id}/${framework.version}`);
    await findFrameworkTitle();
    expect(fetchedPaths(fetchMock).sort()).toEqual(['/frameworks', versionPath].sort());
  });

  it('passes on the API’s 404 for an unknown version', async () => {
    mockApi({
      'GET /frameworks': () => jsonResponse(frameworkList()),
      [`GET /frameworks/${framework.id}/versions/99`]: () =>
        problemResponse({
          type: 'about:blank',
          title: 'Not Found',
          status: 404,
          code: 'framework_version_not_found',
          detail: 'Anchor Progression Framework has no version 99.',
        }),
    });
    renderApp(`/frameworks/${framework.id}/99`);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('We couldn’t find that framework');
    expect(alert).toHaveTextContent('has no version 99');
    // Retrying cannot help; a way back to the current framework can.
    expect(within(alert).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    expect(within(alert).getByRole('link', { name: 'See the current framework' })).toHaveAttribute(
      'href',
      '/',
    );
  });

  it('answers a malformed framework address with the not-found page', async () => {
    mockPublishedFramework();
    renderApp('/frameworks/anchor-progression/latest');
    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });
});

describe('app shell', () => {
  it('has a header, a skip link to the main content, and a footer', async () => {
    mockPublishedFramework();
    renderApp('/');
    expect(screen.getByRole('banner')).toHaveTextContent('Waymark');
    const skip = screen.getByRole('link', { name: 'Skip to content' });
    const main = screen.getByRole('main');
    expect(skip).toHaveAttribute('href', `#${main.id}`);
    expect(screen.getByRole('contentinfo')).toBeInTheDocument();
    await findFrameworkTitle();
  });

  it('shows a not-found page for an unknown address', () => {
    mockApi({});
    renderApp('/no/such/page');
    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the framework' })).toHaveAttribute('href', '/');
  });
});
