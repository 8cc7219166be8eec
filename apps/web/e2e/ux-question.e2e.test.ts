import { DEFAULT_FRAMEWORK } from '@waymark/rubric';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiClient,
  checkBothSizes as checkPageBothSizes,
  DESKTOP,
  eventually,
  screenshot as fullPageScreenshot,
  launchBrowser,
  PHONE,
  type RunningServer,
  registerAndSignIn,
  seriousA11yViolations,
  startBuiltServer,
  watchErrors,
} from './harness.js';

/**
 * Issue 8, points 2, 3, 4 and part of 9, on the question page: focus on the h1 and the title
 * announced after Next; focus after closing a dialog and after "Remove link"; a save that cannot
 * succeed says what to change and offers no retry; arrowing across four levels saves once; "not
 * applicable" by a checkbox that asks why only once the reason is left empty; `www.` links taken
 * as https; the notes counter; the conflict dialog starting on the safe choice and marking what
 * differs. Screenshots: test-results/screenshots/ux-question-*.
 */

const PASSWORD = 'correct horse battery staple 42';
const ADMIN = { name: 'Mary Seacole', email: 'mary@harbourside.example' };
const STEP_TIMEOUT = 180_000;
const DRAFT_PREFIX = 'waymark:answer-draft';

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
let errors: string[] = [];
let token = '';
let assessmentId = '';
let criteria: string[] = [];
/** Every answer PUT the page sent, by criterion id. */
const puts: { criterionId: string; body: Record<string, unknown> }[] = [];

function api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  return apiClient(server.url, () => token)<T>(method, path, body);
}

async function expectAccessible(where: string) {
  expect(await seriousA11yViolations(page), `axe on ${where}`).toEqual([]);
}

/** Desktop and phone: axe clean on both, a screenshot of each. */
async function checkBothSizes(name: string, where: string) {
  await checkPageBothSizes(page, name, where);
}

const titleOf = new Map(
  DEFAULT_FRAMEWORK.pillars.flatMap((p) => p.criteria.map((c) => [c.id, c.title] as const)),
);

function criterionUrl(index: number): string {
  return `${server.url}/assessments/${assessmentId}/criteria/${criteria[index]}`;
}

async function openQuestion(index: number) {
  await page.goto(criterionUrl(index));
  await page
    .getByRole('heading', { level: 1, name: titleOf.get(criteria[index] ?? '') ?? '' })
    .waitFor();
}

function putsFor(index: number) {
  return puts.filter((p) => p.criterionId === criteria[index]);
}

function focused(): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'body';
    return `${active.tagName.toLowerCase()}:${active.textContent?.trim().slice(0, 80) ?? ''}`;
  });
}

function focusedLabel(): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLInputElement | null;
    if (!active || active === document.body) return 'body';
    return active.labels?.[0]?.textContent?.trim() ?? active.textContent?.trim() ?? '';
  });
}

