import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { resetSessionForTests } from '../lib/session';

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

// Whole-app renders under a loaded CI machine can take more than the default second to settle.
configure({ asyncUtilTimeout: 5000 });

// The session lives in a module: every test starts signed out (tests of the restore set `restoring`).
beforeEach(() => {
  resetSessionForTests({ status: 'signed-out', reason: 'initial' });
});

afterEach(() => {
  cleanup();
  localStorage.clear();
});
