import { render, screen, within } from '@testing-library/react';
import type { TDashboardRadar } from '@waymark/rubric';
import { describe, expect, it } from 'vitest';
import type { DashboardLabels } from './labels';
import { NetworkRadarSection } from './network-radar-section';

const TITLES: Record<string, string> = {
  employment: 'Employment',
  procurement: 'Procurement',
  'net-zero': 'Net zero',
  'corporate-community': 'Corporate and community',
};

const labels: DashboardLabels = {
  pillar: (id) => TITLES[id] ?? id,
  criterion: (id) => id,
  indicator: (id) => id,
  level: (level) => `Level ${level}`,
};

const ok = (pillarId: string, q1: number, median: number, q3: number) =>
  ({
    status: 'ok',
    basis: 'all',
    anonymousLeftOut: 0,
    pillarId,
    contributors: 6,
    q1,
    median,
    q3,
  }) as const;
const tooFew = (pillarId: string, contributors: number) =>
  ({ status: 'suppressed', pillarId, contributors, anonymous: 0, reason: 'too_few' }) as const;

const radar: TDashboardRadar = {
  contributors: 6,
  anonymousContributors: 2,
  overall: {
    status: 'ok',
    basis: 'all',
    anonymousLeftOut: 0,
    contributors: 6,
    q1: 30,
    median: 45,
    q3: 60,
  },
  pillars: [
    ok('employment', 25, 50, 75),
    ok('procurement', 10, 20.5, 40),
    ok('net-zero', 0, 12.5, 33.3),
    tooFew('corporate-community', 2),
  ],
};