beforeAll(async () => {
  server = await startBuiltServer();
  browser = await launchBrowser();
  page = await browser.newPage();
  // Playwright's clock: time flows as usual, and a test can jump it forward (fastForward) to
  // stand for a person pausing, instead of sleeping.
  await page.clock.install();
  await page.setViewportSize(DESKTOP);
  errors = watchErrors(page);
  page.on('request', (request: Request) => {
    const match = /\/answers\/([^/?]+)$/.exec(request.url());
    if (request.method() === 'PUT' && match?.[1]) {
      puts.push({ criterionId: match[1], body: request.postDataJSON() });
    }
  });

  token = await registerAndSignIn(page, server.url, ADMIN, PASSWORD);
  const organisation = await api<{ id: string }>('POST', '/organisations', {
    name: 'Harbourside Community Trust',
    type: 'voluntary_community',
    sizeBand: 'large',
  });
  const assessment = await api<{ id: string }>(
    'POST',
    `/organisations/${organisation.id}/assessments`,
    { frameworkId: DEFAULT_FRAMEWORK.id, frameworkVersion: DEFAULT_FRAMEWORK.version },
  );
  assessmentId = assessment.id;
  const detail = await api<{ pillars: { criterionIds: string[] }[] }>(
    'GET',
    `/assessments/${assessmentId}`,
  );
  criteria = detail.pillars.flatMap((p) => p.criterionIds);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('issue 8: the question page', () => {
  it(
    'after Next, focus is on the new h1 and its title is announced',
    async () => {
      await openQuestion(0);
      expect(await page.title()).toMatch(
        new RegExp(`^Question 1 of ${criteria.length}: ${titleOf.get(criteria[0] ?? '')}`),
      );
      await checkBothSizes('ux-question-01-first', 'first question');

      await page.getByRole('link', { name: /^Next/ }).click();
      const secondTitle = titleOf.get(criteria[1] ?? '') ?? '';
      await page.getByRole('heading', { level: 1, name: secondTitle }).waitFor();
      await eventually(focused).toBe(`h1:${secondTitle}`);
      await eventually(() => page.title()).toMatch(
        new RegExp(`^Question 2 of ${criteria.length}: `),
      );
      await eventually(() => page.locator('[data-route-announcer]').textContent()).toMatch(
        /^Question 2 of /,
      );

      await page.getByRole('link', { name: /^Previous/ }).click();
      await eventually(focused).toBe(`h1:${titleOf.get(criteria[0] ?? '')}`);
    },
    STEP_TIMEOUT,
  );

  it(
    'arrowing from level 1 to level 4 at a reader’s pace saves one answer, not four',
    async () => {
      await openQuestion(0);
      const before = putsFor(0).length;
      await page.getByRole('radio', { name: 'Level 1: Getting started' }).focus();
      for (const name of ['Level 2: Developing', 'Level 3: Embedding', 'Level 4: Leading']) {
        // Held as a person holds a key: Radix chooses the card it moves to while the key is down.
        await page.keyboard.down('ArrowRight');
        await eventually(() => page.getByRole('radio', { name }).getAttribute('aria-checked')).toBe(
          'true',
        );
        await page.keyboard.up('ArrowRight');
        // The user reads each card for longer than the autosave's usual pause (800 ms): the
        // page's clock jumps a second, firing every timer due by then.
        await page.clock.fastForward(1000);
      }
      await page.locator('.save-status[data-status="saved"]').waitFor({ timeout: 10_000 });
      expect(putsFor(0).length - before).toBe(1);
      expect(putsFor(0).at(-1)?.body).toMatchObject({ level: 4 });
      const stored = await api<{ answers: { criterionId: string; level: number | null }[] }>(
        'GET',
        `/assessments/${assessmentId}`,
      );
      expect(stored.answers.find((a) => a.criterionId === criteria[0])?.level).toBe(4);
    },
    STEP_TIMEOUT,
  );

  it(
    '"This does not apply to us" is a checkbox; "say why" shows once the reason is left empty',
    async () => {
      await openQuestion(2);
      // Not in the levels' radio group.
      expect(await page.getByRole('radio', { name: /Not applicable/ }).count()).toBe(0);
      await page.getByRole('checkbox', { name: 'This does not apply to us' }).check();
      const reason = page.getByLabel('Why does this criterion not apply to your organisation?');
      await reason.waitFor();
      expect(await reason.getAttribute('aria-invalid')).toBeNull();
      expect(await page.locator('.field__error').count()).toBe(0);
      await reason.focus();
      await page.keyboard.press('Tab');
      await eventually(() => reason.getAttribute('aria-invalid')).toBe('true');
      const summary = page.getByRole('region', { name: 'There is a problem' });
      await summary.getByRole('link', { name: /Say why/ }).waitFor();
      await checkBothSizes('ux-question-02-not-applicable', 'not applicable, reason missing');
      await summary.getByRole('link', { name: /Say why/ }).click();
      await eventually(focusedLabel).toMatch(/^Why does this criterion not apply/);
      await reason.fill('We own no buildings: we rent one floor of a shared office.');
      await page.locator('.save-status[data-status="saved"]').waitFor({ timeout: 10_000 });
      expect(putsFor(2).at(-1)?.body).toMatchObject({
        level: null,
        notApplicable: { reason: 'We own no buildings: we rent one floor of a shared office.' },
      });
    },
    STEP_TIMEOUT,
  );

  it(
    'a kept change that cannot be saved says what to change, offers no retry, and saves once fixed',
    async () => {
      await openQuestion(3);
      await page.evaluate(
        ({ key }) => {
          localStorage.setItem(
            key,
            JSON.stringify({
              values: {
                choice: '2',
                notApplicableReason: '',
                targetLevel: '',
                notes: '',
                evidenceLinks: [{ url: 'not a web address' }],
                indicators: {},
              },
              baseVersion: 0,
              changedAt: Date.now(),
            }),
          );
        },
        { key: `${DRAFT_PREFIX}:${assessmentId}:${criteria[3]}` },
      );
      const before = putsFor(3).length;
      await page.reload();
      await page.getByText(/cannot be saved until you correct the fields/).waitFor();
      const link = page.getByLabel('Link 1');
      await eventually(() => link.getAttribute('aria-invalid')).toBe('true');
      const summary = page.getByRole('region', { name: 'There is a problem' });
      await summary
        .getByRole('link', {
          name: 'Enter link 1 as a full web address, like https://www.example.org',
        })
        .waitFor();
      expect(await page.getByText(/as soon as the connection allows/).count()).toBe(0);
      expect(await page.getByText(/invalid_format|\[ \{/).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Retry' }).count()).toBe(0);
      expect(await page.locator('.save-status').getAttribute('data-status')).toBe('invalid');
      await checkBothSizes('ux-question-03-cannot-save', 'a change that cannot be saved');
      expect(putsFor(3).length).toBe(before);

      // Typed without https://, it is taken as https:// on leaving the field, and saved.
      await link.fill('www.example.org');
      await page.keyboard.press('Tab');
      await eventually(() => link.inputValue()).toBe('https://www.example.org');
      await page.locator('.save-status[data-status="saved"]').waitFor({ timeout: 10_000 });
      expect(putsFor(3).at(-1)?.body).toMatchObject({
        level: 2,
        evidenceLinks: ['https://www.example.org'],
      });

      // "Remove link" leaves focus on a neighbour, never on the page's body.
      await page.getByRole('button', { name: 'Remove link 1' }).click();
      await eventually(focused).toBe('button:Add a link');
    },
    STEP_TIMEOUT,
  );

  it(
    'notes count down their limit, politely',
    async () => {
      await openQuestion(4);
      const notes = page.getByLabel(/^Notes/);
      await page.getByText('You have 5,000 characters remaining').waitFor();
      await notes.fill('x'.repeat(150));
      await page.getByText('You have 4,850 characters remaining').waitFor();
      expect(await notes.getAttribute('aria-describedby')).toMatch(/-count/);
      await eventually(() =>
        page.locator('.character-count + [aria-live="polite"]').textContent(),
      ).toBe('You have 4,850 characters remaining');
    },
    STEP_TIMEOUT,
  );

  it(
    'the conflict dialog starts on "Decide later", marks what differs, and gives focus back',
    async () => {
      await openQuestion(5);
      await page.getByRole('radio', { name: 'Level 2: Developing' }).click();
      await page.locator('.save-status[data-status="saved"]').waitFor({ timeout: 10_000 });
      // A colleague saves over it meanwhile (same user, another tab: the API sees a new version).
      await api('PUT', `/assessments/${assessmentId}/answers/${criteria[5]}`, {
        level: 3,
        notes: 'Saved elsewhere',
        evidenceLinks: [],
        indicators: {},
        version: 1,
      });
      const notes = page.getByLabel(/^Notes/);
      await notes.fill('Typed here');
      const dialog = page.getByRole('dialog');
      await dialog.waitFor({ timeout: 10_000 });
      await eventually(focused).toBe('button:Decide later');
      await dialog.getByText(/They differ in where you are today/).waitFor();
      expect(await dialog.locator('.answer-summary__row--differs').count()).toBeGreaterThan(1);
      await expectAccessible('conflict dialog (desktop)');
      await fullPageScreenshot(page, 'ux-question-04-conflict-dialog-desktop');
      await page.setViewportSize(PHONE);
      await expectAccessible('conflict dialog (phone)');
      await fullPageScreenshot(page, 'ux-question-04-conflict-dialog-phone');
      await page.setViewportSize(DESKTOP);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      // Back where the user was typing, not on the page's body.
      await eventually(focusedLabel).toMatch(/^Notes/);
      await page.getByRole('button', { name: 'Choose which to keep' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Keep mine' }).click();
      await page.locator('.save-status[data-status="saved"]').waitFor({ timeout: 10_000 });
      await eventually(focused).not.toBe('body');
      // The only console error is the browser's note of the 409 that caused the dialog.
      expect(errors.filter((e) => !e.includes('409 (Conflict)'))).toEqual([]);
    },
    STEP_TIMEOUT,
  );
});
