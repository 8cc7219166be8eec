// `pnpm bench`: drives the built API on PostgreSQL and on PGlite with autocannon, beside a bare
// Fastify + pg reference answering the same query in the same run, and measures the web app's
// initial JavaScript. Prints a table and writes bench/results/<time>.{json,md}.
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
const FRAMEWORK_PATH = '/api/v1/frameworks/anchor-progression/versions/1';

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

async function measure(name, url, path, connections = CONNECTIONS) {
  // Warm up JITs, pools and caches before measuring.
  await autocannon({ url: url + path, connections, duration: 2 });
  const r = await autocannon({ url: url + path, connections, duration: DURATION });
  if (r.non2xx > 0 || r.errors > 0)
    throw new Error(`${name}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return {
    name,
    path,
    connections,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
  };
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
    const api = await start('api (postgres)', ['apps/api/dist/server.js'], {
      DATABASE_URL: dbUrl.toString(),
    });
    results.push(await measure('Waymark API · PostgreSQL', api.url, FRAMEWORK_PATH));
    await api.stop();

    // The reference reads the rows the API migrated and seeded above.
    const ref = await start('reference', ['bench/reference-server.mjs'], {
      DATABASE_URL: dbUrl.toString(),
    });
    results.push(await measure('Reference: bare Fastify + pg', ref.url, FRAMEWORK_PATH));
    await ref.stop();

    const dataDir = mkdtempSync(join(tmpdir(), 'waymark-bench-'));
    const lite = await start('api (pglite)', ['apps/api/dist/server.js'], { DATA_DIR: dataDir });
    results.push(await measure('Waymark API · PGlite', lite.url, FRAMEWORK_PATH));
    await lite.stop();
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }

  const reference = results.find((r) => r.name.startsWith('Reference'));
  const web = initialJsGzip();
  const lines = [
    `Waymark benchmark — ${new Date().toISOString()} — ${DURATION}s per run, ${CONNECTIONS} connections, GET ${FRAMEWORK_PATH}`,
    '',
    '| server | req/s | p50 ms | p99 ms | vs reference |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${(r.rps / reference.rps).toFixed(2)}× |`,
    ),
    '',
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
    `${JSON.stringify({ duration: DURATION, connections: CONNECTIONS, results, web }, null, 2)}\n`,
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
