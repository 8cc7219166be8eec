import type { Config } from '../config.js';
import type { Database, Db } from '../db/client.js';
import { DEMO_NETWORK } from './demo-data.js';
import type { DemoMode } from './demo-modes.js';
import { type DemoLoadResult, demoExists, demoSignIns, hasAnyUser, loadDemo } from './load-demo.js';

export type DemoDecision = { load: true } | { load: false; reason: string };

/**
 * Whether to load the demo at start-up (see demo-modes.ts). `auto` also stays out of production:
 * the demo's passwords are published, so a deployment gets them only when it asks (`on`).
 */
export function demoDecision(
  mode: DemoMode,
  database: { kind: Database['kind']; env?: Config['env'] },
  hasUsers: boolean,
): DemoDecision {
  if (mode === 'off') return { load: false, reason: 'switched off (WAYMARK_DEMO=off)' };
  if (mode === 'on') return { load: true };
  if (database.env === 'production') {
    return { load: false, reason: 'not loaded in production unless asked (WAYMARK_DEMO=on)' };
  }
  if (database.kind === 'postgres') {
    return {
      load: false,
      reason: 'not loaded into DATABASE_URL unless asked (WAYMARK_DEMO=on or `pnpm demo`)',
    };
  }
  if (hasUsers) return { load: false, reason: 'not the first start (the database has users)' };
  return { load: true };
}

export type DemoOutcome = DemoLoadResult | { status: 'skipped'; reason: string };

/** Loads the demo at start-up when `demoDecision` says so. */
export async function prepareDemo(
  db: Db,
  options: { mode: DemoMode; kind: Database['kind']; env?: Config['env']; now?: Date },
): Promise<DemoOutcome> {
  // Only `auto` on the embedded database needs to know whether this is the first start.
  const needsUserCheck =
    options.mode === 'auto' && options.kind === 'pglite' && options.env !== 'production';
  const hasUsers = needsUserCheck && (await hasAnyUser(db));
  const decision = demoDecision(options.mode, options, hasUsers);
  if (decision.load) return loadDemo(db, { now: options.now });
  // A later start of an embedded database that has the demo repeats how to sign in to it.
  if (hasUsers && (await demoExists(db))) return { status: 'exists', signIns: demoSignIns() };
  return { status: 'skipped', reason: decision.reason };
}

/** The lines printed at start-up (and by `pnpm demo`): what happened and how to sign in. */
export function formatDemoMessage(outcome: DemoOutcome, baseUrl?: string): string[] {
  if (outcome.status === 'skipped') return [];
  const header =
    outcome.status === 'loaded'
      ? `Demo network loaded: ${DEMO_NETWORK.name} — ${outcome.summary.organisations} organisations (${outcome.summary.anonymous} anonymous), cycle ${DEMO_NETWORK.cycleName} open: ${outcome.summary.submitted} submitted, ${outcome.summary.inProgress} in progress, ${outcome.summary.notStarted} not started.`
      : `The demo network (${DEMO_NETWORK.name}) is already in this database.`;
  const width = Math.max(...outcome.signIns.map((s) => s.email.length));
  return [
    header,
    `Sign in${baseUrl ? ` at ${baseUrl}` : ''} with:`,
    ...outcome.signIns.map(
      (s) =>
        `  ${`${s.role}:`.padEnd(13)}${s.email.padEnd(width)}  password: ${s.password}  (${s.sees})`,
    ),
  ];
}
