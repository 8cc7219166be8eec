import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import { type ReminderRunResult, runReminderJob } from '../modules/reminders/reminders.service.js';

export interface RemindersJob {
  /** Runs the job once now (tests; the timer). Resolves with what it did; never runs two at once here. */
  runOnce(now?: Date): Promise<ReminderRunResult>;
  /** Asks for a run soon (after a coordinator's reminder) when the timer runs on this instance. */
  trigger(): void;
  /** Resolves once the run in progress (if any) has finished. */
  idle(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    reminders: RemindersJob;
  }
}

/** The first run after start-up waits at most this long, so a restart does not delay reminders. */
const FIRST_RUN_MAX_MS = 30_000;

/**
 * The reminders background job (issue 9): every REMINDER_INTERVAL_SECONDS on each instance, of
 * which one at a time does the work (a PostgreSQL advisory lock; see modules/reminders). A run that
 * fails is logged and the timer goes on. The timer is off with an interval of 0 (the default in
 * tests, which call `app.reminders.runOnce()`), and stops when the app closes.
 */
async function remindersPlugin(app: FastifyInstance, opts: { config: Config }) {
  const intervalMs = opts.config.reminders.intervalSeconds * 1000;
  const deps = {
    db: app.db,
    mailer: app.mailer,
    log: app.log.child({ job: 'reminders' }),
    publicUrl: opts.config.publicUrl,
  };
  let running: Promise<ReminderRunResult> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const job: RemindersJob = {
    runOnce(now) {
      // Runs on this instance queue behind each other; other instances are kept out by the lock.
      const previous = running ?? Promise.resolve(undefined);
      const next = previous.catch(() => undefined).then(() => runReminderJob(deps, now));
      running = next;
      void next
        .finally(() => {
          if (running === next) running = undefined;
        })
        .catch(() => {});
      return next;
    },
    trigger() {
      if (intervalMs === 0 || closed) return;
      job.runOnce().catch((error: unknown) => {
        deps.log.error({ err: error }, 'reminders job failed');
      });
    },
    async idle() {
      await running?.catch(() => undefined);
    },
  };

  function schedule(delayMs: number) {
    timer = setTimeout(tick, delayMs);
    // The timer alone never keeps the process alive.
    timer.unref();
  }

  async function tick() {
    timer = undefined;
    try {
      const result = await job.runOnce();
      if (result.created > 0 || result.claimed > 0) deps.log.info(result, 'reminders sent');
    } catch (error) {
      deps.log.error({ err: error }, 'reminders job failed');
    }
    if (!closed) schedule(intervalMs);
  }

  app.decorate<RemindersJob>('reminders', job);
  if (intervalMs > 0) {
    app.addHook('onReady', async () => schedule(Math.min(intervalMs, FIRST_RUN_MAX_MS)));
  }
  app.addHook('onClose', async () => {
    closed = true;
    if (timer) clearTimeout(timer);
    timer = undefined;
    // A run in progress finishes (its mails go) before the mailer and the database close.
    await job.idle();
  });
}

export default fp<{ config: Config }>(remindersPlugin, {
  name: 'reminders',
  fastify: '5.x',
  dependencies: ['db', 'mailer'],
});
