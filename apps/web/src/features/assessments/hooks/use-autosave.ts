import type { TProblem } from '@waymark/rubric';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { CLIENT_ERROR_CODES, isApiError } from '../../../lib/api-client';
import { INVALID_FORM_CODE } from '../../../lib/problem-messages';
import { clearDraft, readDraft, writeDraft } from '../lib/draft-storage';

/**
 * Autosave for one answer (issue 4): every change is kept in `localStorage` at once and sent to the
 * API after a short pause; it counts as saved only when the API answers 200. Lost connections and
 * server errors are retried with backoff, then reported with a way to retry; a 409 from a
 * colleague's save becomes a conflict for the user to settle. The state machine lives in
 * `AutosaveController` (plain TypeScript, driven by timers) and `useAutosave` binds it to React.
 *
 *   idle ──change──▶ pending ──debounce──▶ saving ──200──▶ saved
 *     ▲    (invalid: kept locally only)      │  ├─409──▶ conflict ──keep mine / take theirs──▶ …
 *     │                                      │  ├─network, 5xx──▶ retrying ──backoff──▶ saving
 *     │                                      │  │                 └─ out of attempts ──▶ error
 *     │                                      │  └─other 4xx──▶ error ──retry / change──▶ saving
 */

export type AutosaveStatus =
  /** Nothing changed since the page loaded. */
  | 'idle'
  /** Changed, but not valid yet (e.g. not applicable without a reason): kept locally only. */
  | 'invalid'
  /** Changed; the save starts when typing pauses. */
  | 'pending'
  | 'saving'
  /** The API acknowledged the latest change. */
  | 'saved'
  /** The last save failed in a way that may fix itself; another attempt is scheduled. */
  | 'retrying'
  /** Saving failed and will not be retried without the user (or a new change). */
  | 'error'
  /** A colleague saved this answer first: the user must keep theirs or take the other. */
  | 'conflict';

/** What a save reports; a failure is thrown (an `ApiError`). */
export type SaveOutcome<TServer> =
  | { kind: 'saved'; server: TServer; version: number }
  | { kind: 'conflict'; server: TServer; version: number };

export interface SaveRequestOptions {
  /** Outlive the page (`fetch(..., { keepalive: true })`): the tab is being hidden or closed. */
  keepalive: boolean;
}

export interface AutosaveOptions<TValues, TServer> {
  /** Where the unsaved change is kept (see `draftKey`). */
  storageKey: string;
  /** The `version` of the stored answer when the page loaded; 0 when there is none yet. */
  serverVersion: number;
  /** The stored answer when the page loaded, if any: a kept change it already matches is dropped. */
  serverValue?: TServer | undefined;
  /** Sends `values` as based on `version`. */
  save: (
    values: TValues,
    version: number,
    options: SaveRequestOptions,
  ) => Promise<SaveOutcome<TServer>>;
  /**
   * False for values that cannot be sent as they are (a change kept on this device that breaks a
   * rule, say an evidence link that is not a web address): restored, but kept locally until fixed.
   */
  isSavable?: (values: TValues) => boolean;
  /** True when the stored answer already says what `values` say: such a "conflict" is no conflict. */
  isSame?: (values: TValues, server: TServer) => boolean;
  /** Called with the stored answer after every acknowledged save. */
  onSaved?: (server: TServer) => void;
  /** Quiet time after the last change before saving. */
  debounceMs?: number;
  /** Waits before each retry; once they are used up the status becomes `error`. */
  retryDelaysMs?: readonly number[];
}

export interface AutosaveSnapshot<TValues, TServer> {
  status: AutosaveStatus;
  /** The answer version that the next save is based on. */
  version: number;
  /** Why the last save failed (status `retrying` or `error`). */
  error: TProblem | null;
  /** When the next retry starts (ms since the epoch), while `retrying`. */
  retryAt: number | null;
  /** The user's change and the stored answer that won, with its version (status `conflict`). */
  conflict: { mine: TValues; theirs: TServer; theirsVersion: number } | null;
  /** When the API last acknowledged a save (ms since the epoch). */
  lastSavedAt: number | null;
  /** True while a change exists that the API has not acknowledged. */
  hasUnsavedChange: boolean;
}

