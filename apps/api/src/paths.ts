import { fileURLToPath } from 'node:url';

// Resolved from this module's own location (apps/api/src in dev, apps/api/dist when built: both
// three levels below the repository), never from the working directory, so the server starts from
// anywhere.
const repoRoot = new URL('../../../', import.meta.url);

export const REPO_ROOT = fileURLToPath(repoRoot);
export const MIGRATIONS_DIR = fileURLToPath(new URL('migrations/', repoRoot));
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('.data/', repoRoot));
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('apps/web/dist/', repoRoot));
