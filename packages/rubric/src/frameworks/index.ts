import type { TFramework } from '../schemas/framework.js';
import { anchorProgressionV1 } from './anchor-progression-v1.js';

export { anchorProgressionV1, anchorProgressionV1Definition } from './anchor-progression-v1.js';

/** Every framework version Waymark ships, oldest first; seeded into the database on start-up. */
export const DEFAULT_FRAMEWORKS: readonly TFramework[] = [anchorProgressionV1];

/** The framework a new standalone assessment or network cycle uses unless told otherwise. */
export const DEFAULT_FRAMEWORK: TFramework = anchorProgressionV1;
