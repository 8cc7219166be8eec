import { ConfigError, loadConfig } from '../config.js';
import { connectDatabase, DatabaseStartupError } from '../db/client.js';
import { seedFrameworks } from '../db/seed.js';
import { formatDemoMessage } from './demo-startup.js';
import { loadDemo } from './load-demo.js';

/**
 * `pnpm demo`: loads the demo network into the configured database — the embedded one, or
 * DATABASE_URL, since running this command is asking for it — and prints the sign-ins. Run it
 * while the app is stopped when using the embedded database: PGlite serves one process at a time.
 */
async function main() {
  const config = loadConfig();
  const database = await connectDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
  });
  try {
    await database.migrate();
    await seedFrameworks(database.db);
    const where =
      database.kind === 'pglite'
        ? `the embedded database in ${database.location}`
        : `PostgreSQL at ${database.location}`;
    console.log(`Loading the demo network into ${where}…`);
    const result = await loadDemo(database.db);
    for (const line of formatDemoMessage(result, config.publicUrl)) console.log(line);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseStartupError) {
    console.error(`waymark: ${error.message}`);
  } else {
    console.error('waymark: the demo could not be loaded', error);
  }
  process.exit(1);
});