describe('NetworkRadarSection', () => {
  it('draws the median inside its interquartile band, explained in words as well as colour', () => {
    const { container } = render(
      <NetworkRadarSection radar={radar} threshold={3} labels={labels} />,
    );
    expect(
      screen.getByRole('img', {
        name: 'The network’s median pillar scores with the interquartile range, out of 100',
      }),
    ).toBeInTheDocument();
    const figure = screen.getByRole('figure', { name: /shaded band holds the middle half/ });
    expect(figure).toHaveAccessibleName(
      'The shaded band holds the middle half of the members: it runs from the lower quartile (dashed line) to the upper quartile (thin solid line). The thick line with a dot on each pillar is the median. Corporate and community is not drawn: not enough submissions yet.',
    );
    // The legend: the lower quartile dashed, the upper quartile carrying the band's tint.
    const swatches = Array.from(container.querySelectorAll<HTMLElement>('.radar-chart__swatch'));
    expect(container.querySelector('.radar-chart__legend')?.textContent).toBe(
      'Lower quartileUpper quartileMedian',
    );
    expect(swatches.map((s) => [s.dataset.dashed, s.dataset.band])).toEqual([
      ['true', undefined],
      [undefined, 'true'],
      [undefined, undefined],
    ]);
  });

  it('plots only pillars with figures, and lists every pillar in the visible table', () => {
    render(<NetworkRadarSection radar={radar} threshold={3} labels={labels} />);
    const table = screen.getByRole('table', {
      name: 'The network’s median pillar scores with the interquartile range, out of 100',
    });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => Array.from(row.children, (cell) => cell.textContent));
    expect(rows[0]).toEqual(['Pillar', 'Lower quartile', 'Upper quartile', 'Median']);
    // A suppressed pillar gets no axis: drawn at the centre it would read as 0.
    expect(rows.slice(1)).toEqual([
      ['Employment', '25', '75', '50'],
      ['Procurement', '10', '40', '21'],
      ['Net zero', '0', '33', '13'],
    ]);
    // The visible table says why a pillar is missing.
    const visible = screen.getByRole('table', {
      name: 'Pillar scores across the network, out of 100',
    });
    expect(within(visible).getByText('Not enough submissions yet (2 of 3)')).toBeInTheDocument();
    expect(
      within(visible).getByRole('rowheader', { name: 'Corporate and community' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/6 so far, 2 of them anonymous/)).toBeInTheDocument();
  });

  it('names every pillar left out of the drawing', () => {
    const two: TDashboardRadar = {
      ...radar,
      pillars: [
        ...radar.pillars.slice(0, 3),
        tooFew('corporate-community', 2),
        tooFew('estates', 1),
      ],
    };
    render(<NetworkRadarSection radar={two} threshold={3} labels={labels} />);
    expect(
      screen.getByText(
        /Corporate and community and estates are not drawn: not enough submissions yet\./,
      ),
    ).toBeInTheDocument();
  });

  it('leaves the chart out when fewer than three pillars can be drawn', () => {
    const sparse: TDashboardRadar = {
      ...radar,
      pillars: [ok('employment', 25, 50, 75), tooFew('procurement', 2), tooFew('net-zero', 2)],
    };
    render(<NetworkRadarSection radar={sparse} threshold={3} labels={labels} />);
    expect(screen.queryByRole('img')).toBeNull();
    expect(
      screen.getByText('Too few pillars have enough submissions to draw the chart: see the table.'),
    ).toBeInTheDocument();
  });

  it('says when figures are held back to protect anonymous members, not that submissions are missing', () => {
    const held = {
      status: 'suppressed',
      contributors: 6,
      anonymous: 2,
      reason: 'few_anonymous',
    } as const;
    const protectedRadar: TDashboardRadar = {
      contributors: 6,
      anonymousContributors: 2,
      overall: held,
      pillars: ['employment', 'procurement', 'net-zero'].map((pillarId) => ({ pillarId, ...held })),
    };
    render(<NetworkRadarSection radar={protectedRadar} threshold={5} labels={labels} />);
    expect(screen.queryByRole('img')).toBeNull();
    const reason =
      'Held back to protect anonymous members: 2 anonymous members submitted; figures that include them show once at least 5 have (or none)';
    expect(screen.getByText(`${reason}.`)).toBeInTheDocument();
    const visible = screen.getByRole('table', {
      name: 'Pillar scores across the network, out of 100',
    });
    expect(within(visible).getAllByText(reason)).toHaveLength(4);
    expect(screen.queryByText(/Not enough submissions/)).toBeNull();
  });

  it('draws the named members’ figures, labelled as such, while too few anonymous members contributed', () => {
    const named = (pillarId: string, q1: number, median: number, q3: number) =>
      ({
        ...ok(pillarId, q1, median, q3),
        basis: 'named',
        contributors: 4,
        anonymousLeftOut: 2,
      }) as const;
    const namedRadar: TDashboardRadar = {
      contributors: 6,
      anonymousContributors: 2,
      overall: { ...named('', 0, 40, 60) },
      pillars: [
        named('employment', 25, 50, 75),
        named('procurement', 10, 20, 40),
        named('net-zero', 0, 10, 30),
      ],
    };
    render(<NetworkRadarSection radar={namedRadar} threshold={5} labels={labels} />);
    expect(
      screen.getByText(
        'Named members only (4): the 2 anonymous members are left out until at least 5 anonymous members have submitted.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'The named members’ median pillar scores with the interquartile range, out of 100',
      }),
    ).toBeInTheDocument();
    const visible = screen.getByRole('table', {
      name: 'Pillar scores across the network, out of 100',
    });
    expect(within(visible).getAllByText('4 named')).toHaveLength(4);
    expect(screen.queryByText(/Held back|Not enough/)).toBeNull();
  });

  it('names the pillars that count the named members only when the chart mixes both', () => {
    const mixed: TDashboardRadar = {
      ...radar,
      pillars: [
        ok('employment', 25, 50, 75),
        { ...ok('procurement', 10, 20, 40), basis: 'named', contributors: 4, anonymousLeftOut: 1 },
        ok('net-zero', 0, 12.5, 33.3),
      ],
    };
    render(<NetworkRadarSection radar={mixed} threshold={5} labels={labels} />);
    expect(
      screen.getByRole('figure', { name: /Procurement counts the named members only\.$/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Named members only (4): the 1 anonymous member is left out until at least 5 anonymous members have submitted.',
      ),
    ).toBeInTheDocument();
  });
});
