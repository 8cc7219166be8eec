import { DEFAULT_FRAMEWORK } from '@waymark/rubric';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiClient,
  checkBothSizes,
  DESKTOP,
  eventually,
  launchBrowser,
  PHONE,
  type RunningServer,
  registerAndSignIn,
  startBuiltServer,
  watchErrors,
} from './harness.js';

/**
 * Issue 9, network membership: a coordinator invites organisations by CSV and reads the per-row
 * report; a member accepts its invitation (creating its organisation, sharing anonymously), is
 * reminded and reads the notice, submits, and sees its benchmark suppressed while too few members
 * have submitted; the coordinator cannot open an anonymous member's results. Every page is checked
 * with axe-core at laptop and phone sizes (test-results/screenshots/network-NN-*.png).
 */

const PASSWORD = 'correct horse battery staple 42';
const COORDINATOR = { name: 'Cora Ordinator', email: 'cora@northfield-council.example' };
const MEMBER = { name: 'Mo Member', email: 'mo@eastgate.example' };
const STEP_TIMEOUT = 180_000;

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
let errors: string[] = [];
let coordinatorToken = '';
let memberToken = '';
let networkId = '';
let cycleId = '';
let memberOrgId = '';
let memberLink = '';
let namedOrgId = '';
let memberAssessmentId = '';

const coordinatorApi = <T = unknown>(method: string, path: string, body?: unknown) =>
  apiClient(server.url, () => coordinatorToken)<T>(method, path, body);
const memberApi = <T = unknown>(method: string, path: string, body?: unknown) =>
  apiClient(server.url, () => memberToken)<T>(method, path, body);

