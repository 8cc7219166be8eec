import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_FRAMEWORK } from '@waymark/rubric';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiClient,
  checkBothSizes as checkPageBothSizes,
  DESKTOP,
  eventually,
  screenshot as fullPageScreenshot,
  launchBrowser,
  type RunningServer,
  registerAndSignIn,
  SCREENSHOT_DIR,
  seriousA11yViolations,
  shotHeight,
  startBuiltServer,
  watchErrors,
} from './harness.js';

/**
 * Issue 8, points 5, 6, 7 and part of 9: the task list, check your answers and the confirmation
 * page, results (first screen, folded next steps, print on two A4 pages) and the action plan.
 * The user, organisation and assessment are made through the API, and most answers are saved
 * through it too, so that the pages are reached fast. Screenshots: test-results/screenshots/ux-*.
 * Heights and the printed page count go to test-results/ux-assessment-measures.json.
 */

const PASSWORD = 'correct horse battery staple 42';
const ADMIN = { name: 'Ada Lovelace', email: 'ada@riverside-council.example' };
const STEP_TIMEOUT = 180_000;
const measures: Record<string, number> = {};

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
let errors: string[] = [];
let token = '';
let assessmentId = '';
let pillars: { pillarId: string; criterionIds: string[] }[] = [];

/** A call to the API with the admin's access token (CSRF header included). */
function api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  return apiClient(server.url, () => token)<T>(method, path, body);
}

async function expectAccessible(where: string) {
  const violations = await seriousA11yViolations(page);
  expect(violations, `axe on ${where}`).toEqual([]);
}

/** Desktop and phone: axe clean on both, a screenshot of each; returns the page heights. */
function checkBothSizes(name: string, where: string) {
  return checkPageBothSizes(page, name, where);
}

async function waitForHeading(name: string | RegExp) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

function pageHeight(): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollHeight);
}

const criterionTitle = new Map(
  DEFAULT_FRAMEWORK.pillars.flatMap((p) => p.criteria.map((c) => [c.id, c.title] as const)),
);

beforeAll(async () => {
  server = await startBuiltServer();
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setViewportSize(DESKTOP);
  errors = watchErrors(page);

  token = await registerAndSignIn(page, server.url, ADMIN, PASSWORD);
  const organisation = await api<{ id: string }>('POST', '/organisations', {
    name: 'Riverside Borough Council',
    type: 'public_sector',
    sizeBand: 'large',
  });
  const assessment = await api<{ id: string }>(
    'POST',
    `/organisations/${organisation.id}/assessments`,
    // Six pillars: a public body may include the optional Service delivery pillar.
    {
      frameworkId: DEFAULT_FRAMEWORK.id,
      frameworkVersion: DEFAULT_FRAMEWORK.version,
      includeOptionalPillars: ['service-delivery'],
    },
  );
  assessmentId = assessment.id;
  const detail = await api<{ pillars: { pillarId: string; criterionIds: string[] }[] }>(
    'GET',
    `/assessments/${assessmentId}`,
  );
  pillars = detail.pillars;
}, 180_000);

afterAll(async () => {
  mkdirSync(join(SCREENSHOT_DIR, '..'), { recursive: true });
  writeFileSync(
    join(SCREENSHOT_DIR, '..', 'ux-assessment-measures.json'),
    `${JSON.stringify(measures, null, 2)}\n`,
  );
  console.info('ux-assessment measures', measures);
  await browser?.close();
  await server?.stop();
});

