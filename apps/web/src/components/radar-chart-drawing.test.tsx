import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BandShape } from './radar-chart-drawing';

// recharts draws nothing in jsdom (no layout), so the band's shape is tested on its own and the
// whole chart in the browser.
describe('BandShape', () => {
  it('fills a band as a ring: the inner polygon is a hole, not painted over', () => {
    const square = (r: number) => [
      { x: 0, y: -r },
      { x: r, y: 0 },
      { x: 0, y: r },
      { x: -r, y: 0 },
    ];
    const { container } = render(
      <svg>
        <title>Band</title>
        <BandShape
          points={square(10)}
          baseLinePoints={square(4)}
          fill="#a1447a"
          fillOpacity={0.2}
        />
      </svg>,
    );
    const path = container.querySelector('path');
    expect(path).toHaveAttribute('fill-rule', 'evenodd');
    expect(path).toHaveAttribute('fill', '#a1447a');
    expect(path).toHaveAttribute('stroke', 'none');
    expect(path?.getAttribute('d')).toBe('M0,-10L10,0L0,10L-10,0ZM0,-4L4,0L0,4L-4,0Z');
  });

  it('draws no band without both edges', () => {
    const { container } = render(
      <svg>
        <title>Band</title>
        <BandShape points={[{ x: 0, y: 0 }]} baseLinePoints={[]} />
      </svg>,
    );
    expect(container.querySelector('path')).toBeNull();
  });
});
