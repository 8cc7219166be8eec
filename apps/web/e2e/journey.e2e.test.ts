import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  screenshot as fullPageScreenshot,
  launchBrowser,
  type RunningServer,
  seriousA11yViolations,
  startBuiltServer,
  watchErrors,
} from './harness.js';

/**
 * Issue 4, "done when": a new user registers, creates an organisation and invites a colleague, who
 * accepts and completes one pillar; the first user completes the rest (one question by keyboard
 * alone), reloads mid-way and finds every answer, submits, sees the radar chart with one axis per
 * pillar, adds an action and downloads the CSV. Every page is checked with axe-core and
 * photographed (test-results/screenshots/journey-NN-*.png).
 */

const PASSWORD = 'correct horse battery staple 42';
const ADMIN = { name: 'Ada Lovelace', email: 'ada@northfield.example' };
const COLLEAGUE = { name: 'Grace Hopper', email: 'grace@northfield.example' };
const ORGANISATION = 'Northfield Bakery Co-operative';
// A large business on the default framework: five pillars (Service delivery is public sector only).
const PILLARS = [
  'Employment',
  'Procurement',
  'Estates and assets',
  'Net zero',
  'Corporate and community',
];
const LEVELS = ['Getting started', 'Developing', 'Embedding', 'Leading'];
const STEP_TIMEOUT = 180_000;

let server: RunningServer;
let adminBrowser: BrowserContext;
let colleagueBrowser: BrowserContext;
let admin: Page;
let colleague: Page;
let adminErrors: string[] = [];
let colleagueErrors: string[] = [];
let orgId = '';
let assessmentId = '';
let inviteUrl = '';
/** Level chosen per criterion title, to check after the reload. */
const chosen = new Map<string, string>();

/** From the top of the page, so that the sticky save status sits where it belongs. */
async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const path = await fullPageScreenshot(page, name);
  // The same page on a phone: no serious accessibility violation there either, and a picture.
  const desktop = page.viewportSize() ?? { width: 1366, height: 900 };
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await seriousA11yViolations(page), `axe on ${name} (phone)`).toEqual([]);
    await fullPageScreenshot(page, `${name}-phone`);
  } finally {
    await page.setViewportSize(desktop);
  }
  return path;
}

async function expectAccessible(page: Page, where: string) {
  const violations = await seriousA11yViolations(page);
  expect(violations, `axe on ${where}`).toEqual([]);
}

async function waitForHeading(page: Page, name: string | RegExp) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function register(page: Page, person: { name: string; email: string }) {
  await page.getByLabel('Your name').fill(person.name);
  const email = page.getByLabel('Email address');
  if ((await email.inputValue()) === '') await email.fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
}

/** The title of the question the page shows. */
async function questionTitle(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
}

async function waitForSaved(page: Page) {
  await page.locator('.save-status[data-status="saved"]').waitFor({ timeout: 10_000 });
}

/** Answers the question on screen by clicking a level card, and waits for "Saved". */
async function answerByClicking(page: Page, level: number): Promise<void> {
  const title = await questionTitle(page);
  const name = LEVELS[level - 1] ?? LEVELS[0];
  await page.getByRole('radio', { name: `Level ${level}: ${name}` }).click();
  await waitForSaved(page);
  chosen.set(title, `${level}. ${name}`);
}

async function goNext(page: Page): Promise<void> {
  const before = await questionTitle(page);
  await page.getByRole('navigation', { name: 'Questions' }).locator('a[rel="next"]').click();
  await page.waitForFunction((t) => document.querySelector('h1')?.textContent !== t, before);
}

beforeAll(async () => {
  server = await startBuiltServer();
  adminBrowser = await launchBrowser();
  colleagueBrowser = await launchBrowser();
  admin = await adminBrowser.newPage();
  colleague = await colleagueBrowser.newPage();
  adminErrors = watchErrors(admin);
  colleagueErrors = watchErrors(colleague);
}, 120_000);

afterAll(async () => {
  await adminBrowser?.close();
  await colleagueBrowser?.close();
  await server?.stop();
});