async function waitForHeading(name: string | RegExp) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Registers someone through the API; returns their access token. */
async function register(person: { name: string; email: string }): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'waymark' },
    body: JSON.stringify({ ...person, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`register: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** Answers every applicable question of the organisation's cycle assessment and submits it. */
async function startAndSubmit(token: string, organisationId: string, level: number) {
  const api = apiClient(server.url, () => token);
  const link = await api<{ assessmentId: string }>('POST', `/cycles/${cycleId}/assessments`, {
    organisationId,
  });
  const detail = await api<{ pillars: { criterionIds: string[] }[] }>(
    'GET',
    `/assessments/${link.assessmentId}`,
  );
  for (const criterionId of detail.pillars.flatMap((p) => p.criterionIds)) {
    await api('PUT', `/assessments/${link.assessmentId}/answers/${criterionId}`, {
      level,
      targetLevel: 4,
      version: 0,
    });
  }
  await api('POST', `/assessments/${link.assessmentId}/submit`);
  return link.assessmentId;
}

/** Invites an organisation by API, and its contact joins it (created on accepting) and submits. */
async function joinAndSubmit(name: string, email: string, sharing: 'named' | 'anonymous') {
  const invited = await coordinatorApi<{ inviteUrl: string }>(
    'POST',
    `/networks/${networkId}/invitations`,
    { organisationName: name, email },
  );
  const token = new URL(invited.inviteUrl).searchParams.get('token');
  const personToken = await register({ name: `${name} admin`, email });
  const accepted = await apiClient(server.url, () => personToken)<{
    organisation: { id: string };
  }>('POST', '/network-invitations/accept', {
    token,
    sharing,
    createOrganisation: {
      name,
      type: 'voluntary_community',
      sizeBand: 'micro',
      sector: null,
      localAuthority: null,
      employees: null,
    },
  });
  await startAndSubmit(personToken, accepted.organisation.id, 3);
  return accepted.organisation.id;
}

/** At phone width the page itself never scrolls sideways (wide tables scroll in their box). */
async function expectNoSidewaysScroll(where: string) {
  await page.setViewportSize(PHONE);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.setViewportSize(DESKTOP);
  expect(width, `page width on ${where} (phone)`).toBeLessThanOrEqual(PHONE.width);
}

function isoDate(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** Signs the page out (cookies gone, page reloaded) and in again as `email`. */
async function signInAs(email: string) {
  await page.context().clearCookies();
  await page.goto(`${server.url}/sign-in`);
  await waitForHeading('Sign in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

beforeAll(async () => {
  server = await startBuiltServer();
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setViewportSize(DESKTOP);
  errors = watchErrors(page);
  coordinatorToken = await registerAndSignIn(page, server.url, COORDINATOR, PASSWORD);
  const network = await coordinatorApi<{ id: string }>('POST', '/networks', {
    name: 'Northfield Anchors',
    place: 'Northfield',
  });
  networkId = network.id;
  const cycle = await coordinatorApi<{ id: string }>('POST', `/networks/${networkId}/cycles`, {
    name: '2026',
    frameworkId: DEFAULT_FRAMEWORK.id,
    frameworkVersion: DEFAULT_FRAMEWORK.version,
    opensOn: isoDate(-1),
    closesOn: isoDate(30),
  });
  cycleId = cycle.id;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('network membership (issue 9)', () => {
  it(
    '01 a coordinator invites organisations by CSV and reads the per-row report',
    async () => {
      await page.goto(`${server.url}/networks/${networkId}/members`);
      await waitForHeading('Members');
      await page.getByText('No organisation has joined yet.').waitFor();
      const form = page.getByRole('form', { name: 'Invite from a CSV file' });
      // A malformed file is refused whole, in the error summary.
      await form.getByLabel('CSV file').setInputFiles({
        name: 'wrong.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('Name,Phone\nEastgate Food Bank,0113 000 0000\n'),
      });
      await form.getByRole('button', { name: 'Upload and invite' }).click();
      const summary = form.getByRole('alert');
      await eventually(() => summary.textContent()).toContain('The file was not imported');
      expect(await summary.textContent()).toContain('Contact email');

      const csv = [
        'Organisation name,Contact email,Type,Size',
        `Eastgate Food Bank,${MEMBER.email},Voluntary and community,Micro`,
        'Riverside Builders,jo@riverside.example,Business,Small',
        'No Email Ltd,,Business,Small',
        `Eastgate again,${MEMBER.email},,`,
      ].join('\n');
      await form.getByLabel('CSV file').setInputFiles({
        name: 'members.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv),
      });
      await form.getByRole('button', { name: 'Upload and invite' }).click();
      const report = page.getByRole('table', { name: 'What happened to each row of the file' });
      await report.waitFor();
      const rows = report.getByRole('row');
      await eventually(() => rows.count()).toBe(5);
      expect(await rows.nth(1).textContent()).toContain('Invited');
      expect(await rows.nth(3).textContent()).toContain('Refused: The contact email is missing');
      expect(await rows.nth(4).textContent()).toContain(
        'Refused: The same email is on an earlier row',
      );
      // Without mail, the links come as a CSV to download and send.
      const href = await page
        .getByRole('link', { name: 'Download the invitation links (CSV)' })
        .getAttribute('href');
      const links = decodeURIComponent(href?.replace(/^data:text\/csv;charset=utf-8,/, '') ?? '');
      const line = links.split(/\r?\n/).find((l) => l.includes(MEMBER.email)) ?? '';
      const url = new URL(line.split(',').at(-1) ?? '');
      memberLink = `${server.url}${url.pathname}${url.search}`;
      expect(url.pathname).toBe('/network-invitations/accept');
      const invitations = page.getByRole('table', { name: /invitations, newest first/ });
      await eventually(() => invitations.textContent()).toContain('Riverside Builders');
      await expectNoSidewaysScroll('members page (coordinator)');
      await checkBothSizes(page, 'network-01-members-coordinator', 'members page (coordinator)');
    },
    STEP_TIMEOUT,
  );

  it(
    '02 the invited member signs up, creates its organisation and joins anonymously',
    async () => {
      await page.context().clearCookies();
      await page.goto(memberLink);
      await waitForHeading('Join Northfield Anchors');
      await page.getByRole('main').getByRole('link', { name: 'Create an account' }).waitFor();
      await checkBothSizes(page, 'network-02-accept-signed-out', 'accept page (signed out)');
      memberToken = await registerAndSignIn(page, server.url, MEMBER, PASSWORD);
      await page.goto(memberLink);
      await waitForHeading('Join Northfield Anchors');
      await eventually(() => page.getByLabel('Organisation name').inputValue()).toBe(
        'Eastgate Food Bank',
      );
      await page.getByRole('button', { name: 'Accept and join Northfield Anchors' }).click();
      await eventually(() => page.getByRole('alert').first().textContent()).toContain(
        'Choose how your organisation shares its results',
      );
      await page.getByRole('radio', { name: 'Anonymous' }).check();
      await checkBothSizes(page, 'network-03-accept-form', 'accept page (form)');
      await page.getByRole('button', { name: 'Accept and join Northfield Anchors' }).click();
      await page.waitForURL((u) => u.pathname === `/networks/${networkId}`);
      const networks = await memberApi<{
        items: { id: string; memberOrganisations: { organisationId: string; sharing: string }[] }[];
      }>('GET', '/networks');
      const mine = networks.items.find((n) => n.id === networkId)?.memberOrganisations[0];
      expect(mine?.sharing).toBe('anonymous');
      memberOrgId = mine?.organisationId ?? '';

      await page.goto(`${server.url}/networks/${networkId}/members`);
      await waitForHeading('Members');
      const table = page.getByRole('table', { name: /member/ });
      await eventually(() => table.textContent()).toContain('Eastgate Food Bank (yours)');
      expect(await table.textContent()).toContain('Anonymous');
      await expectNoSidewaysScroll('members page (member)');
      await checkBothSizes(page, 'network-04-members-member', 'members page (member)');
      // The admin may change the sharing level: the dialog explains both, the current one chosen.
      await page.getByRole('button', { name: 'Change sharing of Eastgate Food Bank' }).click();
      const dialog = page.getByRole('dialog', {
        name: 'How Eastgate Food Bank shares its results',
      });
      await dialog.waitFor();
      expect(await dialog.getByRole('radio', { name: 'Anonymous' }).isChecked()).toBe(true);
      await checkBothSizes(page, 'network-04b-sharing-dialog', 'change sharing dialog');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await eventually(() => dialog.count()).toBe(0);
    },
    STEP_TIMEOUT,
  );

  it(
    '03 the coordinator reminds those who have not submitted; the member reads the notice',
    async () => {
      await signInAs(COORDINATOR.email);
      await page.goto(`${server.url}/networks/${networkId}/members`);
      await waitForHeading('Members');
      await page.getByRole('button', { name: 'Send reminder for 2026' }).click();
      const dialog = page.getByRole('dialog', { name: 'Remind members about 2026?' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Send reminder' }).click();
      await eventually(() =>
        page.locator('.membership-reminder [role="status"]').textContent(),
      ).toContain('Reminder sent to 1 member');

      await signInAs(MEMBER.email);
      const link = page.getByRole('link', { name: /^Notices, 1 unread$/ });
      await link.waitFor();
      await link.click();
      await waitForHeading('Notices');
      await page.getByText('1 notice is unread.', { exact: false }).waitFor();
      await checkBothSizes(page, 'network-05-notices', 'notices page');
      await page
        .getByRole('button', { name: /^Mark as read/ })
        .first()
        .click();
      await page.getByText('Everything is read.', { exact: false }).waitFor();
      await eventually(() => page.getByRole('link', { name: /^Notices/ }).textContent()).toBe(
        'Notices',
      );
    },
    STEP_TIMEOUT,
  );

  it(
    '04 with four submissions the member’s benchmark shows as suppressed (4 of 5)',
    async () => {
      const assessmentId = await startAndSubmit(memberToken, memberOrgId, 2);
      namedOrgId = await joinAndSubmit('Westbank Credit Union', 'ann@westbank.example', 'named');
      await joinAndSubmit('Hillside Hospice', 'raj@hillside.example', 'named');
      await joinAndSubmit('Quiet Trust', 'lee@quiet.example', 'anonymous');
      await page.goto(`${server.url}/assessments/${assessmentId}/results`);
      await waitForHeading('Results');
      const section = page.getByRole('region', { name: 'Compared with Northfield Anchors (2026)' });
      await section.waitFor();
      await eventually(() =>
        section.getByText('Not enough submissions yet (4 of 5).').count(),
      ).toBe(3);
      expect(await section.getByRole('table').count()).toBe(0);
      await section.scrollIntoViewIfNeeded();
      await checkBothSizes(page, 'network-06-benchmark-suppressed', 'results page benchmark');
      memberAssessmentId = assessmentId;
    },
    STEP_TIMEOUT,
  );

  it(
    '05 at the fifth submission the benchmark shows the median, middle half and quartile',
    async () => {
      await joinAndSubmit('Fifth Street Trust', 'kim@fifth.example', 'anonymous');
      await page.goto(`${server.url}/assessments/${memberAssessmentId}/results`);
      await waitForHeading('Results');
      const table = page.getByRole('table', {
        name: /^All members: 5 organisations have submitted/,
      });
      await table.waitFor();
      const employment = table.getByRole('row', { name: /^Employment/ });
      // Four members at level 3 (67), this one at level 2 (33): the lowest quarter.
      await eventually(() => employment.textContent()).toContain('Lowest quarter');
      expect(await employment.textContent()).toContain('67');
      await table.scrollIntoViewIfNeeded();
      await expectNoSidewaysScroll('results page benchmark');
      await checkBothSizes(page, 'network-07-benchmark-shown', 'results page benchmark (shown)');
    },
    STEP_TIMEOUT,
  );

  it(
    '06 the coordinator cannot open an anonymous member’s results, and reads a named one’s',
    async () => {
      await signInAs(COORDINATOR.email);
      await page.goto(`${server.url}/cycles/${cycleId}/members/${memberOrgId}`);
      await waitForHeading('Results not found or not shared');
      await checkBothSizes(page, 'network-08-member-results-hidden', 'member results (anonymous)');
      // A named member's results open read-only.
      await page.goto(`${server.url}/cycles/${cycleId}/members/${namedOrgId}`);
      await waitForHeading('Westbank Credit Union: results');
      const scores = page.getByRole('table', { name: 'Score and stage of each pillar' });
      await eventually(() => scores.getByRole('row').count()).toBeGreaterThan(1);
      expect(await scores.textContent()).toContain('3. Embedding');
      expect(
        await page
          .getByRole('main')
          .getByRole('button', { name: /action|export|edit|reopen|submit/i })
          .count(),
      ).toBe(0);
      // The radar is drawn by a chunk of its own (without animation): wait for its shapes.
      await page.locator('.radar-chart .recharts-radar-polygon').first().waitFor();
      await checkBothSizes(page, 'network-09-member-results-named', 'member results (named)');
      // 401: the session restore after signing out; 404: the hidden results; 422: the malformed CSV.
      expect(errors.filter((e) => !/status of (401|404|422)/.test(e))).toEqual([]);
    },
    STEP_TIMEOUT,
  );
});
