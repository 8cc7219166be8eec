import { defineConfig } from 'drizzle-kit';

// Generation and `check` need no database: they compare schema.ts with the migrations folder.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: '../../migrations',
  strict: true,
  verbose: true,
});
