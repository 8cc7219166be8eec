// Lighthouse (desktop) accessibility and performance of four pages of the built app: the explorer,
// a task list, a question page and results. A report, not a test: `pnpm lighthouse` prints the
// scores and writes the JSON reports to apps/web/test-results/lighthouse/ (issue 8).
//
// It starts the built server on a throwaway embedded database, makes a user, an organisation and
// an assessment through the API, and gives Lighthouse's Chromium (Debian's, never a download) a
// fresh refresh cookie for each signed-in page, so that the app starts signed in as it would.
// Lighthouse itself comes from the npm registry through npx, pinned (12.x supports Node 20).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LIGHTHOUSE = 'lighthouse@12.8.2';
const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'apps/web/test-results/lighthouse');
const entry = join(root, 'apps/api/dist/server.js');
if (!existsSync(entry) || !existsSync(join(root, 'apps/web/dist/index.html'))) {
  console.error('Build the app first: pnpm build');
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });

const server = spawn(process.execPath, [entry], {
  env: {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'waymark-lighthouse-')),
    JWT_SECRET: 'lighthouse-secret-lighthouse-secret-lighthouse',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
process.on('exit', () => server.kill('SIGKILL'));
const base = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += d;
    const m = out.match(/running at (http:\/\/\S+)/);
    if (m) resolve(m[1]);
  });
  server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
});

const PERSON = { name: 'Lighthouse Reader', email: 'reader@lighthouse.example' };
const PASSWORD = 'correct horse battery staple 42';
let token = '';

async function api(method, path, body) {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      'x-requested-with': 'waymark',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return { body: res.status === 204 ? null : await res.json(), headers: res.headers };
}

/** Signs in and returns the refresh cookie, as the browser would hold it. */
async function refreshCookie() {
  const { headers } = await api('POST', '/auth/login', { email: PERSON.email, password: PASSWORD });
  const cookie = headers.getSetCookie().find((c) => c.startsWith('waymark_refresh='));
  if (!cookie) throw new Error('sign-in set no refresh cookie');
  return cookie.split(';')[0];
}

token = (await api('POST', '/auth/register', { ...PERSON, password: PASSWORD })).body.accessToken;
const org = (
  await api('POST', '/organisations', {
    name: 'Lighthouse Bakery Co-operative',
    type: 'business',
    sizeBand: 'large',
  })
).body;
const { items } = (await api('GET', '/frameworks')).body;
const framework = items[0];
const assessment = (
  await api('POST', `/organisations/${org.id}/assessments`, {
    frameworkId: framework.id,
    frameworkVersion: framework.version,
  })
).body;
const detail = (await api('GET', `/assessments/${assessment.id}`)).body;
const criterionIds = detail.pillars.flatMap((p) => p.criterionIds);
// Half answered: a task list in progress and a question with an answer.
for (const [i, criterionId] of criterionIds.entries()) {
  if (i % 2 === 1) continue;
  await api('PUT', `/assessments/${assessment.id}/answers/${criterionId}`, {
    level: (i % 4) + 1,
    targetLevel: 4,
    notes: 'Reviewed by the board in March.',
    evidenceLinks: ['https://example.org/evidence.pdf'],
    version: 0,
  });
}

function lighthouse(name, path, cookie) {
  const flags = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
  ].join(' ');
  const args = [
    '-y',
    LIGHTHOUSE,
    `${base}${path}`,
    '--preset=desktop',
    '--only-categories=accessibility,performance',
    '--chrome-path=/usr/bin/chromium',
    `--chrome-flags=${flags}`,
    '--output=json',
    `--output-path=${join(outDir, `${name}.json`)}`,
    '--quiet',
    ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
  ];
  const run = spawnSync('npx', args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0) throw new Error(`lighthouse ${name} exited with ${run.status}`);
  const report = JSON.parse(readFileSync(join(outDir, `${name}.json`), 'utf8'));
  const score = (id) => Math.round((report.categories[id]?.score ?? 0) * 100);
  const failing = Object.values(report.audits)
    .filter(
      (a) =>
        a.score !== null &&
        a.score < 1 &&
        report.categories.accessibility.auditRefs.some((r) => r.id === a.id),
    )
    .map((a) => a.id);
  return {
    name,
    accessibility: score('accessibility'),
    performance: score('performance'),
    failing,
  };
}

const results = [];
results.push(lighthouse('explorer', '/'));
results.push(lighthouse('task-list', `/assessments/${assessment.id}`, await refreshCookie()));
results.push(
  lighthouse(
    'question',
    `/assessments/${assessment.id}/criteria/${criterionIds[0]}`,
    await refreshCookie(),
  ),
);
for (const [i, criterionId] of criterionIds.entries()) {
  if (i % 2 === 0) continue;
  await api('PUT', `/assessments/${assessment.id}/answers/${criterionId}`, {
    level: (i % 4) + 1,
    targetLevel: 4,
    version: 0,
  });
}
await api('POST', `/assessments/${assessment.id}/submit`, {});
results.push(lighthouse('results', `/assessments/${assessment.id}/results`, await refreshCookie()));

console.log('\n| page | accessibility | performance | accessibility audits below 1 |');
console.log('| --- | ---: | ---: | --- |');
for (const r of results) {
  console.log(
    `| ${r.name} | ${r.accessibility} | ${r.performance} | ${r.failing.join(', ') || '—'} |`,
  );
}
console.log(`\nReports: ${outDir}`);
process.exit(0);
