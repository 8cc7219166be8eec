// The closing lines of `pnpm test`: sums the vitest JSON reports of every package into one
// "N passed, N failed" line, and counts every failed step of scripts/test-all.sh in it too, so
// that a run which failed for any reason never closes on "0 failed".
//   node scripts/test-summary.mjs [--failed <step id>]…
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The test steps and the reports each writes; any other step id is a check (lint, build…). */
const REPORTS = {
  unit: [
    ['packages/rubric', 'vitest.json'],
    ['apps/api', 'vitest.json'],
    ['apps/web', 'vitest.json'],
  ],
  e2e: [['apps/web', 'vitest-e2e.json']],
};
const { values } = parseArgs({ options: { failed: { type: 'string', multiple: true } } });
const failedSteps = new Set(values.failed ?? []);

let passed = 0;
let failed = 0;
let skipped = 0;
for (const [stepId, reports] of Object.entries(REPORTS)) {
  let stepFailures = 0;
  for (const [pkg, file] of reports) {
    const label = `${pkg} (${file})`.padEnd(36);
    const path = join(root, pkg, 'test-results', file);
    if (!existsSync(path)) {
      // A missing report is a test run that never finished (or never started): one failure.
      console.log(`  ${label} no report: the tests did not run to the end`);
      stepFailures += 1;
      continue;
    }
    const r = JSON.parse(readFileSync(path, 'utf8'));
    const pending = r.numPendingTests + r.numTodoTests;
    // Vitest counts a file that failed to load (a syntax or import error) as a failed suite.
    const brokenFiles = r.testResults.filter(
      (f) => f.status === 'failed' && f.assertionResults.length === 0,
    ).length;
    console.log(
      `  ${label} ${r.numPassedTests} passed, ${r.numFailedTests} failed${pending ? `, ${pending} skipped` : ''}${brokenFiles ? `, ${brokenFiles} file(s) failed to run` : ''}`,
    );
    passed += r.numPassedTests;
    skipped += pending;
    stepFailures += r.numFailedTests + brokenFiles;
    if (r.numPassedTests === 0) stepFailures += 1;
  }
  // A test step that exited non-zero with every test passing (an unhandled error…) still failed.
  if (failedSteps.has(stepId) && stepFailures === 0) stepFailures = 1;
  failed += stepFailures;
}
for (const step of failedSteps) {
  if (step in REPORTS) continue;
  console.log(`  ${`step: ${step}`.padEnd(36)} failed (counted as 1 failed)`);
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (failed > 0 || passed === 0) process.exitCode = 1;
