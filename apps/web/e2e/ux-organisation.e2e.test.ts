import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkBothSizes,
  DESKTOP,
  eventually,
  launchBrowser,
  type RunningServer,
  startBuiltServer,
  watchErrors,
} from './harness.js';

/**
 * Issue 8, the organisation side: invitations that warn before replacing a pending one (points 1),
 * the organisation named on assessment pages loaded directly (point 8), and the account,
 * people and accessibility-statement copy (point 9). Every page is checked with axe-core at a
 * laptop size and a phone size and photographed (test-results/screenshots/ux-org-NN-*.png).
 */

const PASSWORD = 'correct horse battery staple 42';
const ADMIN = { name: 'Ada Lovelace', email: 'ada@riverside.example' };
const INVITEE = 'sam@riverside.example';
const ORGANISATION = 'Riverside Housing Association';
const STEP_TIMEOUT = 180_000;

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
let errors: string[] = [];
let orgId = '';
let assessmentId = '';
let firstLink = '';

/** axe at laptop and phone sizes, with a screenshot of each. */
async function checkPage(where: string, name: string) {
  await checkBothSizes(page, `ux-org-${name}`, where);
}

async function waitForHeading(name: string | RegExp) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** The accessible description of a field: its hint and error, as a screen reader reads them. */
async function describedBy(label: string | RegExp, exact = false) {
  return page.getByLabel(label, { exact }).evaluate((input) => {
    const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
  });
}

async function inviteLink(): Promise<string> {
  const link = page.getByLabel('Invitation link');
  await link.waitFor();
  const url = new URL(await link.inputValue());
  return `${server.url}${url.pathname}${url.search}`;
}

