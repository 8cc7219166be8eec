import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RadarChart, type RadarSeries } from './radar-chart';

const series: RadarSeries[] = [
  { key: 'current', label: 'Now', colour: '#17324d' },
  { key: 'target', label: 'Target', colour: '#a1447a', dashed: true, fillOpacity: 0 },
];

const data = [
  { axis: 'Employment', pillarId: 'employment', current: 66.7, target: 100 },
  { axis: 'Procurement', pillarId: 'procurement', current: 0, target: 33.3 },
  { axis: 'Net zero', pillarId: 'net-zero', current: null, target: null },
];

describe('RadarChart', () => {
  it('names the drawing and gives screen readers the same numbers as a table', () => {
    render(
      <RadarChart data={data} series={series} title="Scores by pillar" caption="An example." />,
    );

    expect(screen.getByRole('img', { name: 'Scores by pillar' })).toBeInTheDocument();
    expect(screen.getByRole('figure', { name: 'An example.' })).toBeInTheDocument();

    const table = screen.getByRole('table', { name: 'Scores by pillar' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Pillar', 'Now', 'Target']);
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => Array.from(row.children, (cell) => cell.textContent));
    expect(rows).toEqual([
      ['Employment', '66.7', '100'],
      ['Procurement', '0', '33.3'],
      ['Net zero', 'Not scored', 'Not scored'],
    ]);
    // Row headers make each number readable on its own ("Employment, Now, 66.7").
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['Employment', 'Procurement', 'Net zero']);
  });

  it('uses the given axis key, axis label and value format', () => {
    render(
      <RadarChart
        data={[{ theme: 'Estates', score: 12.5 }]}
        series={[{ key: 'score', label: 'Score', colour: '#000000' }]}
        title="By theme"
        axisKey="theme"
        axisLabel="Theme"
        formatValue={(v) => (v === null ? '—' : `${v} of 100`)}
      />,
    );
    const table = screen.getByRole('table', { name: 'By theme' });
    expect(within(table).getByRole('columnheader', { name: 'Theme' })).toBeInTheDocument();
    expect(within(table).getByRole('rowheader', { name: 'Estates' })).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: '12.5 of 100' })).toBeInTheDocument();
  });

  it('shows a legend entry per series, dashed where asked', () => {
    const { container } = render(<RadarChart data={data} series={series} title="Scores" />);
    const legend = container.querySelector('.radar-chart__legend');
    expect(legend?.textContent).toBe('NowTarget');
    const swatches = container.querySelectorAll('.radar-chart__swatch');
    expect(swatches[0]).not.toHaveAttribute('data-dashed');
    expect(swatches[1]).toHaveAttribute('data-dashed', 'true');
  });

  it('shows a band’s own fill in its legend swatch, and an outline-only series as an outline', () => {
    const band: RadarSeries[] = [
      { key: 'q1', label: 'Lower quartile', colour: '#a1447a', fill: 'none', dashed: true },
      {
        key: 'q3',
        label: 'Upper quartile',
        colour: '#a1447a',
        fill: '#17324d',
        fillOpacity: 0.25,
        fillFrom: 'q1',
      },
      { key: 'median', label: 'Median', colour: '#17324d', fill: 'none' },
    ];
    const { container } = render(
      <RadarChart
        data={[{ axis: 'Employment', q1: 20, q3: 60, median: 40 }]}
        series={band}
        title="Band"
      />,
    );
    const swatches = Array.from(container.querySelectorAll<HTMLElement>('.radar-chart__swatch'));
    expect(swatches.map((s) => s.dataset.band)).toEqual([undefined, 'true', undefined]);
    const tint = swatches[1]?.firstElementChild as HTMLElement | null;
    expect(tint?.style.backgroundColor).toBe('rgb(23, 50, 77)');
    expect(tint?.style.opacity).toBe('0.25');
    expect(swatches[1]?.style.borderColor).toBe('rgb(161, 68, 122)');
    expect(swatches[0]?.style.backgroundColor).toBe('transparent');
    expect(swatches[2]?.style.backgroundColor).toBe('transparent');
    expect(swatches[2]?.childElementCount).toBe(0);
    // Every series keeps its column in the table, the band's inner edge too.
    const table = screen.getByRole('table', { name: 'Band' });
    expect(
      within(table)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['20', '60', '40']);
  });

  it('keeps the default series looking as before: a solid swatch, or an outline when dashed', () => {
    const { container } = render(<RadarChart data={data} series={series} title="Scores" />);
    const [today, target] = Array.from(
      container.querySelectorAll<HTMLElement>('.radar-chart__swatch'),
    );
    expect(today?.style.backgroundColor).toBe('rgb(23, 50, 77)');
    expect(target?.style.backgroundColor).toBe('transparent');
  });

  it("holds the drawing's place, as wide as it will be, until the chart library has loaded", async () => {
    const { container } = render(
      <RadarChart data={data} series={series} title="Scores" maxSize={320} />,
    );
    const drawing = screen.getByRole('img', { name: 'Scores' });
    const placeholder = drawing.querySelector('.radar-chart__placeholder');
    expect(placeholder).toHaveStyle({ maxWidth: '320px' });
    // The table does not wait for the drawing.
    expect(screen.getByRole('table', { name: 'Scores' })).toBeInTheDocument();

    await waitFor(() => expect(drawing.querySelector('.radar-chart__placeholder')).toBeNull());
    expect(container.querySelector('.recharts-wrapper')).not.toBeNull();
  });
});
