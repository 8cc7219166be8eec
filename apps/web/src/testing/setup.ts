import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// recharts' ResponsiveContainer measures its parent with ResizeObserver, which jsdom lacks; without
// this stub the chart throws. jsdom has no layout either, so charts still render no SVG here:
// tests assert on the accessible data table, and the browser tests check the drawing.
class ResizeObserverStub implements ResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= ResizeObserverStub;

// jsdom does not scroll; React Router's ScrollRestoration calls this on every navigation.
window.scrollTo = () => {};

afterEach(() => {
  cleanup();
});