beforeAll(async () => {
  server = await startBuiltServer();
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setViewportSize(DESKTOP);
  errors = watchErrors(page);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('organisation, people and account pages (issue 8)', () => {
  it(
    '01 registration says what to enter in each empty field',
    async () => {
      await page.goto(`${server.url}/register`);
      await waitForHeading('Create your account');
      await page.getByRole('button', { name: 'Create account' }).click();
      await eventually(() => describedBy('Your name')).toContain('Enter your name');
      expect(await describedBy('Email address')).toContain('Enter your email address');
      expect(await describedBy('Password', true)).toContain('Enter a password');
      expect(await page.locator('main').textContent()).not.toContain('This field is required');
      await checkPage('register with errors', '01-register-required');

      await page.getByLabel('Your name').fill(ADMIN.name);
      await page.getByLabel('Email address').fill(ADMIN.email);
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Create account' }).click();
      await waitForHeading('Create your organisation');
      await page.getByLabel('Organisation name').fill(ORGANISATION);
      await page.getByLabel('Type of organisation').selectOption('voluntary_community');
      await page.getByLabel('Size').selectOption('medium');
      await page.getByRole('button', { name: 'Create organisation' }).click();
      await waitForHeading(ORGANISATION);
      orgId = new URL(page.url()).pathname.split('/')[2] ?? '';
      expect(orgId).toMatch(/^[0-9a-f-]{36}$/);
    },
    STEP_TIMEOUT,
  );

  it(
    '02 inviting a pending address warns first, then replaces it; the form resets',
    async () => {
      await page.getByRole('link', { name: 'People', exact: true }).click();
      await waitForHeading('People');
      const pending = page.getByRole('region', { name: 'Pending invitations' });

      await page.getByLabel('Email address').fill(INVITEE);
      await page.getByLabel('Role').selectOption('viewer');
      await page.getByRole('button', { name: 'Send invitation' }).click();
      firstLink = await inviteLink();
      // The form starts again: no address, and the default role rather than the last one.
      await eventually(() => page.getByLabel('Email address').inputValue()).toBe('');
      expect(await page.getByLabel('Role').inputValue()).toBe('contributor');
      await eventually(() => pending.locator('.person-row').allTextContents()).toEqual([
        expect.stringMatching(new RegExp(`${INVITEE}.*Viewer`)),
      ]);
      await checkPage('people after an invitation', '02-people-invited');

      // The same address again, as a contributor: warned, with who, when and which role.
      await page.getByLabel('Email address').fill(INVITEE.toUpperCase());
      await eventually(() => describedBy('Email address')).toMatch(
        /Already invited on .* as a viewer\. Sending again replaces that link\./,
      );
      await page.getByRole('button', { name: 'Send invitation' }).click();
      const dialog = page.getByRole('dialog', { name: 'Replace the pending invitation?' });
      await dialog.waitFor();
      await eventually(() => dialog.textContent()).toMatch(
        new RegExp(
          `${INVITEE} was invited on \\d+ \\w+ \\d{4} as a viewer\\. If you send a new invitation as a contributor, the link you sent before stops working`,
        ),
      );
      // Cancel has focus first: the safe choice.
      await eventually(() =>
        page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''),
      ).toBe('Cancel');
      await checkPage('replace invitation dialog', '03-replace-dialog');

      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      // Nothing was sent: the first link still works.
      await eventually(() =>
        page.evaluate(() => document.activeElement?.tagName ?? 'BODY'),
      ).not.toBe('BODY');
      expect(await pending.locator('.person-row').count()).toBe(1);

      await page.getByRole('button', { name: 'Send invitation' }).click();
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Replace invitation' }).click();
      await dialog.waitFor({ state: 'detached' });
      await eventually(async () => (await inviteLink()) !== firstLink).toBe(true);
      await eventually(() => pending.locator('.person-row').allTextContents()).toEqual([
        expect.stringMatching(new RegExp(`${INVITEE}.*Contributor`)),
      ]);
      expect(await page.getByLabel('Email address').inputValue()).toBe('');
      expect(await page.getByLabel('Role').inputValue()).toBe('contributor');
      expect(errors).toEqual([]);
    },
    STEP_TIMEOUT,
  );

  it(
    '03 the only admin is told why they cannot leave, instead of being offered Leave',
    async () => {
      const members = page.getByRole('region', { name: 'Members' });
      await members
        .getByText('You are the only admin, so you cannot leave. Make someone else an admin first.')
        .waitFor();
      expect(await members.getByRole('button', { name: /^Leave/ }).count()).toBe(0);
    },
    STEP_TIMEOUT,
  );

  it(
    '04 an assessment page loaded directly names its organisation and shows its sections',
    async () => {
      await page.goto(`${server.url}/orgs/${orgId}/assessments`);
      await waitForHeading('Assessments');
      await page.getByRole('button', { name: 'Start the assessment' }).click();
      await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
      assessmentId = new URL(page.url()).pathname.split('/')[2] ?? '';

      // A fresh start: nothing remembered in this browser, the page opened from a bookmark.
      await page.evaluate(() => localStorage.removeItem('waymark:last-organisation'));
      for (const [path, name] of [
        [`/assessments/${assessmentId}`, 'task-list'],
        [`/assessments/${assessmentId}/criteria/real-living-wage-staff`, 'question'],
        [`/assessments/${assessmentId}/review`, 'review'],
        [`/assessments/${assessmentId}/results`, 'results'],
        [`/assessments/${assessmentId}/actions`, 'action-plan'],
      ] as const) {
        await page.goto(`${server.url}${path}`);
        const nav = page.getByRole('navigation', { name: ORGANISATION });
        await nav.waitFor();
        expect(await nav.textContent()).toContain(`Organisation: ${ORGANISATION}`);
        expect(
          await nav.getByRole('link', { name: 'Assessments' }).getAttribute('aria-current'),
        ).toBe('true');
        const switcher = page
          .getByRole('navigation', { name: 'Account' })
          .locator('button')
          .first();
        await eventually(() => switcher.textContent()).toContain(ORGANISATION);
        await checkPage(`${name} loaded directly`, `04-context-${name}`);
      }
      // The organisation's tab goes back to its list of assessments.
      await page
        .getByRole('navigation', { name: ORGANISATION })
        .getByRole('link', { name: 'Assessments' })
        .click();
      await waitForHeading('Assessments');
    },
    STEP_TIMEOUT,
  );

  it(
    '05 the first invitation link says it was withdrawn',
    async () => {
      await page.goto(firstLink);
      await page.getByText('This invitation was withdrawn').waitFor();
    },
    STEP_TIMEOUT,
  );

  it(
    '06 the account page says when the current password is wrong, or a field is empty',
    async () => {
      await page.goto(`${server.url}/account`);
      await waitForHeading('Your account');
      await page.getByRole('button', { name: 'Change password' }).click();
      await eventually(() => describedBy('Current password', true)).toContain(
        'Enter your current password',
      );
      expect(await describedBy(/^New password/)).toContain('Enter a new password');

      await page.getByLabel('Current password', { exact: true }).fill('not my password at all');
      await page.getByLabel(/^New password/).fill('a brand new long passphrase 7');
      await page.getByRole('button', { name: 'Change password' }).click();
      await eventually(() => describedBy('Current password', true)).toContain(
        'The current password is not correct.',
      );
      expect(await page.locator('main').textContent()).not.toMatch(/email address or password/i);
      await checkPage('account, wrong current password', '05-account-wrong-password');
      // The browser logs the refused request itself; nothing else went wrong.
      expect(errors).toEqual([expect.stringContaining('status of 403')]);
      errors.length = 0;
    },
    STEP_TIMEOUT,
  );

  it(
    '07 the accessibility statement is linked from the footer',
    async () => {
      await page
        .getByRole('contentinfo')
        .getByRole('link', { name: 'Accessibility statement' })
        .click();
      await waitForHeading('Accessibility statement');
      for (const heading of ['What we test', 'Known gaps', 'Reporting a problem']) {
        await page.getByRole('heading', { level: 2, name: heading }).waitFor();
      }
      expect(await page.title()).toBe('Accessibility statement · Waymark');
      await checkPage('accessibility statement', '06-accessibility-statement');
      expect(errors).toEqual([]);
    },
    STEP_TIMEOUT,
  );
});
