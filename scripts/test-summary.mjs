// Sums the vitest JSON reports of every package into one closing line, per package and in all.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const reports = [
  ['packages/rubric', 'vitest.json'],
  ['apps/api', 'vitest.json'],
  ['apps/web', 'vitest.json'],
  ['apps/web', 'vitest-e2e.json'],
];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const [pkg, file] of reports) {
  const path = join(root, pkg, 'test-results', file);
  if (!existsSync(path)) {
    console.error(`missing test report: ${pkg}/test-results/${file}`);
    process.exitCode = 1;
    continue;
  }
  const r = JSON.parse(readFileSync(path, 'utf8'));
  const pending = r.numPendingTests + r.numTodoTests;
  console.log(
    `  ${`${pkg} (${file})`.padEnd(36)} ${r.numPassedTests} passed, ${r.numFailedTests} failed${pending ? `, ${pending} skipped` : ''}`,
  );
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += pending;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (failed > 0 || passed === 0) process.exitCode = 1;
