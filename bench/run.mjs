// `pnpm bench`: drives the built API on PostgreSQL and on PGlite with autocannon, beside two
// references answering the same requests in the same run — a bare Fastify + pg server
// (reference-server.mjs) and, for the framework read, a bare Fastify sending the API's own bytes
// from memory (memory-reference-server.mjs: the limit for that request) — and measures the web
// app's initial JavaScript for the explorer and for the signed-in app. Prints a table and writes
// bench/results/<time>.{json,md}.
//
// Routes measured: the public framework read (API, both references, PGlite) and its 304 path
// (If-None-Match with the current ETag: API and the in-memory limit); the answer save
// `PUT /api/v1/assessments/:id/answers/:criterionId` at PUT_CONNECTIONS (50) on PostgreSQL against
// the reference's bare upsert of the same rows; the results endpoint's latency; and the coordinator
// dashboard of a cycle with 1,000 submitted members (bench/dashboard.mjs) at one connection.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import pg from 'pg';
import {
  DASHBOARD_AIM_MS,
  DASHBOARD_CONNECTIONS,
  DASHBOARD_MEMBERS,
  DASHBOARD_ROUTE,
  setUpDashboard,
} from './dashboard.mjs';

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
const FRAMEWORK_ROUTE = `GET ${FRAMEWORK_PATH}`;
const NOT_MODIFIED_ROUTE = `${FRAMEWORK_ROUTE} · If-None-Match → 304`;
const API = 'Waymark API · PostgreSQL';
const REF = 'Reference: bare Fastify + pg';
const LIMIT = 'Limit: bare Fastify, bytes in memory';
/**
 * The source modules of the route chunks each initial-JS figure adds to the entry (when the
 * bundler made a chunk of their own; otherwise they are inside the entry already): the public
 * explorer at `/`, and where sign-in lands, an organisation's home at `/orgs/:orgId`, with the
 * header menus that a session brings.
 */
const WEB_ROUTES = {
  explorer: ['src/app/routes/explorer.tsx'],
  'signed-in app': [
    'src/app/routes/organisation-layout.tsx',
    'src/app/routes/organisation-home.tsx',
    // The header's organisation switcher and user menu, fetched as soon as a session exists.
    'src/app/layout/header-menus.tsx',
  ],
};

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
 * fails when any response is not 2xx (or, with `expectStatus`, not that status). `options` are
 * autocannon's (`requests`, `headers`…); `before` runs before each of the two runs.
 */
