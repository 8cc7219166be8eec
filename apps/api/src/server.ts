import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { connectDatabase, type Database, DatabaseStartupError } from './db/client.js';
import { seedFrameworks } from './db/seed.js';
import { type DemoOutcome, formatDemoMessage, prepareDemo } from './demo/demo-startup.js';
import { loggerOptions } from './logging.js';

/** Loads config, opens and migrates the database, listens, and shuts down gracefully. */
async function main() {
  const config = loadConfig();
  const database: Database = await connectDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
  });
  try {
    await database.migrate();
    await seedFrameworks(database.db);
  } catch (error) {
    await database.close().catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseStartupError(
      `Cannot prepare the database at ${database.location}: ${reason}`,
    );
  }

  // The demo is a convenience: if it cannot be loaded the app still starts (nothing of it is kept,
  // it loads in one transaction) and the next first start tries again.
  let demo: DemoOutcome;
  try {
    demo = await prepareDemo(database.db, {
      mode: config.demo,
      kind: database.kind,
      env: config.env,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    demo = { status: 'skipped', reason };
    console.error(`waymark: the demo network could not be loaded: ${reason}`);
  }

  const app = await buildApp({
    config,
    database,
    logger: loggerOptions(
      config.logLevel,
      config.env === 'development' && process.stdout.isTTY
        ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss' } } }
        : {},
    ),
  });

  // On SIGINT/SIGTERM: stop accepting connections, let in-flight requests finish, then close the
  // database. A second signal, or 10 s, forces the exit.
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
  });

  await app.listen({ host: config.host, port: config.port });
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const where =
    database.kind === 'pglite'
      ? `embedded database in ${database.location}`
      : `PostgreSQL at ${database.location}`;
  const base = `http://${shownHost}:${port}`;
  const demoLines = formatDemoMessage(demo, base);
  // One write, so that whoever reads the output finds the sign-ins with the address.
  console.log(
    [
      `Waymark is running at ${base} (${where})`,
      ...(demoLines.length > 0
        ? ['', ...demoLines, 'Set WAYMARK_DEMO=off to start without the demo.', '']
        : []),
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  // Operators get one clear line for the problems they can fix, a stack trace only for bugs.
  if (error instanceof ConfigError || error instanceof DatabaseStartupError) {
    console.error(`waymark: ${error.message}`);
  } else if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    console.error(`waymark: port already in use (${error.message}); set PORT to another port`);
  } else {
    console.error('waymark: failed to start', error);
  }
  process.exit(1);
});
