// The coordinator dashboard scenario of `pnpm bench`: a cycle with DASHBOARD_MEMBERS (1,000)
// public-sector member organisations, each with a submitted assessment on all 35 criteria (the
// optional service-delivery pillar on), seeded in bulk — one multi-row statement per table, rows
// sent as one JSON parameter — then `GET /api/v1/cycles/:cycleId/dashboard` measured on PostgreSQL.
//
// bench/run.mjs runs it with the other scenarios; `node bench/dashboard.mjs` runs it alone (after
// `pnpm --filter @waymark/api... build`), starting its own API on a new database.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import {
  applicableCriteria,
  DEFAULT_FRAMEWORK,
  scoreAssessment,
} from '../packages/rubric/dist/index.js';

export const DASHBOARD_ROUTE = 'GET /api/v1/cycles/:cycleId/dashboard';
export const DASHBOARD_MEMBERS = Number(process.env.BENCH_DASHBOARD_MEMBERS ?? 1000);
/** One coordinator looking at the dashboard: latency, not throughput, is the question. */
export const DASHBOARD_CONNECTIONS = Number(process.env.BENCH_DASHBOARD_CONNECTIONS ?? 1);
export const DASHBOARD_AIM_MS = 150;

const OPTIONAL = ['service-delivery'];
const PROFILE = { organisationType: 'public_sector', sizeBand: 'large' };

