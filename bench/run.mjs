// `pnpm bench`: drives the built API on PostgreSQL and on PGlite with autocannon, beside a bare
// Fastify + pg reference answering the same queries in the same run, and measures the web app's
// initial JavaScript. Prints a table and writes bench/results/<time>.{json,md}.
//
// Routes measured: the public framework read (all three servers); the answer save
// `PUT /api/v1/assessments/:id/answers/:criterionId` at PUT_CONNECTIONS (50) on PostgreSQL against
// the reference's bare upsert of the same rows; and the results endpoint's latency.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import pg from 'pg';

const root = fileURLToPath(new URL('..', import.meta.url));
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ADMIN_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://waymark:waymark@127.0.0.1:5432/postgres';
const PUT_CONNECTIONS = Number(process.env.BENCH_PUT_CONNECTIONS ?? 50);
/** Alternating rounds per compared route; each server's best round is reported. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const FRAMEWORK_PATH = '/api/v1/frameworks/anchor-progression/versions/1';
const ANSWER_ROUTE = 'PUT /api/v1/assessments/:id/answers/:criterionId';
const RESULTS_ROUTE = 'GET /api/v1/assessments/:id/results';

const children = new Set();
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

function start(name, args, env) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: '0',
      JWT_SECRET: 'benchmark-secret-benchmark-secret-benchmark',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/running at (http:\/\/\S+)/);
      if (m) resolve({ url: m[1], stop: () => stop(child) });
    });
    child.on('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
  });
}

function stop(child) {
  return new Promise((resolve) => {
    child.once('exit', () => {
      children.delete(child);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Runs autocannon twice (a short warm-up for JITs, pools and caches, then the measured run) and
 * fails when any response is not 2xx. `options` are autocannon's (`requests`, `headers`…);
 * `before` runs before each of the two runs.
 */
async function measure(name, route, url, options = {}, before = async () => {}) {
  const connections = options.connections ?? CONNECTIONS;
  const run = async (duration) => {
    await before();
    return autocannon({ url, connections, duration, ...options });
  };
  await run(2);
  const r = await run(DURATION);
  if (r.non2xx > 0 || r.errors > 0 || r.timeouts > 0)
    throw new Error(
      `${name} (${route}): ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`,
    );
  return {
    name,
    route,
    connections,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
  };
}