export const AUTOSAVE_DEBOUNCE_MS = 800;
/** 1 s, 2 s, 4 s, 8 s, 16 s, 30 s: about a minute of trying before asking the user. */
export const AUTOSAVE_RETRY_DELAYS_MS: readonly number[] = [1000, 2000, 4000, 8000, 16000, 30000];

/**
 * Anything but an `ApiError` was thrown before a request left (the values broke the contract's
 * schema): a problem the user must fix, never retried, and never shown as the thrown text.
 */
function toProblem(error: unknown): TProblem {
  if (isApiError(error)) return error.problem;
  return {
    type: 'about:blank',
    title: 'There is a problem',
    status: 400,
    code: INVALID_FORM_CODE,
  };
}

/** A lost connection, a timeout, rate limiting or a server error may pass; a 4xx will not. */
function isRetryable(problem: TProblem): boolean {
  const { status } = problem;
  return isOfflineProblem(problem) || status === 408 || status === 429 || status >= 500;
}

export function isOfflineProblem(problem: TProblem | null): boolean {
  return problem?.code === CLIENT_ERROR_CODES.network;
}

export interface ChangeOptions {
  savable?: boolean;
  delayMs?: number;
}

interface Pending<TValues> {
  values: TValues;
  /** False while the form has errors: kept locally, not sent. */
  savable: boolean;
}

type Listener = () => void;

export class AutosaveController<TValues, TServer> {
  private options: AutosaveOptions<TValues, TServer>;
  private snapshot: AutosaveSnapshot<TValues, TServer>;
  private readonly listeners = new Set<Listener>();
  private pending: Pending<TValues> | null = null;
  private inFlight = false;
  private saveAgain = false;
  private attempt = 0;
  private debounceTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** The change found in storage when the page loaded, if any. */
  readonly restoredValues: TValues | null;

  constructor(options: AutosaveOptions<TValues, TServer>) {
    this.options = options;
    let draft = readDraft<TValues>(options.storageKey);
    // A change kept on the device that the server already holds (its save got through as the
    // tab closed, but the answer never came back): nothing is left to send.
    if (
      draft &&
      options.serverValue !== undefined &&
      options.isSame?.(draft.values, options.serverValue)
    ) {
      clearDraft(options.storageKey);
      draft = null;
    }
    this.restoredValues = draft?.values ?? null;
    // A draft is based on the version it was made on, which may be older than the server's now:
    // saving it then answers 409 and the user chooses, so that nobody's work is overwritten blind.
    const version = draft ? draft.baseVersion : options.serverVersion;
    const savable = draft ? (options.isSavable?.(draft.values) ?? true) : true;
    if (draft) this.pending = { values: draft.values, savable };
    this.snapshot = {
      status: draft ? (savable ? 'pending' : 'invalid') : 'idle',
      version,
      error: null,
      retryAt: null,
      conflict: null,
      lastSavedAt: null,
      hasUnsavedChange: draft !== null,
    };
  }

