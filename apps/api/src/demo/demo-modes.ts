/**
 * WAYMARK_DEMO: `auto` (the default) loads the demo network on the first start of the embedded
 * database — no DATABASE_URL and no user yet — outside production, and never into a PostgreSQL
 * server; `on` loads it
 * into whichever database is configured (once: a second time changes nothing); `off` never.
 * Kept apart from the loader so that config.ts does not import it.
 */
export const DEMO_MODES = ['auto', 'on', 'off'] as const;
export type DemoMode = (typeof DEMO_MODES)[number];