async function callApi(base, method, path, body, token) {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/**
 * What the answer benchmark writes to: a user (signed in through the API), a large public-sector
 * organisation and two assessments with the optional pillar on — 70 criteria, so that each of the 50
 * connections always saves a criterion no other connection is saving. A conflict (409) would
 * fail the run: every save must succeed, as a real autosave does.
 */
async function setUpAssessments(base) {
  const email = `perf-${randomBytes(4).toString('hex')}@example.org`;
  const password = 'quiet harbour lanterns drift 2026';
  await callApi(base, 'POST', '/api/v1/auth/register', { name: 'Load Tester', email, password });
  const { accessToken: token } = await callApi(base, 'POST', '/api/v1/auth/login', {
    email,
    password,
  });
  const org = await callApi(
    base,
    'POST',
    '/api/v1/organisations',
    { name: 'Bench Council', type: 'public_sector', sizeBand: 'large' },
    token,
  );
  const slots = [];
  const assessmentIds = [];
  for (let i = 0; i < 2; i++) {
    const created = await callApi(
      base,
      'POST',
      `/api/v1/organisations/${org.id}/assessments`,
      {
        frameworkId: 'anchor-progression',
        frameworkVersion: 1,
        title: `Bench ${i + 1}`,
        includeOptionalPillars: ['service-delivery'],
      },
      token,
    );
    assessmentIds.push(created.id);
    const detail = await callApi(
      base,
      'GET',
      `/api/v1/assessments/${created.id}`,
      undefined,
      token,
    );
    for (const p of detail.pillars) {
      for (const criterionId of p.criterionIds)
        slots.push({ assessmentId: created.id, criterionId });
    }
  }
  if (slots.length < PUT_CONNECTIONS)
    throw new Error(`only ${slots.length} criteria for ${PUT_CONNECTIONS} connections`);
  return { token, slots, assessmentIds };
}

/**
 * The stored version of every slot, read back through the API: a run ends with saves still in
 * flight, whose new versions autocannon never reports. Give them time to finish first.
 */
async function syncVersions(base, setup, versions) {
  await new Promise((resolve) => setTimeout(resolve, 2000));
  for (const id of setup.assessmentIds) {
    const detail = await callApi(base, 'GET', `/api/v1/assessments/${id}`, undefined, setup.token);
    for (const a of detail.answers) versions.set(`${id}/${a.criterionId}`, a.version);
  }
}

/**
 * One autocannon request whose `setupRequest` takes a criterion no connection is saving, sends the
 * version last seen for it, and whose `onResponse` keeps the new version and frees the criterion.
 */
function answerRequests(setup, versions, state) {
  return [
    {
      method: 'PUT',
      setupRequest(req, context) {
        const index = state.free.shift();
        if (index === undefined)
          throw new Error('no free criterion: more connections than criteria');
        const slot = setup.slots[index];
        const key = `${slot.assessmentId}/${slot.criterionId}`;
        const version = versions.get(key) ?? 0;
        context.slot = index;
        req.path = `/api/v1/assessments/${slot.assessmentId}/answers/${slot.criterionId}`;
        req.headers = {
          'content-type': 'application/json',
          authorization: `Bearer ${setup.token}`,
        };
        req.body = JSON.stringify({
          level: (version % 4) + 1,
          targetLevel: 4,
          notes: 'Measured by pnpm bench: an ordinary autosave with a note and a link.',
          evidenceLinks: ['https://example.org/evidence/policy.pdf'],
          version,
        });
        return req;
      },
      onResponse(status, body, context) {
        const slot = setup.slots[context.slot];
        if (status === 200) {
          versions.set(`${slot.assessmentId}/${slot.criterionId}`, JSON.parse(body).version);
        }
        state.free.push(context.slot);
      },
    },
  ];
}

function initialJsGzip() {
  const dist = join(root, 'apps/web/dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const srcs = [
    ...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g),
  ].map((m) => m[1]);
  let raw = 0;
  let gz = 0;
  for (const src of new Set(srcs)) {
    const buf = readFileSync(join(dist, src.replace(/^\//, '')));
    raw += buf.length;
    gz += gzipSync(buf, { level: 9 }).length;
  }
  return { files: srcs.length, rawKiB: raw / 1024, gzipKiB: gz / 1024 };
}

async function main() {
  const dbName = `waymark_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${dbName}`;
  const results = [];
  try {
    // Both PostgreSQL-backed servers run side by side on the same database, and each route is
    // measured in alternating rounds (API, reference, API, reference…), keeping each server's best
    // round: on a shared machine the background load drifts over a minute, and measuring one
    // server after the other would charge that drift to whichever went second.
    const api = await start('api (postgres)', ['apps/api/dist/server.js'], {
      DATABASE_URL: dbUrl.toString(),
    });
    // The reference reads and writes the rows the API migrated, seeded and sets up below.
    const ref = await start('reference', ['bench/reference-server.mjs'], {
      DATABASE_URL: dbUrl.toString(),
    });
    const API = 'Waymark API · PostgreSQL';
    const REF = 'Reference: bare Fastify + pg';
    const best = (runs) => runs.reduce((a, b) => (b.rps > a.rps ? b : a));
    async function compare(runApi, runRef) {
      const apiRuns = [];
      const refRuns = [];
      for (let round = 0; round < ROUNDS; round++) {
        apiRuns.push(await runApi());
        refRuns.push(await runRef());
      }
      results.push({ ...best(apiRuns), rounds: apiRuns.length });
      results.push({ ...best(refRuns), rounds: refRuns.length });
    }

    const frameworkRoute = `GET ${FRAMEWORK_PATH}`;
    await compare(
      () => measure(API, frameworkRoute, api.url + FRAMEWORK_PATH),
      () => measure(REF, frameworkRoute, ref.url + FRAMEWORK_PATH),
    );

    const setup = await setUpAssessments(api.url);
    const versions = new Map();
    const state = { free: [] };
    // Before each run: every criterion free again, versions as stored.
    const resetSlots = async () => {
      state.free = setup.slots.map((_, i) => i);
      await syncVersions(api.url, setup, versions);
    };
    const putOptions = () => ({
      connections: PUT_CONNECTIONS,
      requests: answerRequests(setup, versions, state),
    });
    await compare(
      () => measure(API, ANSWER_ROUTE, api.url, putOptions(), resetSlots),
      () => measure(REF, ANSWER_ROUTE, ref.url, putOptions(), resetSlots),
    );

    results.push(
      await measure(
        API,
        RESULTS_ROUTE,
        `${api.url}/api/v1/assessments/${setup.assessmentIds[0]}/results`,
        { headers: { authorization: `Bearer ${setup.token}` } },
      ),
    );
    await api.stop();
    await ref.stop();

    const dataDir = mkdtempSync(join(tmpdir(), 'waymark-bench-'));
    const lite = await start('api (pglite)', ['apps/api/dist/server.js'], { DATA_DIR: dataDir });
    results.push(
      await measure('Waymark API · PGlite', `GET ${FRAMEWORK_PATH}`, lite.url + FRAMEWORK_PATH),
    );
    await lite.stop();
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }

  const web = initialJsGzip();
  const referenceFor = (route) =>
    results.find((r) => r.route === route && r.name.startsWith('Reference'));
  const lines = [
    `Waymark benchmark — ${new Date().toISOString()} — ${DURATION}s per run, ${CONNECTIONS} connections (answer saves: ${PUT_CONNECTIONS}); API and reference alternate, best of ${ROUNDS} rounds each`,
    '',
    '| route | server | conns | req/s | p50 ms | p99 ms | vs reference |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...results.map((r) => {
      const ref = referenceFor(r.route);
      const ratio = ref ? `${(r.rps / ref.rps).toFixed(2)}×` : '—';
      return `| ${r.route} | ${r.name} | ${r.connections} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${ratio} |`;
    }),
    '',
    'Aim for the answer save: at least 0.5× the reference and p99 under 25 ms.',
    `Web app initial JS: ${web.files} file(s), ${web.rawKiB.toFixed(1)} KiB raw, ${web.gzipKiB.toFixed(1)} KiB gzipped`,
  ];
  const text = lines.join('\n');
  console.log(`\n${text}\n`);
  const dir = join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  writeFileSync(join(dir, `${stamp}.md`), `${text}\n`);
  writeFileSync(
    join(dir, `${stamp}.json`),
    `${JSON.stringify({ duration: DURATION, connections: CONNECTIONS, putConnections: PUT_CONNECTIONS, rounds: ROUNDS, results, web }, null, 2)}\n`,
  );
  console.log(`Saved to bench/results/${stamp}.{md,json}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