  /** The latest callbacks (a new render may bring new closures); timers keep their own state. */
  setOptions(options: AutosaveOptions<TValues, TServer>): void {
    this.options = options;
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getSnapshot = (): AutosaveSnapshot<TValues, TServer> => this.snapshot;

  /** The page is showing: a change restored from storage is saved straight away. */
  attach(): void {
    if (this.pending?.savable && this.snapshot.status === 'pending') this.schedule(0);
  }

  /** The page is going away (another route): send what is left; storage keeps it if that fails. */
  detach(): void {
    this.clearTimers();
    if (this.snapshot.status === 'conflict') return;
    void this.saveNow({ keepalive: true });
  }

  /**
   * A change in the form. `savable: false` keeps it locally without sending it; `delayMs` waits
   * longer than the usual pause (a level reached by arrow keys, which may be passed through).
   */
  change(values: TValues, { savable = true, delayMs }: ChangeOptions = {}): void {
    this.pending = { values, savable };
    writeDraft(this.options.storageKey, {
      values,
      baseVersion: this.snapshot.version,
      changedAt: Date.now(),
    });
    const { status, conflict } = this.snapshot;
    if (status === 'conflict' && conflict) {
      this.update({ conflict: { ...conflict, mine: values }, hasUnsavedChange: true });
      return;
    }
    if (status === 'retrying') {
      // The retry already scheduled will carry this change; trying sooner would only hammer.
      this.update({ hasUnsavedChange: true });
      return;
    }
    if (!savable) {
      this.clearDebounce();
      if (!this.inFlight) this.update({ status: 'invalid', hasUnsavedChange: true, error: null });
      return;
    }
    this.attempt = 0;
    if (!this.inFlight) this.update({ status: 'pending', hasUnsavedChange: true, error: null });
    this.schedule(delayMs ?? this.options.debounceMs ?? AUTOSAVE_DEBOUNCE_MS);
  }

  /** Save now rather than after the pause (leaving the page, hiding the tab). */
  flush(options: SaveRequestOptions = { keepalive: false }): void {
    if (this.snapshot.status === 'conflict') return;
    this.clearDebounce();
    void this.saveNow(options);
  }

  /** The user's "Retry" after a failure. */
  retry(): void {
    if (this.snapshot.status === 'conflict') return;
    this.attempt = 0;
    this.clearTimers();
    void this.saveNow({ keepalive: false });
  }

  /** The connection is back: a scheduled retry need not wait. */
  online(): void {
    const { status } = this.snapshot;
    if ((status === 'retrying' || status === 'error') && isOfflineProblem(this.snapshot.error)) {
      this.retry();
    }
  }

  /** Conflict: overwrite the colleague's answer with mine, based on their version. */
  keepMine(): void {
    const { conflict } = this.snapshot;
    if (!conflict) return;
    const version = conflict.theirsVersion;
    this.pending = { values: conflict.mine, savable: true };
    writeDraft(this.options.storageKey, {
      values: conflict.mine,
      baseVersion: version,
      changedAt: Date.now(),
    });
    this.attempt = 0;
    this.update({ status: 'pending', conflict: null, version });
    void this.saveNow({ keepalive: false });
  }

  /** Conflict: drop my change and take the colleague's answer (the caller resets the form to it). */
  takeTheirs(): TServer | null {
    const { conflict } = this.snapshot;
    if (!conflict) return null;
    this.pending = null;
    clearDraft(this.options.storageKey);
    this.update({
      status: 'saved',
      conflict: null,
      version: conflict.theirsVersion,
      hasUnsavedChange: false,
      error: null,
    });
    return conflict.theirs;
  }

  private update(patch: Partial<AutosaveSnapshot<TValues, TServer>>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }

  private clearDebounce(): void {
    if (this.debounceTimer !== null) clearTimeout(this.debounceTimer);
    this.debounceTimer = null;
  }

  private clearTimers(): void {
    this.clearDebounce();
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private schedule(delay: number): void {
    this.clearDebounce();
    this.debounceTimer = setTimeout(() => {
      this.debounceTimer = null;
      void this.saveNow({ keepalive: false });
    }, delay);
  }

  private async saveNow(options: SaveRequestOptions): Promise<void> {
    // One save at a time: two saves on the same version would conflict with each other.
    if (this.inFlight) {
      this.saveAgain = true;
      return;
    }
    const sent = this.pending;
    if (!sent?.savable) return;
    if (this.retryTimer !== null) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    const version = this.snapshot.version;
    this.inFlight = true;
    this.saveAgain = false;
    this.update({ status: 'saving', retryAt: null });
    try {
      const outcome = await this.options.save(sent.values, version, options);
      if (outcome.kind === 'conflict') {
        this.onConflict(sent, outcome);
      } else {
        this.onSaved(sent, outcome);
      }
    } catch (error) {
      this.onFailed(toProblem(error));
    } finally {
      this.inFlight = false;
    }
    if (this.saveAgain && this.pending !== sent && this.snapshot.status === 'pending') {
      this.saveAgain = false;
      this.schedule(0);
    }
  }

  private onSaved(sent: Pending<TValues>, outcome: SaveOutcome<TServer>): void {
    this.attempt = 0;
    const changedSince = this.pending !== sent;
    if (changedSince && this.pending) {
      // Typed while the save was on its way: that change now rests on the version just saved.
      writeDraft(this.options.storageKey, {
        values: this.pending.values,
        baseVersion: outcome.version,
        changedAt: Date.now(),
      });
      const savable = this.pending.savable;
      this.update({
        status: savable ? 'pending' : 'invalid',
        version: outcome.version,
        error: null,
        lastSavedAt: Date.now(),
        hasUnsavedChange: true,
      });
      if (savable) this.schedule(this.options.debounceMs ?? AUTOSAVE_DEBOUNCE_MS);
    } else {
      this.pending = null;
      clearDraft(this.options.storageKey);
      this.update({
        status: 'saved',
        version: outcome.version,
        error: null,
        lastSavedAt: Date.now(),
        hasUnsavedChange: false,
      });
    }
    this.options.onSaved?.(outcome.server);
  }

  private onConflict(sent: Pending<TValues>, outcome: SaveOutcome<TServer>): void {
    const mine = this.pending ?? sent;
    // The stored answer already says what mine says (an earlier save whose answer never reached
    // us, say, because the tab closed): adopt its version and carry on.
    if (this.options.isSame?.(mine.values, outcome.server)) {
      this.onSaved(sent, { kind: 'saved', server: outcome.server, version: outcome.version });
      return;
    }
    this.clearTimers();
    this.update({
      status: 'conflict',
      conflict: { mine: mine.values, theirs: outcome.server, theirsVersion: outcome.version },
      error: null,
      hasUnsavedChange: true,
    });
  }

  private onFailed(problem: TProblem): void {
    if (isRetryable(problem)) {
      const delays = this.options.retryDelaysMs ?? AUTOSAVE_RETRY_DELAYS_MS;
      const delay = delays[this.attempt];
      this.attempt += 1;
      if (delay !== undefined) {
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          void this.saveNow({ keepalive: false });
        }, delay);
        this.update({ status: 'retrying', error: problem, retryAt: Date.now() + delay });
        return;
      }
    }
    this.update({ status: 'error', error: problem, retryAt: null, hasUnsavedChange: true });
  }
}

