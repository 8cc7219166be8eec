import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * What every browser test needs: the built server on a fresh embedded database, Debian's Chromium
 * with a throwaway profile, an axe-core check and screenshots kept as test artefacts.
 */

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const SCREENSHOT_DIR = join(repoRoot, 'apps/web/test-results/screenshots');

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

export async function startBuiltServer(): Promise<RunningServer> {
  const entry = join(repoRoot, 'apps/api/dist/server.js');
  // E2E_WEB_DIST serves a web build kept elsewhere (e.g. `vite build --outDir /tmp/x`), so that
  // one build can be tested while another is written to apps/web/dist.
  const webDist = process.env.E2E_WEB_DIST ?? join(repoRoot, 'apps/web/dist');
  const webIndex = join(webDist, 'index.html');
  if (!existsSync(entry) || !existsSync(webIndex)) {
    throw new Error('Build the app first: `pnpm build` (the browser tests run the built server).');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'waymark-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [entry], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      WEB_DIST: webDist,
      JWT_SECRET: 'browser-test-secret-browser-test-secret',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
      const m = out.match(/running at (http:\/\/\S+)/);
      if (m?.[1]) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function launchBrowser(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'waymark-chromium-')), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
    viewport: { width: 1366, height: 900 },
  });
}

/** Collects console errors and uncaught exceptions (a CSP violation shows up here too). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
}

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const w = window as unknown as { axe: typeof axe };
    const result = await w.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.length,
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** How long a browser-test assertion waits for the page to reach the state it expects. */
export const EVENTUALLY_TIMEOUT = 15_000;

/**
 * An assertion on what the page shows that retries until it holds or {@link EVENTUALLY_TIMEOUT}
 * passes (vitest's `expect.poll`): the page renders, moves focus and saves asynchronously, so a
 * value read once, right after an action, is a race. Use it for every read that follows an action.
 */
export function eventually<T>(read: () => T | Promise<T>, message?: string) {
  return expect.poll(read, { timeout: EVENTUALLY_TIMEOUT, interval: 50, message });
}

/** The two sizes every page is checked at: a laptop and a phone. */
export const DESKTOP = { width: 1366, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** A full-page screenshot's height in pixels (the PNG's IHDR): the page's height as drawn. */
export async function shotHeight(path: string): Promise<number> {
  return (await readFile(path)).readUInt32BE(20);
}

/**
 * The page at laptop and phone sizes: no serious or critical axe violation at either, a full-page
 * screenshot of each (`<name>-desktop.png`, `<name>-phone.png`); returns their heights in pixels.
 * Leaves the page at the laptop size.
 */
export async function checkBothSizes(
  page: Page,
  name: string,
  where: string,
): Promise<{ desktop: number; phone: number }> {
  const heights = { desktop: 0, phone: 0 };
  for (const [size, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await seriousA11yViolations(page), `axe on ${where} (${size})`).toEqual([]);
    heights[size] = await shotHeight(await screenshot(page, `${name}-${size}`));
  }
  await page.setViewportSize(DESKTOP);
  return heights;
}

/** Calls the API with a bearer token and the CSRF header; a failure throws with its status. */
export function apiClient(baseUrl: string, token: () => string) {
  return async function api<T = unknown>(method: string, path: string, body?: unknown) {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token()}`,
        'x-requested-with': 'waymark',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (res.status === 204 ? null : await res.json()) as T;
  };
}

/**
 * Registers a person through the API, then signs the page in through the sign-in form, as a user
 * would, so that the app holds its own session. Returns the API's access token for set-up calls.
 */
export async function registerAndSignIn(
  page: Page,
  baseUrl: string,
  person: { name: string; email: string },
  password: string,
): Promise<string> {
  const registered = await fetch(`${baseUrl}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'waymark' },
    body: JSON.stringify({ ...person, password }),
  });
  if (!registered.ok) throw new Error(`register: ${registered.status} ${await registered.text()}`);
  const { accessToken } = (await registered.json()) as { accessToken: string };
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email address').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  return accessToken;
}