async function measure(name, route, url, options = {}, before = async () => {}) {
  const { expectStatus, ...autocannonOptions } = options;
  const connections = options.connections ?? CONNECTIONS;
  const run = async (duration) => {
    await before();
    return autocannon({ url, connections, duration, ...autocannonOptions });
  };
  await run(2);
  const r = await run(DURATION);
  const unexpected =
    expectStatus === undefined
      ? r.non2xx
      : r.requests.total - (r.statusCodeStats[expectStatus]?.count ?? 0);
  if (unexpected > 0 || r.errors > 0 || r.timeouts > 0)
    throw new Error(
      `${name} (${route}): ${unexpected} answers not ${expectStatus ?? '2xx'}, ${r.errors} errors, ${r.timeouts} timeouts`,
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

/**
 * The JavaScript a browser must fetch before a route can render, gzipped: the chunks index.html
 * loads (its module script and modulepreloads) and the entry's static imports, read from Vite's
 * manifest, plus each of `modules`' own chunk and its static imports. Lazy chunks fetched after the
 * first render (dynamic imports) are not counted.
 */
function initialJsGzip(modules) {
  const dist = join(root, 'apps/web/dist');
  const manifestPath = join(dist, '.vite/manifest.json');
  if (!existsSync(manifestPath))
    throw new Error(`${manifestPath} missing: apps/web/vite.config.ts needs build.manifest: true`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = new Set(
    [
      ...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g),
    ].map((m) => m[1].replace(/^\//, '')),
  );
  const add = (key) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) add(imported);
  };
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  for (const [key, chunk] of entries) {
    files.delete(chunk.file);
    add(key);
  }
  const chunks = [];
  for (const module of modules) {
    if (!existsSync(join(root, 'apps/web', module)))
      throw new Error(`apps/web/${module} is gone: update WEB_ROUTES in bench/run.mjs`);
    if (manifest[module]) {
      add(module);
      chunks.push(manifest[module].file);
    }
  }
  let raw = 0;
  let gz = 0;
  for (const file of files) {
    const buf = readFileSync(join(dist, file));
    raw += buf.length;
    gz += gzipSync(buf, { level: 9 }).length;
  }
  return { files: files.size, routeChunks: chunks, rawKiB: raw / 1024, gzipKiB: gz / 1024 };
}

async function main() {
  const web = Object.fromEntries(
    Object.entries(WEB_ROUTES).map(([route, modules]) => [route, initialJsGzip(modules)]),
  );
  const dbName = `waymark_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${dbName}`;
  const results = [];
  let dashboardBytes = 0;
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
    // The limit answers the very bytes and ETag the API answers, from memory.
    const framework = await fetch(api.url + FRAMEWORK_PATH);
    const etag = framework.headers.get('etag');
    if (!framework.ok || !etag) throw new Error(`${FRAMEWORK_PATH}: ${framework.status}, no ETag`);
    const bodyFile = join(mkdtempSync(join(tmpdir(), 'waymark-bench-')), 'framework.json');
    writeFileSync(bodyFile, Buffer.from(await framework.arrayBuffer()));
    const limit = await start('memory reference', ['bench/memory-reference-server.mjs'], {
      BENCH_BODY_FILE: bodyFile,
      BENCH_ETAG: etag,
    });
    const best = (runs) => runs.reduce((a, b) => (b.rps > a.rps ? b : a));
    /** Runs each of `runs` in turn, ROUNDS times, and keeps each one's best round. */
    async function compare(...runs) {
      const rounds = runs.map(() => []);
      for (let round = 0; round < ROUNDS; round++) {
        for (const [i, run] of runs.entries()) rounds[i].push(await run());
      }
      for (const r of rounds) results.push({ ...best(r), rounds: r.length });
    }

    await compare(
      () => measure(API, FRAMEWORK_ROUTE, api.url + FRAMEWORK_PATH),
      () => measure(REF, FRAMEWORK_ROUTE, ref.url + FRAMEWORK_PATH),
      () => measure(LIMIT, FRAMEWORK_ROUTE, limit.url + FRAMEWORK_PATH),
    );
    const revalidate = { headers: { 'if-none-match': etag }, expectStatus: 304 };
    await compare(
      () => measure(API, NOT_MODIFIED_ROUTE, api.url + FRAMEWORK_PATH, revalidate),
      () => measure(LIMIT, NOT_MODIFIED_ROUTE, limit.url + FRAMEWORK_PATH, revalidate),
    );
    await limit.stop();

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
    const dashboard = await setUpDashboard(api.url, dbUrl.toString());
    dashboardBytes = dashboard.bytes;
    results.push(
      await measure(API, DASHBOARD_ROUTE, dashboard.url, {
        headers: dashboard.headers,
        connections: DASHBOARD_CONNECTIONS,
      }),
    );
    await api.stop();
    await ref.stop();

    const dataDir = mkdtempSync(join(tmpdir(), 'waymark-bench-'));
    const lite = await start('api (pglite)', ['apps/api/dist/server.js'], { DATA_DIR: dataDir });
    results.push(await measure('Waymark API · PGlite', FRAMEWORK_ROUTE, lite.url + FRAMEWORK_PATH));
    await lite.stop();
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }

  const find = (route, name) => results.find((r) => r.route === route && r.name === name);
  const ratio = (r, name) => {
    const of = find(r.route, name);
    return of && of !== r ? `${(r.rps / of.rps).toFixed(2)}×` : '—';
  };
  const times = (a, b) => (a / b).toFixed(2);
  const apiGet = find(FRAMEWORK_ROUTE, API);
  const limitGet = find(FRAMEWORK_ROUTE, LIMIT);
  const api304 = find(NOT_MODIFIED_ROUTE, API);
  const limit304 = find(NOT_MODIFIED_ROUTE, LIMIT);
  const apiPut = find(ANSWER_ROUTE, API);
  const refPut = find(ANSWER_ROUTE, REF);
  const apiDashboard = find(DASHBOARD_ROUTE, API);
  const lines = [
    `Waymark benchmark — ${new Date().toISOString()} — ${DURATION}s per run, ${CONNECTIONS} connections (answer saves: ${PUT_CONNECTIONS}); servers alternate, best of ${ROUNDS} rounds each`,
    '',
    '| route | server | conns | req/s | p50 ms | p99 ms | vs reference | vs limit |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.route} | ${r.name} | ${r.connections} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${ratio(r, REF)} | ${ratio(r, LIMIT)} |`,
    ),
    '',
    `Framework read: ${times(apiGet.rps, limitGet.rps)}× the in-memory limit (aim: at least 0.8×); 304 path: ${times(api304.rps, limit304.rps)}× the limit's 304.`,
    `Answer save: ${times(apiPut.rps, refPut.rps)}× the reference (aim: at least 0.7×), p99 ${apiPut.p99} ms against ${refPut.p99} ms = ${times(apiPut.p99, refPut.p99)}× (aim: at most 1.5×).`,
    `Coordinator dashboard, ${DASHBOARD_MEMBERS} members × 35 criteria: p50 ${apiDashboard.p50} ms at ${DASHBOARD_CONNECTIONS} connection(s) (aim: under ${DASHBOARD_AIM_MS} ms), ${(dashboardBytes / 1024).toFixed(0)} KiB JSON.`,
    ...Object.entries(web).map(
      ([route, w]) =>
        `Web app initial JS, ${route}: ${w.files} file(s), ${w.rawKiB.toFixed(1)} KiB raw, ${w.gzipKiB.toFixed(1)} KiB gzipped${w.routeChunks.length > 0 ? ` (route chunks: ${w.routeChunks.join(', ')})` : ''}`,
    ),
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