export interface UseAutosaveResult<TValues, TServer> extends AutosaveSnapshot<TValues, TServer> {
  /** The unsaved change found in storage when the page loaded: the form starts from it. */
  restoredValues: TValues | null;
  change: (values: TValues, options?: ChangeOptions) => void;
  flush: () => void;
  retry: () => void;
  keepMine: () => void;
  takeTheirs: () => TServer | null;
}

/**
 * Binds an `AutosaveController` to a component: one controller per mount (key the component by
 * assessment and criterion), saving when the tab is hidden or closed and retrying when the
 * connection comes back.
 */
export function useAutosave<TValues, TServer>(
  options: AutosaveOptions<TValues, TServer>,
): UseAutosaveResult<TValues, TServer> {
  const [controller] = useState(() => new AutosaveController(options));
  controller.setOptions(options);

  useEffect(() => {
    controller.attach();
    const onHide = () => controller.flush({ keepalive: true });
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onHide();
    };
    const onOnline = () => controller.online();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onHide);
    window.addEventListener('online', onOnline);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('online', onOnline);
      controller.detach();
    };
  }, [controller]);

  const snapshot = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const [actions] = useState(() => ({
    change: (values: TValues, opts?: ChangeOptions) => controller.change(values, opts),
    flush: () => controller.flush(),
    retry: () => controller.retry(),
    keepMine: () => controller.keepMine(),
    takeTheirs: () => controller.takeTheirs(),
  }));
  return { ...snapshot, restoredValues: controller.restoredValues, ...actions };
}
