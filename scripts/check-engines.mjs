// Fails when a locked package declares a Node.js range that excludes the versions we claim to
// run on: the lowest allowed by the root package.json's `engines.node`, and the running one.
// A clean `pnpm install` then prints no "Unsupported engine" warning (issue 7 §2).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const claimed = JSON.parse(readFileSync(`${root}package.json`, 'utf8')).engines.node;
const lowest = semver.minVersion(claimed);
if (!lowest) throw new Error(`package.json engines.node "${claimed}" has no lowest version`);
const targets = [lowest.version, process.versions.node];

const lock = parse(readFileSync(`${root}pnpm-lock.yaml`, 'utf8'));
const offenders = [];
let checked = 0;
for (const [key, entry] of Object.entries(lock.packages ?? {})) {
  const range = entry?.engines?.node;
  if (!range) continue;
  checked += 1;
  for (const target of targets) {
    if (!semver.satisfies(target, range, { includePrerelease: true })) {
      offenders.push(`${key} wants node ${range} (not ${target})`);
    }
  }
}
if (checked === 0)
  throw new Error('no package in pnpm-lock.yaml declares engines: is the lockfile readable?');
if (offenders.length > 0) {
  console.error(`Packages that do not support Node ${targets.join(' / ')} (claimed: ${claimed}):`);
  for (const line of offenders) console.error(`  ${line}`);
  console.error('Pin a version that supports it, or add a pnpm override in pnpm-workspace.yaml.');
  process.exit(1);
}
console.log(
  `engines: ${checked} locked packages declare a Node range; all accept ${targets.join(' and ')}`,
);