/** A small deterministic generator, so every run seeds the same levels. */
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function memberRows(count) {
  const random = generator(2026);
  const pillars = applicableCriteria(DEFAULT_FRAMEWORK, PROFILE, {
    includeOptionalPillars: OPTIONAL,
  });
  const criteria = pillars.flatMap((p) => p.criteria.map((c) => ({ id: c.id, pillarId: p.id })));
  if (criteria.length !== 35) throw new Error(`expected 35 criteria, got ${criteria.length}`);
  const indicators = DEFAULT_FRAMEWORK.indicators.filter((i) => i.unit === 'percent');
  return Array.from({ length: count }, (_, n) => {
    const firstOfPillar = new Set();
    const answers = criteria.map(({ id, pillarId }) => {
      const level = 1 + Math.floor(random() * 4);
      const targetLevel = Math.min(4, level + Math.floor(random() * 3));
      const values = {};
      if (!firstOfPillar.has(pillarId)) {
        firstOfPillar.add(pillarId);
        for (const i of indicators) {
          if (i.pillarId === pillarId && random() < 0.7)
            values[i.id] = Math.round(random() * 1000) / 10;
        }
      }
      return {
        criterionId: id,
        level,
        notApplicable: null,
        targetLevel,
        notes: 'Seeded by pnpm bench: a note of ordinary length that the dashboard never reads.',
        evidenceLinks: ['https://example.org/evidence/policy.pdf'],
        indicators: values,
      };
    });
    return {
      organisationId: randomUUID(),
      assessmentId: randomUUID(),
      name: `Bench member ${String(n + 1).padStart(4, '0')}`,
      sharing: n % 5 === 0 ? 'anonymous' : 'named',
      answers,
      scores: scoreAssessment(DEFAULT_FRAMEWORK, answers, {
        profile: PROFILE,
        includeOptionalPillars: OPTIONAL,
      }),
    };
  });
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
 * A coordinator signed in through the API, and a network with an open cycle and `members`
 * submitted members written straight to the database. Returns the dashboard's URL and headers.
 */
export async function setUpDashboard(base, databaseUrl, members = DASHBOARD_MEMBERS) {
  const email = `coordinator-${randomBytes(4).toString('hex')}@example.org`;
  const password = 'quiet harbour lanterns drift 2026';
  await callApi(base, 'POST', '/api/v1/auth/register', {
    name: 'Bench Coordinator',
    email,
    password,
  });
  const { accessToken } = await callApi(base, 'POST', '/api/v1/auth/login', { email, password });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  try {
    await client.query('begin');
    const {
      rows: [user],
    } = await client.query('select id from users where email = $1', [email]);
    const {
      rows: [network],
    } = await client.query(
      `insert into networks (name, place, min_group_size, optional_pillars, created_by)
       values ('Bench Anchors', 'Leeds', 5, $1::jsonb, $2) returning id`,
      [JSON.stringify(OPTIONAL), user.id],
    );
    await client.query('insert into network_coordinators (network_id, user_id) values ($1, $2)', [
      network.id,
      user.id,
    ]);
    const {
      rows: [cycle],
    } = await client.query(
      `insert into cycles (network_id, name, framework_id, framework_version, opens_on, closes_on)
       values ($1, '2026', $2, $3, current_date - 30, current_date + 30) returning id`,
      [network.id, DEFAULT_FRAMEWORK.id, DEFAULT_FRAMEWORK.version],
    );
    const rows = memberRows(members);
    const json = JSON.stringify(rows);
    const each = `jsonb_to_recordset($1::jsonb) as m("organisationId" uuid, "assessmentId" uuid,
      name text, sharing text, answers jsonb, scores jsonb)`;
    await client.query(
      `insert into organisations (id, name, type, size_band) select "organisationId", name, 'public_sector', 'large' from ${each}`,
      [json],
    );
    await client.query(
      `insert into network_members (network_id, organisation_id, sharing) select $2, "organisationId", sharing from ${each}`,
      [json, network.id],
    );
    await client.query(
      `insert into assessments (id, organisation_id, framework_id, framework_version, title, status, profile, included_optional_pillars)
       select "assessmentId", "organisationId", $2, $3, 'Bench 2026', 'submitted', $4::jsonb, $5::jsonb from ${each}`,
      [
        json,
        DEFAULT_FRAMEWORK.id,
        DEFAULT_FRAMEWORK.version,
        JSON.stringify(PROFILE),
        JSON.stringify(OPTIONAL),
      ],
    );
    await client.query(
      `insert into assessment_revisions (assessment_id, revision, answers, scores, submitted_by)
       select "assessmentId", 1, answers, scores, $2 from ${each}`,
      [json, user.id],
    );
    await client.query(
      `insert into cycle_assessments (cycle_id, organisation_id, assessment_id) select $2, "organisationId", "assessmentId" from ${each}`,
      [json, cycle.id],
    );
    // Invitations: one per member (accepted) and a hundred still pending.
    await client.query(
      `insert into network_invitations (network_id, organisation_name, email, token_hash, expires_at, accepted_at)
       select $1, 'Invited ' || g, 'invite-' || g || '@example.org', md5(random()::text || g), now() + interval '14 days',
              case when g <= $2 then now() end
       from generate_series(1, $2 + 100) as g`,
      [network.id, members],
    );
    await client.query('commit');
    await client.query('analyze');
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Dashboard scenario: seeded ${members} submitted members × 35 criteria in ${seconds}s`,
    );
    const url = `${base}/api/v1/cycles/${cycle.id}/dashboard`;
    const headers = { authorization: `Bearer ${accessToken}` };
    const check = await fetch(url, { headers });
    const body = await check.json();
    if (!check.ok || body.participation.submitted !== members) {
      throw new Error(
        `dashboard check failed: ${check.status} ${JSON.stringify(body).slice(0, 300)}`,
      );
    }
    return { url, headers, bytes: JSON.stringify(body).length };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

// ─── Alone: `node bench/dashboard.mjs` ──────────────────────────────────────────────────────

async function runAlone() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const adminUrl =
    process.env.BENCH_DATABASE_URL ?? 'postgres://waymark:waymark@127.0.0.1:5432/postgres';
  const duration = Number(process.env.BENCH_DURATION ?? 10);
  const dbName = `waymark_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${dbName}`;
  const child = spawn(process.execPath, ['apps/api/dist/server.js'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: '0',
      JWT_SECRET: 'benchmark-secret-benchmark-secret-benchmark',
      DATABASE_URL: dbUrl.toString(),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const base = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = out.match(/running at (http:\/\/\S+)/);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`api exited with ${code}`)));
    });
    const { url, headers, bytes } = await setUpDashboard(base, dbUrl.toString());
    await autocannon({ url, headers, connections: DASHBOARD_CONNECTIONS, duration: 2 });
    const r = await autocannon({ url, headers, connections: DASHBOARD_CONNECTIONS, duration });
    if (r.non2xx > 0 || r.errors > 0) throw new Error(`${r.non2xx} non-2xx, ${r.errors} errors`);
    console.log(
      `${DASHBOARD_ROUTE} · ${DASHBOARD_MEMBERS} members · ${DASHBOARD_CONNECTIONS} connection(s): p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${r.requests.average.toFixed(1)} req/s, ${(bytes / 1024).toFixed(0)} KiB JSON (aim: p50 under ${DASHBOARD_AIM_MS} ms)`,
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    if (process.env.BENCH_KEEP_DATABASE) console.log(`Kept ${dbUrl}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runAlone().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