describe('an organisation completes its self-assessment', () => {
  it(
    '01 a new user registers',
    async () => {
      await admin.goto(`${server.url}/register`);
      await waitForHeading(admin, 'Create your account');
      await register(admin, ADMIN);
      await expectAccessible(admin, 'register');
      await screenshot(admin, 'journey-01-register');
      await admin.getByRole('button', { name: 'Create account' }).click();
      await waitForHeading(admin, 'Create your organisation');
    },
    STEP_TIMEOUT,
  );

  it(
    '02 creates an organisation',
    async () => {
      await admin.getByLabel('Organisation name').fill(ORGANISATION);
      await admin.getByLabel('Type of organisation').selectOption('business');
      await admin.getByLabel('Size').selectOption('large');
      await expectAccessible(admin, 'create organisation');
      await screenshot(admin, 'journey-02-create-organisation');
      await admin.getByRole('button', { name: 'Create organisation' }).click();
      await waitForHeading(admin, ORGANISATION);
      orgId = new URL(admin.url()).pathname.split('/')[2] ?? '';
      expect(orgId).toMatch(/^[0-9a-f-]{36}$/);
    },
    STEP_TIMEOUT,
  );

  it(
    '03 invites a colleague and copies the invitation link',
    async () => {
      await admin.getByRole('link', { name: 'People', exact: true }).click();
      await admin.getByRole('heading', { name: 'Invite a colleague' }).waitFor();
      await admin.getByLabel('Email address').fill(COLLEAGUE.email);
      await admin.getByLabel('Role').selectOption('contributor');
      await admin.getByRole('button', { name: 'Send invitation' }).click();
      const link = admin.getByLabel('Invitation link');
      await link.waitFor();
      const url = new URL(await link.inputValue());
      // The link names the configured public address; the test server listens elsewhere.
      inviteUrl = `${server.url}${url.pathname}${url.search}`;
      expect(url.searchParams.get('token')).toBeTruthy();
      await expectAccessible(admin, 'people');
      await screenshot(admin, 'journey-03-invite');
    },
    STEP_TIMEOUT,
  );

  it(
    '04 the colleague registers and accepts the invitation',
    async () => {
      await colleague.goto(inviteUrl);
      await waitForHeading(colleague, `Join ${ORGANISATION}`);
      await expectAccessible(colleague, 'invitation');
      await colleague.getByRole('link', { name: 'Create an account' }).click();
      await waitForHeading(colleague, 'Create your account');
      await register(colleague, COLLEAGUE);
      await colleague.getByRole('button', { name: 'Create account' }).click();
      const accept = colleague.getByRole('button', { name: `Accept and join ${ORGANISATION}` });
      await accept.waitFor();
      await screenshot(colleague, 'journey-04-accept-invitation');
      await accept.click();
      await waitForHeading(colleague, ORGANISATION);
    },
    STEP_TIMEOUT,
  );

  it(
    '05 the admin starts an assessment and assigns Employment to the colleague',
    async () => {
      await admin.goto(`${server.url}/orgs/${orgId}/assessments`);
      await waitForHeading(admin, 'Assessments');
      const startButton = admin.getByRole('button', { name: 'Start the assessment' });
      await startButton.waitFor();
      // A business is not offered the public-sector pillar (the form has rendered: its button is there).
      expect(await admin.getByRole('checkbox').count()).toBe(0);
      await expectAccessible(admin, 'assessment list');
      await screenshot(admin, 'journey-05-start-assessment');
      await startButton.click();
      await admin.getByRole('heading', { name: 'Pillars' }).waitFor();
      assessmentId = new URL(admin.url()).pathname.split('/')[2] ?? '';
      expect(assessmentId).toMatch(/^[0-9a-f-]{36}$/);
      const pillarHeadings = admin.locator('.task-list__title');
      await eventually(() => pillarHeadings.allTextContents()).toEqual(PILLARS);

      await admin.getByRole('button', { name: 'Assign who answers Employment' }).click();
      const assign = admin.getByLabel('Assign Employment to');
      await assign.selectOption({ label: COLLEAGUE.name });
      await admin.getByRole('button', { name: 'Save who answers Employment' }).click();
      await admin.getByText(`Assigned to ${COLLEAGUE.name}.`).waitFor();
      await expectAccessible(admin, 'task list');
      await screenshot(admin, 'journey-06-task-list-assigned');
    },
    STEP_TIMEOUT,
  );

  it(
    '06 the colleague completes the Employment pillar',
    async () => {
      await colleague.goto(`${server.url}/assessments/${assessmentId}`);
      await colleague.getByRole('heading', { name: 'Pillars' }).waitFor();
      const employment = colleague.locator('.task-list__pillar').first();
      await employment.getByText('Assigned to you').waitFor();
      await screenshot(colleague, 'journey-07-colleague-task-list');
      await employment.getByRole('link', { name: 'Employment', exact: true }).click();
      await colleague.locator('.criterion-page').waitFor();
      await expectAccessible(colleague, 'criterion page');

      let answered = 0;
      for (;;) {
        await answerByClicking(colleague, (answered % 3) + 2);
        answered += 1;
        if (answered === 1) {
          await colleague.getByLabel(/Notes/).fill('Payroll report run in March.');
          await waitForSaved(colleague);
          await screenshot(colleague, 'journey-08-criterion-saved');
        }
        const next = colleague
          .getByRole('navigation', { name: 'Questions' })
          .locator('a[rel="next"]');
        if ((await next.textContent())?.startsWith('Next pillar')) break;
        await goNext(colleague);
      }
      await colleague.goto(`${server.url}/assessments/${assessmentId}`);
      const pillar = colleague.locator('.task-list__pillar').first();
      await pillar.getByText('Completed', { exact: true }).waitFor();
      expect(answered).toBeGreaterThan(3);
    },
    STEP_TIMEOUT,
  );

  it(
    '07 the admin answers one question with the keyboard alone',
    async () => {
      await admin.goto(`${server.url}/assessments/${assessmentId}`);
      const procurement = admin.locator('.task-list__pillar').nth(1);
      const start = procurement.getByRole('link', { name: 'Procurement', exact: true });
      const href = (await start.getAttribute('href')) ?? '';
      await admin.goto(`${server.url}${href}`);
      await admin.locator('.criterion-page').waitFor();
      const title = await questionTitle(admin);

      // Tab from the top of the page to the level cards…
      await admin.locator('body').focus();
      let onRadio = false;
      for (let i = 0; i < 40 && !onRadio; i += 1) {
        await admin.keyboard.press('Tab');
        onRadio = await admin.evaluate(
          () => document.activeElement?.getAttribute('role') === 'radio',
        );
      }
      expect(onRadio).toBe(true);
      const focused = () =>
        admin.evaluate(() => {
          const el = document.activeElement;
          return `${el?.getAttribute('value')}:${el?.getAttribute('aria-checked')}`;
        });
      const trail = [await focused()];
      // …move with the arrows and choose with Space: "Embedding". Radix moves the focus a tick
      // after the key goes down, so each step waits for the focus to arrive where it should.
      const steps: Array<[string, RegExp]> = [
        ['ArrowRight', /^2:/],
        ['ArrowRight', /^3:/],
        ['Space', /^3:true$/],
      ];
      for (const [key, expected] of steps) {
        await admin.keyboard.press(key);
        await eventually(focused, trail.join(' → ')).toMatch(expected);
        trail.push(await focused());
      }
      const embedding = admin.getByRole('radio', { name: 'Level 3: Embedding' });
      await eventually(() => embedding.getAttribute('aria-checked'), trail.join(' → ')).toBe(
        'true',
      );
      // Tab on to the target (suggested: one level up) and the notes, and type.
      await eventually(() => admin.getByLabel('Target level').inputValue()).toBe('4');
      let inNotes = false;
      for (let i = 0; i < 10 && !inNotes; i += 1) {
        await admin.keyboard.press('Tab');
        inNotes = await admin.evaluate(() => document.activeElement?.tagName === 'TEXTAREA');
      }
      expect(inNotes).toBe(true);
      await admin.keyboard.type('Spend analysis by postcode, reviewed by the board.');
      await waitForSaved(admin);
      chosen.set(title, '3. Embedding');
      await screenshot(admin, 'journey-09-keyboard-answer');
      await expectAccessible(admin, 'criterion answered by keyboard');

      // Follow "Next" with the keyboard too.
      const next = admin.getByRole('navigation', { name: 'Questions' }).locator('a[rel="next"]');
      await next.focus();
      await admin.keyboard.press('Enter');
      await admin.waitForFunction((t) => document.querySelector('h1')?.textContent !== t, title);
    },
    STEP_TIMEOUT,
  );

  it(
    '08 answers the rest, reloading mid-way without losing an answer',
    async () => {
      let count = 0;
      let reloaded = false;
      for (;;) {
        const title = await questionTitle(admin);
        const level = (count % 4) + 1;
        const name = LEVELS[level - 1] ?? '';
        if (!reloaded && count === 8) {
          // Choose, then reload at once: the change is saved on the way out or kept and sent.
          await admin.getByRole('radio', { name: `Level ${level}: ${name}` }).click();
          chosen.set(title, `${level}. ${name}`);
          await admin.reload();
          await admin.locator('.criterion-page').waitFor();
          expect(await questionTitle(admin)).toBe(title);
          await admin
            .getByRole('radio', { name: `Level ${level}: ${name}` })
            .and(admin.locator('[aria-checked="true"]'))
            .waitFor();
          reloaded = true;
          // Every answer so far, on the review page after a full reload.
          await admin.goto(`${server.url}/assessments/${assessmentId}/review`);
          await waitForHeading(admin, 'Check your answers');
          for (const [question, answer] of chosen) {
            const row = admin.locator('.review-row').filter({ hasText: question });
            await eventually(
              () => row.locator('.review-row__answer').textContent(),
              question,
            ).toContain(answer);
          }
          await screenshot(admin, 'journey-10-review-after-reload');
          await expectAccessible(admin, 'review mid-way');
          await admin.goBack();
          await admin.locator('.criterion-page').waitFor();
        } else {
          await answerByClicking(admin, level);
        }
        count += 1;
        const next = admin.getByRole('navigation', { name: 'Questions' }).locator('a[rel="next"]');
        if ((await next.count()) === 0) break;
        await goNext(admin);
      }
      expect(count).toBeGreaterThan(10);
    },
    STEP_TIMEOUT,
  );

  it(
    '09 checks the answers and submits',
    async () => {
      await admin.goto(`${server.url}/assessments/${assessmentId}/review`);
      await waitForHeading(admin, 'Check your answers');
      // Every criterion is listed, none of them missing.
      await eventually(() => admin.locator('.review-row').count()).toBeGreaterThan(PILLARS.length);
      expect(await admin.locator('.review-row--missing').count()).toBe(0);
      const submit = admin.getByRole('button', { name: 'Submit the assessment' });
      await eventually(() => submit.isEnabled()).toBe(true);
      await screenshot(admin, 'journey-11-review-complete');
      await submit.click();
      const dialog = admin.getByRole('dialog', { name: 'Submit this assessment?' });
      await expectAccessible(admin, 'submit dialog');
      await dialog.getByRole('button', { name: 'Submit' }).click();
      await waitForHeading(admin, 'Assessment submitted');
      await admin.getByRole('link', { name: 'See your results' }).waitFor();
      await screenshot(admin, 'journey-12-submitted');
      await expectAccessible(admin, 'submitted review');
    },
    STEP_TIMEOUT,
  );

  it(
    '10 sees the results: a radar chart with one axis per pillar',
    async () => {
      await admin.goto(`${server.url}/assessments/${assessmentId}/results`);
      await waitForHeading(admin, 'Results');
      const radar = admin.locator('.recharts-radar-polygon path').first();
      await eventually(() => radar.getAttribute('d')).toMatch(/^M[\d.]+/);
      // Long names wrap into several lines (tspans), whose text runs together here.
      const squash = (text: string) => text.replace(/\s+/g, '');
      await eventually(async () =>
        (await admin.locator('.recharts-polar-angle-axis-tick').allTextContents()).map(squash),
      ).toEqual(PILLARS.map(squash));
      // Today and target.
      await eventually(() => admin.locator('.recharts-radar').count()).toBe(2);
      await screenshot(admin, 'journey-13-results');
      await expectAccessible(admin, 'results');

      // On paper: no navigation or buttons, the chart still drawn.
      await admin.emulateMedia({ media: 'print' });
      await eventually(() => admin.locator('.assessment-nav').isVisible()).toBe(false);
      await eventually(() => admin.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
      await eventually(() =>
        admin.locator('.recharts-radar-polygon path').first().isVisible(),
      ).toBe(true);
      await screenshot(admin, 'journey-13b-results-print');
      await admin.emulateMedia({ media: 'screen' });
    },
    STEP_TIMEOUT,
  );

  it(
    '11 adds an action from a next step and sees it in the plan',
    async () => {
      // The next steps are folded by pillar: open the first.
      await admin.locator('.next-steps__summary').first().click();
      const add = admin.getByRole('button', { name: /^Add to action plan for / }).first();
      const label = (await add.textContent()) ?? '';
      const criterion = label.replace(/^Add to action plan for /, '');
      await add.click();
      await admin.getByRole('link', { name: 'In your action plan (1 action)' }).waitFor();
      await admin.getByRole('link', { name: 'In your action plan (1 action)' }).click();
      await waitForHeading(admin, 'Action plan');
      const card = admin.locator('.action-card').first();
      await eventually(() => card.textContent()).toContain(criterion);
      expect(await card.locator('.action-card__title').textContent()).toMatch(/: reach [A-Z]/);
      await screenshot(admin, 'journey-14-action-plan');
      await expectAccessible(admin, 'action plan');
    },
    STEP_TIMEOUT,
  );

  it(
    '12 downloads the CSV',
    async () => {
      const [download] = await Promise.all([
        admin.waitForEvent('download'),
        admin.getByRole('button', { name: 'Export CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const path = await download.path();
      const csv = await readFile(path, 'utf8');
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const [header, ...rows] = csv.slice(1).split(/\r?\n/).filter(Boolean);
      expect(header).toMatch(/Section/);
      expect(rows.length).toBeGreaterThan(30);
      for (const pillar of PILLARS) expect(csv).toContain(pillar);
      expect(csv).toContain('Payroll report run in March.');
      expect(csv).toMatch(/: reach [A-Z]/);
      await screenshot(admin, 'journey-15-csv-downloaded');
    },
    STEP_TIMEOUT,
  );

  it('logged no console errors in either browser', () => {
    expect(adminErrors).toEqual([]);
    expect(colleagueErrors).toEqual([]);
  });
});
