import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  launchBrowser,
  type RunningServer,
  screenshot,
  seriousA11yViolations,
  startBuiltServer,
  watchErrors,
} from './harness.js';

const PILLARS = [
  'Employment',
  'Procurement',
  'Estates and assets',
  'Net zero',
  'Corporate and community',
];

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  server = await startBuiltServer();
  browser = await launchBrowser();
  page = await browser.newPage();
  errors = watchErrors(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('framework explorer', () => {
  it('shows every pillar of the default framework and a rendered radar chart', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: /Anchor Progression Framework/ }).waitFor();
    for (const pillar of PILLARS) {
      await eventually(() =>
        page.getByRole('tab', { name: new RegExp(`^${pillar}`) }).count(),
      ).toBe(1);
    }
    // recharts draws the radar as an SVG path with real coordinates once it has a size.
    const radar = page.locator('.recharts-radar-polygon path').first();
    await eventually(() => radar.getAttribute('d')).toMatch(/^M[\d.]+/);
    await eventually(() =>
      page.locator('.recharts-polar-angle-axis-tick').count(),
    ).toBeGreaterThanOrEqual(PILLARS.length);
    await screenshot(page, 'explorer-desktop');
  });

  it('shows the four levels of a criterion, side by side', async () => {
    for (const level of ['Getting started', 'Developing', 'Embedding', 'Leading']) {
      await eventually(() => page.getByText(level, { exact: false }).count()).toBeGreaterThan(0);
    }
  });

  it('switches pillars with the keyboard alone', async () => {
    const first = page.getByRole('tab', { name: /^Employment/ });
    const second = page.getByRole('tab', { name: /^Procurement/ });
    await first.focus();
    await eventually(() => first.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowRight');
    // Radix moves the focus and the selection after the key event: wait for the state.
    await eventually(() => second.getAttribute('aria-selected')).toBe('true');
    await eventually(() => second.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await first.getAttribute('aria-selected')).toBe('false');
    await eventually(() => page.getByRole('tabpanel').textContent()).toMatch(/spend/i);
  });

  it('has no serious or critical accessibility violations', async () => {
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('reads well on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'explorer-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('serves the API reference page, working under the same Content-Security-Policy', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/api/docs`);
    await eventually(() => page.locator('.opblock').count()).toBeGreaterThanOrEqual(4);
    await screenshot(page, 'api-docs');
  });

  it('logged no console errors or CSP violations', () => {
    expect(errors).toEqual([]);
  });
});