describe('issue 8: task list, check your answers, confirmation, results, action plan', () => {
  it(
    '05 the task list at 0%: one "Start", neutral tags, compact, about two laptop screens',
    async () => {
      await page.goto(`${server.url}/assessments/${assessmentId}`);
      await page.getByRole('heading', { name: 'Pillars' }).waitFor();
      const start = page.getByRole('link', { name: 'Start', exact: true });
      await start.waitFor();
      const first = pillars[0]?.criterionIds[0] ?? '';
      expect(await start.getAttribute('href')).toBe(
        `/assessments/${assessmentId}/criteria/${first}`,
      );
      // Exactly one main button, and it is not "Check your answers".
      expect(await page.locator('.task-list-page .button--primary').count()).toBe(1);
      expect(await page.locator('.tag--missing').count()).toBe(0);
      expect(await page.locator('.task-list__pillar').count()).toBe(pillars.length);
      expect(await page.getByText('Not started', { exact: true }).count()).toBe(pillars.length);
      // No "Start" per pillar: each pillar's name is its link.
      expect(await page.getByRole('link', { name: /^Start / }).count()).toBe(0);

      measures.taskListPillars = pillars.length;
      expect(pillars).toHaveLength(6);
      const heights = await checkBothSizes('ux-01-task-list-empty', 'task list at 0%');
      measures.taskListHeightDesktop = heights.desktop;
      measures.taskListHeightPhone = heights.phone;
      expect(heights.desktop).toBeLessThanOrEqual(2 * DESKTOP.height);
    },
    STEP_TIMEOUT,
  );

  it(
    '05 assigns a pillar from a small dialog, focus returns, and filters to "assigned to me"',
    async () => {
      const opener = page.getByRole('button', { name: 'Assign who answers Employment' });
      await opener.click();
      const dialog = page.getByRole('dialog', { name: 'Who answers Employment?' });
      await dialog.waitFor();
      await dialog
        .getByLabel('Assign Employment to')
        .selectOption({ label: `${ADMIN.name} (you)` });
      await expectAccessible('assign dialog');
      await fullPageScreenshot(page, 'ux-02-assign-dialog');
      await dialog.getByRole('button', { name: 'Save who answers Employment' }).click();
      await dialog.waitFor({ state: 'detached' });
      const change = page.getByRole('button', { name: 'Change who answers Employment' });
      await change.waitFor();
      await eventually(() =>
        page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''),
      ).toBe('Change who answers Employment');
      await page.getByText('You are answering this pillar.').waitFor();

      const filter = page.getByRole('checkbox', { name: 'Only pillars assigned to you (1)' });
      await filter.check();
      await eventually(() => page.locator('.task-list__title').allTextContents()).toEqual([
        'Employment',
      ]);
      await page.getByText(`Showing 1 of ${pillars.length} pillars.`).waitFor();
      await filter.uncheck();
      await eventually(() => page.locator('.task-list__pillar').count()).toBe(pillars.length);
    },
    STEP_TIMEOUT,
  );

  it(
    '05 "Continue where you left off" goes to the first open question assigned to you',
    async () => {
      const employment = pillars[0]?.criterionIds ?? [];
      await api('PUT', `/assessments/${assessmentId}/answers/${employment[0]}`, {
        level: 2,
        version: 0,
      });
      // A question in another pillar, answered first: the button still prefers your pillar.
      const other = pillars[1]?.criterionIds[0];
      await api('PUT', `/assessments/${assessmentId}/answers/${other}`, { level: 3, version: 0 });
      await page.reload();
      const next = page.getByRole('link', { name: 'Continue where you left off' });
      await next.waitFor();
      expect(await next.getAttribute('href')).toBe(
        `/assessments/${assessmentId}/criteria/${employment[1]}`,
      );
      await page.getByText(/a pillar assigned to you/).waitFor();
      await page.locator('.task-list__pillar').first().getByText('In progress').waitFor();
      await page.locator('.task-list__questions > summary').first().click();
      await checkBothSizes('ux-03-task-list-in-progress', 'task list in progress');
    },
    STEP_TIMEOUT,
  );

  it(
    '06 check your answers shows notes, evidence, targets and indicators, each with "Change"',
    async () => {
      // Everything else through the API: level 2, target 3; a few with more, one not applicable.
      const all = pillars.flatMap((p) => p.criterionIds);
      const [firstId, , , bigGap, mediumGap] = all;
      const notApplicable = pillars[2]?.criterionIds[0];
      for (const criterionId of all) {
        // The two answered in the last step are at version 1.
        const version =
          criterionId === all[0] || criterionId === pillars[1]?.criterionIds[0] ? 1 : 0;
        const body =
          criterionId === notApplicable
            ? {
                level: null,
                notApplicable: { reason: 'We rent every building we use.' },
                version,
              }
            : {
                level: criterionId === bigGap || criterionId === mediumGap ? 1 : 2,
                targetLevel: criterionId === bigGap ? 4 : 3,
                version,
                ...(criterionId === firstId
                  ? {
                      notes: 'Payroll report run in March.\nChecked by finance.',
                      evidenceLinks: ['https://riverside.example/pay-policy'],
                    }
                  : {}),
              };
        await api('PUT', `/assessments/${assessmentId}/answers/${criterionId}`, body);
      }

      await page.goto(`${server.url}/assessments/${assessmentId}`);
      const check = page.locator('.task-list-page .button--primary');
      await eventually(() => check.textContent()).toBe('Check your answers');
      const progress =
        (await page.locator('.task-list-page__overall .progress-meter__text').textContent()) ?? '';
      expect(progress).toBe(
        `${all.length - 1} of ${all.length - 1} applicable questions answered (100%); 1 marked not applicable, left out of the scores`,
      );
      measures.taskListHeightComplete = await pageHeight();
      await check.click();
      await waitForHeading('Check your answers');

      const title = criterionTitle.get(firstId ?? '') ?? '';
      const card = page.getByRole('listitem', { name: title });
      await card.getByText('Payroll report run in March.').waitFor();
      expect(
        await card.locator('.review-row__notes').evaluate((el) => getComputedStyle(el).whiteSpace),
      ).toBe('pre-line');
      await card.getByRole('link', { name: /riverside\.example\/pay-policy/ }).waitFor();
      await card.getByText('3. Embedding').waitFor();
      const change = card.getByRole('link', { name: `Change ${title}` });
      expect(await change.getAttribute('href')).toBe(
        `/assessments/${assessmentId}/criteria/${firstId}`,
      );
      const na = page.getByRole('listitem', {
        name: criterionTitle.get(notApplicable ?? '') ?? '',
      });
      await na.getByText(/Not applicable: We rent every building we use\./).waitFor();
      expect(await page.locator('.review-row--missing').count()).toBe(0);
      measures.reviewHeightDesktop = (
        await checkBothSizes('ux-04-check-answers', 'check your answers')
      ).desktop;
    },
    STEP_TIMEOUT,
  );

  it(
    '06 submitting leads to a confirmation page: what happened, what is locked, who can reopen',
    async () => {
      await page.getByRole('button', { name: 'Submit the assessment' }).click();
      const dialog = page.getByRole('dialog', { name: 'Submit this assessment?' });
      await dialog.getByRole('button', { name: 'Submit' }).click();
      await waitForHeading('Assessment submitted');
      expect(new URL(page.url()).pathname).toBe(`/assessments/${assessmentId}/submitted`);
      const applicable = pillars.flatMap((p) => p.criterionIds).length - 1;
      const locked = page.getByText(/are locked: their levels, targets, notes, evidence links/);
      // The same counts as the task list and the results.
      expect(await locked.textContent()).toMatch(
        new RegExp(
          `^Your answers to ${applicable} applicable questions and the 1 question marked not applicable are locked`,
        ),
      );
      await page.getByText(/As an organisation admin, you can reopen the assessment/).waitFor();
      expect(await page.title()).toMatch(/^Assessment submitted · /);
      await checkBothSizes('ux-05-confirmation', 'confirmation page');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const csv = await readFile(await download.path(), 'utf8');
      expect(csv).toContain('Payroll report run in March.');
      await page.getByText(/^Downloaded .+\.csv\.$/).waitFor();
    },
    STEP_TIMEOUT,
  );

  it(
    '07 results: the first screen says where you are and what first; next steps are folded',
    async () => {
      await page.getByRole('link', { name: 'See your results' }).click();
      await waitForHeading('Results');
      await page.locator('.recharts-radar-polygon path').first().waitFor();
      const priorities = page.locator('.priority-list__item');
      await eventually(() => priorities.count()).toBe(5);
      // The gap of three levels comes first.
      const all = pillars.flatMap((p) => p.criterionIds);
      expect(await priorities.first().textContent()).toContain(criterionTitle.get(all[3] ?? ''));
      await page.getByText(/Ranked by the gap between today’s level and your target/).waitFor();

      // The overall stage, the pillar table and the chart sit on the first laptop screen.
      const firstScreen = await page.evaluate(() =>
        ['.results-overall', '.pillar-table', '.results-overview__chart'].map(
          (s) => document.querySelector(s)?.getBoundingClientRect().top ?? Number.POSITIVE_INFINITY,
        ),
      );
      for (const top of firstScreen) expect(top).toBeLessThan(DESKTOP.height);
      measures.resultsPrioritiesTop = await page.evaluate(
        () => document.querySelector('.results-priorities')?.getBoundingClientRect().top ?? -1,
      );

      // Whole numbers everywhere: no decimal in the table or the overall score.
      const numbers = await page
        .locator('.pillar-table td, .results-overall__numbers')
        .allTextContents();
      for (const text of numbers) expect(text).not.toMatch(/\d\.\d/);
      // The counts agree with the task list's.
      await page
        .getByText(
          `${all.length - 1} of ${all.length - 1} applicable questions answered; 1 marked not applicable, left out of the scores.`,
          { exact: false },
        )
        .waitFor();

      // Next steps: folded by pillar until opened.
      const folds = page.locator('.next-steps__pillar');
      expect(await folds.count()).toBe(pillars.length);
      expect(await page.locator('.next-steps__pillar[open]').count()).toBe(0);
      expect(await page.locator('.next-step').first().isVisible()).toBe(false);
      const heights = await checkBothSizes('ux-06-results', 'results');
      measures.resultsHeightDesktop = heights.desktop;
      measures.resultsHeightPhone = heights.phone;
      // Was about 8,000 px: now the overview, priorities, strengths and folded next steps.
      expect(heights.desktop).toBeLessThanOrEqual(3 * DESKTOP.height);
      await page.locator('.next-steps__summary').first().click();
      await eventually(() => page.locator('.next-step').first().isVisible()).toBe(true);
      await expectAccessible('results with a pillar open');
      await fullPageScreenshot(page, 'ux-07-results-pillar-open');
    },
    STEP_TIMEOUT,
  );

  it(
    '07 printed results fit on two A4 pages',
    async () => {
      await waitForHeading('Results');
      await page.emulateMedia({ media: 'print' });
      // A4 less the 15 mm margins is 180 mm, 680 CSS pixels: the width the printed page lays out in.
      await page.setViewportSize({ width: 680, height: 1009 });
      measures.resultsPrintHeightAt680 = await shotHeight(
        await fullPageScreenshot(page, 'ux-08-results-print'),
      );
      await page.setViewportSize(DESKTOP);
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      await page.emulateMedia({ media: 'screen' });
      const text = pdf.toString('latin1');
      const pages = text.match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
      measures.resultsPrintedA4Pages = pages;
      writeFileSync(join(SCREENSHOT_DIR, 'ux-08-results-print.pdf'), pdf);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(2);
    },
    STEP_TIMEOUT,
  );

  it(
    '09 "Add to action plan" makes a short title; descriptions keep line breaks; delete asks first',
    async () => {
      const add = page.getByRole('button', { name: /^Add to action plan for / }).first();
      const label = (await add.textContent()) ?? '';
      const criterion = label.replace(/^Add to action plan for /, '');
      await add.click();
      const planned = page.getByRole('link', { name: 'In your action plan (1 action)' });
      await planned.waitFor();
      await planned.click();
      await waitForHeading('Action plan');
      const card = page.locator('.action-card').first();
      await eventually(() => card.locator('.action-card__title').textContent()).toBe(
        `${criterion}: reach Embedding`,
      );
      const description = card.locator('.action-card__description');
      expect(await description.textContent()).toContain('\n\nFor example: ');
      expect(await description.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre-line');
      await checkBothSizes('ux-09-action-plan', 'action plan');

      await card.getByRole('button', { name: /^Delete / }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete this action?' });
      await dialog.waitFor();
      await eventually(() =>
        page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''),
      ).toBe('Cancel');
      await expectAccessible('delete dialog');
      await fullPageScreenshot(page, 'ux-10-delete-action-dialog');
      await dialog.getByRole('button', { name: 'Delete action' }).click();
      await page.getByText('No actions yet').waitFor();
      await eventually(() =>
        page.evaluate(() => document.activeElement?.textContent ?? ''),
      ).toMatch(/^Deleted the action “/);
      await expectAccessible('action plan after delete');
    },
    STEP_TIMEOUT,
  );

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});
