import { DEFAULT_FRAMEWORK } from '@waymark/rubric';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiClient,
  checkBothSizes,
  DESKTOP,
  eventually,
  launchBrowser,
  type RunningServer,
  registerAndSignIn,
  startBuiltServer,
  watchErrors,
} from './harness.js';

/**
 * Issue 9's browser test, the whole journey: a coordinator creates a network through the UI
 * (a district picked, the minimum group size left at its default 5), opens a cycle, and invites
 * six organisations by uploading a CSV on the members page (one bad row refused in the per-row
 * report). Six join: one through the accept page, creating its organisation and choosing to be
 * named, the others through the API (four named, two anonymous). With the four named submitted,
 * a member's benchmark shows as suppressed (4 of 5); once the two anonymous submit too, the member
 * sees where it stands against the median and middle half. The coordinator then reads the
 * dashboard: participation, the heatmap of exactly the four named members (no anonymous name
 * anywhere on the page), sorting, collaboration matches, copy and CSV export. With two anonymous
 * contributors (fewer than the threshold) a figure counting them would let the coordinator, who
 * knows the named results, work them out (complementary suppression), so the radar, priorities and
 * indicator medians are drawn over the four named members only, labelled as such; once the two
 * share by name, every figure counts all six. Every page is checked with axe-core at laptop and phone
 * sizes (test-results/screenshots/networks-NN-*.png).
 */

const PASSWORD = 'correct horse battery staple 42';
const COORDINATOR = { name: 'Nia Coordinator', email: 'nia@westmoor-council.example' };
const NETWORK = 'Westmoor Anchor Network';
const STEP_TIMEOUT = 180_000;

interface Seed {
  name: string;
  email: string;
  organisation: string;
  type: 'business' | 'public_sector' | 'voluntary_community';
  size: 'micro' | 'small' | 'medium' | 'large';
  sharing: 'named' | 'anonymous';
  /** The level every criterion gets, and the target (none: no target). */
  level: number;
  target: number | null;
}

const TYPE_CELLS = {
  business: 'Business',
  public_sector: 'Public sector',
  voluntary_community: 'Voluntary and community',
} as const;
const SIZE_CELLS = { micro: 'Micro', small: 'Small', medium: 'Medium', large: 'Large' } as const;

/**
 * Abbey leads everywhere and Brook and Cedar start low aiming higher, so the dashboard has
 * collaboration matches; Brook joins through the accept page and is the member whose benchmark
 * is read. Echo and Fern are anonymous: their names must never reach the dashboard.
 */
const MEMBERS: Seed[] = [
  {
    name: 'Ava Leader',
    email: 'ava@abbey-trust.example',
    organisation: 'Abbey Hospital Trust',
    type: 'public_sector',
    size: 'large',
    sharing: 'named',
    level: 4,
    target: null,
  },
  {
    name: 'Ben Builder',
    email: 'ben@brook-builders.example',
    organisation: 'Brook Builders',
    type: 'business',
    size: 'small',
    sharing: 'named',
    level: 1,
    target: 3,
  },
  {
    name: 'Cal Care',
    email: 'cal@cedar-care.example',
    organisation: 'Cedar Care',
    type: 'voluntary_community',
    size: 'micro',
    sharing: 'named',
    level: 2,
    target: 4,
  },
  {
    name: 'Dee Dale',
    email: 'dee@dale-college.example',
    organisation: 'Dale College',
    type: 'public_sector',
    size: 'large',
    sharing: 'named',
    level: 3,
    target: 4,
  },
  {
    name: 'Eli Echo',
    email: 'eli@echo-homes.example',
    organisation: 'Echo Homes',
    type: 'business',
    size: 'medium',
    sharing: 'anonymous',
    level: 2,
    target: 3,
  },
  {
    name: 'Fay Fern',
    email: 'fay@fern-foods.example',
    organisation: 'Fern Foods',
    type: 'business',
    size: 'small',
    sharing: 'anonymous',
    level: 3,
    target: 4,
  },
];
const BROOK = MEMBERS[1] as Seed;
const ANONYMOUS = MEMBERS.filter((m) => m.sharing === 'anonymous');

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
let memberBrowser: BrowserContext;
let memberPage: Page;
let errors: string[] = [];
let memberErrors: string[] = [];
let coordinatorToken = '';
let networkId = '';
let cycleId = '';
/** Each organisation's invitation link (this server's origin), by contact email. */
const inviteLinks = new Map<string, string>();
/** Each member's access token and cycle assessment, by contact email. */
const joined = new Map<string, { token: string; assessmentId: string; organisationId: string }>();

const api = <T = unknown>(token: string, method: string, path: string, body?: unknown) =>
  apiClient(server.url, () => token)<T>(method, path, body);

async function waitForHeading(name: string | RegExp, on: Page = page) {
  await on.getByRole('heading', { level: 1, name }).waitFor();
}

/** A calendar date in Europe/London, `offset` days from today (the cycles' calendar). */
function londonDate(offsetDays: number): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + offsetDays * 86_400_000));
}

async function register(person: { name: string; email: string }): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'waymark' },
    body: JSON.stringify({ ...person, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`register ${person.email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

function inviteToken(seed: Seed): string {
  const link = inviteLinks.get(seed.email);
  if (!link) throw new Error(`no invitation link for ${seed.email}`);
  return new URL(link).searchParams.get('token') ?? '';
}

/** A member signs up, accepts its CSV invitation through the API (creating its organisation) and starts. */
async function joinThroughApi(seed: Seed) {
  const token = await register({ name: seed.name, email: seed.email });
  const accepted = await api<{ organisation: { id: string } }>(
    token,
    'POST',
    '/network-invitations/accept',
    {
      token: inviteToken(seed),
      sharing: seed.sharing,
      createOrganisation: {
        name: seed.organisation,
        type: seed.type,
        sizeBand: seed.size,
        sector: null,
        localAuthority: null,
        employees: null,
      },
    },
  );
  const link = await api<{ assessmentId: string }>(
    token,
    'POST',
    `/cycles/${cycleId}/assessments`,
    {
      organisationId: accepted.organisation.id,
    },
  );
  joined.set(seed.email, {
    token,
    assessmentId: link.assessmentId,
    organisationId: accepted.organisation.id,
  });
}

/** A member answers every criterion at its seed's level (and target) and submits. */
async function answerAndSubmit(seed: Seed) {
  const member = joined.get(seed.email);
  if (!member) throw new Error(`${seed.email} has not joined`);
  const { token, assessmentId } = member;
  const detail = await api<{ pillars: { pillarId: string; criterionIds: string[] }[] }>(
    token,
    'GET',
    `/assessments/${assessmentId}`,
  );
  // The share of spend in the local area, entered once beside the first procurement answer.
  const spendCriterion = detail.pillars.find((p) => p.pillarId === 'procurement')?.criterionIds[0];
  for (const criterionId of detail.pillars.flatMap((p) => p.criterionIds)) {
    await api(token, 'PUT', `/assessments/${assessmentId}/answers/${criterionId}`, {
      level: seed.level,
      ...(seed.target ? { targetLevel: seed.target } : {}),
      ...(criterionId === spendCriterion
        ? { indicators: { 'local-spend-share': 10 * seed.level } }
        : {}),
      version: 0,
    });
  }
  await api(token, 'POST', `/assessments/${assessmentId}/submit`);
}

/** Brook's results page, opened afresh; returns its comparison with the network. */
async function openBrookResults() {
  const assessmentId = joined.get(BROOK.email)?.assessmentId;
  await memberPage.goto(`${server.url}/assessments/${assessmentId}/results`);
  await waitForHeading('Results', memberPage);
  const section = memberPage.getByRole('region', { name: `Compared with ${NETWORK} (2026)` });
  await section.waitFor();
  const allMembers = section
    .locator('.member-benchmark__group')
    .filter({ has: memberPage.getByRole('heading', { level: 3, name: 'All members' }) });
  return { section, allMembers };
}

beforeAll(async () => {
  server = await startBuiltServer();
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setViewportSize(DESKTOP);
  errors = watchErrors(page);
  memberBrowser = await launchBrowser();
  memberPage = await memberBrowser.newPage();
  await memberPage.setViewportSize(DESKTOP);
  memberErrors = watchErrors(memberPage);
}, 120_000);

afterAll(async () => {
  await memberBrowser?.close();
  await browser?.close();
  await server?.stop();
});

describe('networks, cycles and the coordinator dashboard (issue 9)', () => {
  it(
    '01 a new coordinator finds no network yet and creates one through the form',
    async () => {
      coordinatorToken = await registerAndSignIn(page, server.url, COORDINATOR, PASSWORD);
      await page.goto(`${server.url}/networks`);
      await waitForHeading('Networks');
      await page.getByRole('heading', { name: 'You are not in a network yet' }).waitFor();
      await checkBothSizes(page, 'networks-01-empty', 'networks, empty');

      await page.getByRole('link', { name: 'Create a network' }).click();
      await waitForHeading('Create a network');
      await page.getByRole('button', { name: 'Create network' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
      await eventually(() => summary.textContent()).toContain('Enter the name of the network');
      await checkBothSizes(page, 'networks-02-create-errors', 'create network with errors');

      await page.getByLabel('Network name').fill(NETWORK);
      await page.getByLabel('Place').fill('Westmoor');
      await page
        .getByLabel(/Description/)
        .fill('Public bodies and businesses of Westmoor working for local good.');
      await page.getByRole('button', { name: 'Create network' }).click();
      await waitForHeading(NETWORK);
      networkId = new URL(page.url()).pathname.split('/')[2] ?? '';
      expect(networkId).toMatch(/^[0-9a-f-]{36}$/);
      await page.getByRole('heading', { name: 'No assessment cycle yet' }).waitFor();
      await checkBothSizes(page, 'networks-03-home-new', 'new network home');
    },
    STEP_TIMEOUT,
  );

  it(
    '02 settings: a district picked by search, the group size left at 5, saved',
    async () => {
      await page
        .getByRole('navigation', { name: `Network: ${NETWORK}` })
        .getByRole('link', { name: 'Settings' })
        .click();
      await waitForHeading('Network settings');
      const search = page.getByRole('searchbox', { name: /Search districts/ });
      await search.fill('leeds');
      await eventually(() => page.getByText('1 district matches “leeds”.').count()).toBe(1);
      await page.getByRole('checkbox', { name: /^Leeds/ }).check();
      await search.fill('brad');
      await page.getByRole('checkbox', { name: /^Bradford/ }).check();
      await page.getByRole('button', { name: 'Remove Bradford' }).press('Enter');
      await eventually(() => page.getByRole('button', { name: 'Remove Bradford' }).count()).toBe(0);
      // The minimum group size stays at its default, 5: the benchmark below depends on it.
      expect(await page.getByLabel('Minimum group size').inputValue()).toBe('5');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await eventually(() => page.getByText('Settings saved.').count()).toBe(1);
      const network = await api<{
        settings: { localAuthorities: { name: string }[]; minGroupSize: number };
      }>(coordinatorToken, 'GET', `/networks/${networkId}`);
      expect(network.settings.localAuthorities.map((d) => d.name)).toEqual(['Leeds']);
      expect(network.settings.minGroupSize).toBe(5);
      await checkBothSizes(page, 'networks-04-settings', 'network settings');
    },
    STEP_TIMEOUT,
  );

  it(
    '03 a cycle opened through the form, open today',
    async () => {
      await page
        .getByRole('navigation', { name: `Network: ${NETWORK}` })
        .getByRole('link', { name: 'Cycles' })
        .click();
      await waitForHeading('Cycles');
      await page.getByRole('link', { name: 'Open a new cycle' }).click();
      await waitForHeading('Open a cycle');
      await page.getByLabel('Cycle name').fill('2026');
      await page.getByLabel('Opens on').fill(londonDate(-3));
      await page.getByLabel('Closes on').fill(londonDate(-5));
      await page.getByRole('button', { name: 'Open cycle' }).click();
      await eventually(() =>
        page.getByText('The closing date must be on or after the opening date').count(),
      ).toBeGreaterThan(0);
      await checkBothSizes(page, 'networks-05-cycle-errors', 'new cycle with errors');
      await page.getByLabel('Closes on').fill(londonDate(20));
      await page.getByRole('button', { name: 'Open cycle' }).click();
      await waitForHeading('Cycle 2026');
      cycleId = new URL(page.url()).pathname.split('/')[2] ?? '';
      expect(cycleId).toMatch(/^[0-9a-f-]{36}$/);
      await eventually(() => page.getByText('20 days left').count()).toBeGreaterThan(0);
      await checkBothSizes(page, 'networks-06-cycle', 'cycle page');
    },
    STEP_TIMEOUT,
  );

  it(
    '04 the coordinator invites the six organisations by CSV; the bad row is refused',
    async () => {
      await page
        .getByRole('navigation', { name: `Network: ${NETWORK}` })
        .getByRole('link', { name: 'Members' })
        .click();
      await waitForHeading('Members');
      await page.getByText('No organisation has joined yet.').waitFor();
      // Brook's size is left blank: its contact picks it on the accept page.
      const csv = [
        'Organisation name,Contact email,Type,Size',
        ...MEMBERS.map((m) =>
          [
            m.organisation,
            m.email,
            TYPE_CELLS[m.type],
            m.email === BROOK.email ? '' : SIZE_CELLS[m.size],
          ].join(','),
        ),
        'Gorse Garage,,Business,Small',
      ].join('\n');
      const form = page.getByRole('form', { name: 'Invite from a CSV file' });
      await form.getByLabel('CSV file').setInputFiles({
        name: 'westmoor-members.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv),
      });
      const imported = page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith('/invitations/import'),
      );
      await form.getByRole('button', { name: 'Upload and invite' }).click();
      const response = await imported;
      expect(response.status()).toBe(200);
      const body = (await response.json()) as {
        rows: { email: string; outcome: string; inviteUrl?: string }[];
      };
      for (const row of body.rows) {
        if (!row.inviteUrl) continue;
        // The link as this server serves it (the API builds it on its public URL).
        const url = new URL(row.inviteUrl);
        expect(url.pathname).toBe('/network-invitations/accept');
        inviteLinks.set(row.email, `${server.url}${url.pathname}${url.search}`);
      }
      expect([...inviteLinks.keys()]).toEqual(MEMBERS.map((m) => m.email));

      const report = page.getByRole('table', { name: 'What happened to each row of the file' });
      const rows = report.getByRole('row');
      await eventually(() => rows.count()).toBe(8);
      for (const [index, seed] of MEMBERS.entries()) {
        const text = await rows.nth(index + 1).textContent();
        expect(text).toContain(seed.organisation);
        expect(text).toContain('Invited');
      }
      expect(await rows.nth(7).textContent()).toContain(
        'Gorse GarageRefused: The contact email is missing',
      );
      await eventually(() => page.getByText('6 invitations created, 1 row refused').count()).toBe(
        1,
      );
      const invitations = page.getByRole('table', { name: /invitations, newest first/ });
      await eventually(() => invitations.getByRole('row').count()).toBe(7);
      expect(await invitations.textContent()).not.toContain('Gorse Garage');
      await checkBothSizes(page, 'networks-07-invite-csv', 'members page, CSV report');
    },
    STEP_TIMEOUT,
  );

  it(
    '05 one organisation joins through the accept page, creating itself and choosing named',
    async () => {
      const token = await registerAndSignIn(
        memberPage,
        server.url,
        { name: BROOK.name, email: BROOK.email },
        PASSWORD,
      );
      await memberPage.goto(inviteLinks.get(BROOK.email) ?? '');
      await waitForHeading(`Join ${NETWORK}`, memberPage);
      // The organisation is created from the invitation: name and type as the CSV gave them.
      await eventually(() => memberPage.getByLabel('Organisation name').inputValue()).toBe(
        BROOK.organisation,
      );
      expect(await memberPage.getByLabel('Type of organisation').inputValue()).toBe('business');
      const accept = memberPage.getByRole('button', { name: `Accept and join ${NETWORK}` });
      await accept.click();
      const summary = memberPage.getByRole('alert').filter({ hasText: 'There is a problem' });
      await eventually(() => summary.textContent()).toContain(
        'Choose the size of the organisation',
      );
      expect(await summary.textContent()).toContain(
        'Choose how your organisation shares its results',
      );
      await memberPage
        .getByLabel('Size', { exact: true })
        .selectOption({ label: 'Small (10 to 49 people)' });
      await memberPage.getByRole('radio', { name: 'Named' }).check();
      await checkBothSizes(memberPage, 'networks-08-accept', 'accept page, named');
      await accept.click();
      await memberPage.waitForURL((u) => u.pathname === `/networks/${networkId}`);
      await waitForHeading(NETWORK, memberPage);
      const mine = (
        await api<{
          items: {
            id: string;
            memberOrganisations: { organisationId: string; sharing: string }[];
          }[];
        }>(token, 'GET', '/networks')
      ).items.find((n) => n.id === networkId)?.memberOrganisations;
      expect(mine?.map((m) => m.sharing)).toEqual(['named']);

      // The member's network home: a member's sections, and its cycle assessment to start.
      const start = memberPage.getByRole('button', {
        name: `Start your assessment for ${BROOK.organisation}`,
      });
      await start.waitFor();
      expect(
        await memberPage
          .getByRole('navigation', { name: `Network: ${NETWORK}` })
          .getByRole('link')
          .allTextContents(),
      ).toEqual(['Overview', 'Cycles', 'Members']);
      await checkBothSizes(memberPage, 'networks-09-member-home', 'member network home');
      await start.click();
      await memberPage.waitForURL((url) => /^\/assessments\/[0-9a-f-]{36}$/.test(url.pathname));
      const assessmentId = new URL(memberPage.url()).pathname.split('/')[2] ?? '';
      joined.set(BROOK.email, {
        token,
        assessmentId,
        organisationId: mine?.[0]?.organisationId ?? '',
      });
      expect(DEFAULT_FRAMEWORK.id).toBe('anchor-progression');
    },
    STEP_TIMEOUT,
  );

  it(
    '06 the other five join through the API; one is added as a coordinator',
    async () => {
      for (const seed of MEMBERS) if (seed !== BROOK) await joinThroughApi(seed);
      await page.goto(`${server.url}/networks/${networkId}/members`);
      await waitForHeading('Members');
      const members = page.getByRole('table', { name: /member/ });
      await eventually(async () => (await members.getByRole('row').count()) - 1).toBe(6);
      await page
        .getByRole('navigation', { name: `Network: ${NETWORK}` })
        .getByRole('link', { name: 'Coordinators' })
        .click();
      await waitForHeading('Coordinators');
      await page.getByLabel('Email address').fill('nobody@westmoor.example');
      await page.getByRole('button', { name: 'Add coordinator' }).click();
      await eventually(() =>
        page.getByText('No Waymark account uses that email: ask them to register first').count(),
      ).toBeGreaterThan(0);
      await page.getByLabel('Email address').fill(MEMBERS[3]?.email ?? '');
      await page.getByRole('button', { name: 'Add coordinator' }).click();
      await eventually(() =>
        page.getByText(`${MEMBERS[3]?.name} is now a coordinator.`).count(),
      ).toBe(1);
      await checkBothSizes(page, 'networks-10-coordinators', 'coordinators');
    },
    STEP_TIMEOUT,
  );

  it(
    '07 with the four named submitted, the member’s benchmark shows as suppressed (4 of 5)',
    async () => {
      for (const seed of MEMBERS) if (seed.sharing === 'named') await answerAndSubmit(seed);
      const { section, allMembers } = await openBrookResults();
      await eventually(() => allMembers.textContent()).toContain(
        'Not enough submissions yet (4 of 5).',
      );
      expect(await section.getByRole('table').count()).toBe(0);
      await section.scrollIntoViewIfNeeded();
      await checkBothSizes(memberPage, 'networks-11-benchmark-suppressed', 'benchmark, 4 of 5');
    },
    STEP_TIMEOUT,
  );

  it(
    '08 once all six have submitted, the member sees its position against the median',
    async () => {
      for (const seed of ANONYMOUS) await answerAndSubmit(seed);
      const { allMembers } = await openBrookResults();
      const table = allMembers.getByRole('table', {
        name: 'All members: 6 organisations have submitted. Scores out of 100.',
      });
      await table.waitFor();
      expect((await table.getByRole('columnheader').allTextContents()).slice(0, 5)).toEqual([
        'Pillar',
        'Your score',
        'Median',
        'Middle half',
        'Your position',
      ]);
      // Scores 100, 0, 33, 67, 33 and 67 (every criterion at levels 4, 1, 2, 3, 2 and 3): the
      // median is 50, the middle half 33 to 67, and Brook, at 0, in the lowest quarter.
      const overall = table.getByRole('row', { name: /^Overall/ });
      expect((await overall.getByRole('cell').allTextContents()).slice(0, 4)).toEqual([
        '0',
        '50',
        '33 to 67',
        'Lowest quarter',
      ]);
      await allMembers.scrollIntoViewIfNeeded();
      await checkBothSizes(memberPage, 'networks-12-benchmark', 'benchmark, against the median');
      expect(memberErrors.filter((e) => !e.includes('status of 401'))).toEqual([]);
    },
    STEP_TIMEOUT,
  );

  it(
    '09 the dashboard: participation, exactly the four named, the figures over the named only, matches',
    async () => {
      await page.goto(`${server.url}/cycles/${cycleId}/dashboard`);
      await waitForHeading('Dashboard: cycle 2026');
      const participation = page.getByRole('region', { name: 'Participation' });
      // Invited, joined, started, submitted.
      await eventually(() => participation.locator('.stat-tile__value').allTextContents()).toEqual([
        '6',
        '6',
        '6',
        '6',
      ]);
      expect(await participation.textContent()).toContain('Every member has submitted.');
      const heatmap = page.getByRole('table', { name: /Named members’ scores and stages/ });
      const names = () => heatmap.getByRole('rowheader').allTextContents();
      expect(await names()).toEqual([
        'Abbey Hospital Trust',
        'Brook Builders',
        'Cedar Care',
        'Dale College',
      ]);
      // No anonymous member's name anywhere on the page.
      const everything = (await page.locator('body').textContent()) ?? '';
      for (const seed of ANONYMOUS) expect(everything).not.toContain(seed.organisation);
      await heatmap.getByRole('button', { name: 'Overall' }).click();
      await eventually(names).toEqual([
        'Abbey Hospital Trust',
        'Dale College',
        'Cedar Care',
        'Brook Builders',
      ]);
      expect(
        await heatmap.getByRole('columnheader', { name: 'Overall' }).getAttribute('aria-sort'),
      ).toBe('descending');
      await expect(
        heatmap.getByRole('link', { name: 'Brook Builders' }).getAttribute('href'),
      ).resolves.toMatch(new RegExp(`^/cycles/${cycleId}/members/[0-9a-f-]{36}$`));

      // Two anonymous of six, fewer than the threshold (5): with the four named known to the
      // coordinator, a median over all six could give an anonymous one away, so every network
      // figure is the four named members' (scores 100, 0, 33.3 and 66.7: quartiles 25 and 75;
      // over all six they would be 33 and 67), and says so.
      const namedOnly =
        'Named members only (4): the 2 anonymous members are left out until at least 5 anonymous members have submitted.';
      const radar = page.getByRole('region', { name: 'Where the network stands' });
      expect(await radar.textContent()).toContain('6 so far, 2 of them anonymous');
      expect(await radar.getByText(namedOnly).count()).toBe(1);
      await radar
        .getByRole('img', {
          name: 'The named members’ median pillar scores with the interquartile range, out of 100',
        })
        .waitFor();
      await radar.locator('.radar-chart__drawing svg').first().waitFor();
      expect(await radar.locator('.data-table__suppressed').count()).toBe(0);
      const overall = radar.getByRole('row', { name: /^Overall/ });
      expect(await overall.getByRole('cell').allTextContents()).toEqual([
        '25',
        '50',
        '75',
        '4 named',
      ]);
      const priorities = page.getByRole('region', { name: 'Collective priorities' });
      expect(await priorities.getByText(namedOnly).count()).toBe(1);
      const lowest = priorities.locator('.panel').filter({ hasText: 'Lowest medians' });
      expect(await lowest.getByRole('listitem').count()).toBeGreaterThan(0);
      expect(await lowest.textContent()).toMatch(/median \d+ out of 100 · 4 members/);
      const gaps = priorities.locator('.panel').filter({ hasText: 'Biggest gaps to targets' });
      expect(await gaps.getByRole('listitem').count()).toBeGreaterThan(0);
      const indicators = page.getByRole('region', { name: 'Indicators' });
      expect(await indicators.getByText(namedOnly).count()).toBe(1);
      // Levels 4, 1, 2 and 3 reported 40, 10, 20 and 30% local spend: median 25%.
      const spendNamed = indicators.getByRole('row', { name: /% of spend within the local area/ });
      expect(await spendNamed.getByRole('cell').allTextContents()).toEqual([
        'Procurement',
        '25%',
        '4 named',
      ]);
      // Nothing that all six answered reads as missing or held back (indicators nobody reported
      // say "No member has reported it yet").
      for (const region of [radar, priorities, page.getByRole('region', { name: /^Stages/ })]) {
        expect(await region.getByText(/Not enough submissions yet|Held back/).count()).toBe(0);
      }

      // Matches pair named members only, so they show.
      const collaboration = page.getByRole('region', { name: 'Who could help whom' });
      expect(await collaboration.textContent()).toContain('Abbey Hospital Trust');
      await page
        .context()
        .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      await collaboration.getByRole('button', { name: 'Copy list' }).click();
      await eventually(() =>
        page.getByText(/^Copied \d+ match(es)? to the clipboard\.$/).count(),
      ).toBe(1);
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toMatch(
        /Abbey Hospital Trust \(Leading\) could help Brook Builders \(Getting started, aiming for Embedding\)/,
      );
      expect(copied).toContain('Cedar Care (Developing, aiming for Leading)');
      for (const seed of ANONYMOUS) expect(copied).not.toContain(seed.organisation);

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export members (CSV)' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('waymark-westmoor-anchor-network-2026-members.csv');
      const aggregates = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export aggregates (CSV)' }).click();
      expect((await aggregates).suggestedFilename()).toBe(
        'waymark-westmoor-anchor-network-2026-aggregates.csv',
      );
      await checkBothSizes(page, 'networks-13-dashboard', 'coordinator dashboard');
    },
    STEP_TIMEOUT,
  );

  it(
    '10 once the two anonymous members share by name, the radar, priorities and medians show',
    async () => {
      for (const seed of ANONYMOUS) {
        const member = joined.get(seed.email);
        await api(
          member?.token ?? '',
          'PATCH',
          `/networks/${networkId}/members/${member?.organisationId}`,
          { sharing: 'named' },
        );
      }
      await page.goto(`${server.url}/cycles/${cycleId}/dashboard`);
      await waitForHeading('Dashboard: cycle 2026');
      const heatmap = page.getByRole('table', { name: /Named members’ scores and stages/ });
      await eventually(() => heatmap.getByRole('rowheader').count()).toBe(6);
      const radar = page.getByRole('region', { name: 'Where the network stands' });
      await radar
        .getByRole('img', {
          name: 'The network’s median pillar scores with the interquartile range, out of 100',
        })
        .waitFor();
      // All six count now: quartiles 33 and 67 (the four named alone gave 25 and 75).
      const overall = radar.getByRole('row', { name: /^Overall/ });
      expect(await overall.getByRole('cell').allTextContents()).toEqual(['33', '50', '67', '6']);
      expect(await page.getByText(/^Named members only/).count()).toBe(0);
      const priorities = page.getByRole('region', { name: 'Collective priorities' });
      const lowest = priorities.locator('.panel').filter({ hasText: 'Lowest medians' });
      expect(await lowest.getByRole('listitem').count()).toBeGreaterThan(0);
      expect(await lowest.textContent()).toMatch(/median \d+ out of 100 · 6 members/);
      const gaps = priorities.locator('.panel').filter({ hasText: 'Biggest gaps to targets' });
      expect(await gaps.getByRole('listitem').count()).toBeGreaterThan(0);
      expect(await gaps.textContent()).toMatch(/members aim a median [\d.]+ levels? higher/);
      // Levels 4, 1, 2, 3, 2 and 3 reported 40, 10, 20, 30, 20 and 30% local spend: median 25%.
      const spend = page
        .getByRole('region', { name: 'Indicators' })
        .getByRole('row', { name: /% of spend within the local area/ });
      expect(await spend.textContent()).toContain('25%');
      await checkBothSizes(page, 'networks-14-dashboard-all-named', 'dashboard, all named');

      // The list pages, now with something in them.
      await page.goto(`${server.url}/networks/${networkId}/cycles`);
      await waitForHeading('Cycles');
      await page.getByRole('link', { name: '2026' }).waitFor();
      await checkBothSizes(page, 'networks-15-cycles', 'cycles list');
      await page.goto(`${server.url}/networks`);
      await waitForHeading('Networks');
      await page.getByRole('link', { name: NETWORK }).waitFor();
      expect(await page.locator('.network-card__relation').allTextContents()).toEqual([
        'You coordinate it',
      ]);
      await checkBothSizes(page, 'networks-16-list', 'networks list');
      // The one failed request was the deliberate 422 for an address with no account (step 06).
      expect(errors.filter((e) => !e.includes('status of 422'))).toEqual([]);
    },
    STEP_TIMEOUT,
  );
});
