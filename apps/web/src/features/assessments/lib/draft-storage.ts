/**
 * Unsaved answers kept in the browser (`localStorage`) from the moment they are typed until the
 * API acknowledges them, so that a reload, a lost connection or a closed tab loses nothing
 * (issue 4, autosave). One entry per assessment and criterion, holding the form values and the
 * answer `version` they were made on top of.
 */

const PREFIX = 'waymark:answer-draft';

export interface StoredDraft<TValues> {
  values: TValues;
  /** The answer version the change was made on: sent back with the save. */
  baseVersion: number;
  /** When the change was made (ms since the epoch). */
  changedAt: number;
}

export function draftKey(assessmentId: string, criterionId: string): string {
  return `${PREFIX}:${assessmentId}:${criterionId}`;
}

// Storage can be missing (a privacy mode) or full; a draft that cannot be kept must not break
// typing, it only loses the offline safety net.
function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function readDraft<TValues>(key: string): StoredDraft<TValues> | null {
  const raw = storage()?.getItem(key);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<StoredDraft<TValues>>;
    if (typeof parsed !== 'object' || parsed === null || !('values' in parsed)) return null;
    if (typeof parsed.baseVersion !== 'number') return null;
    return {
      values: parsed.values as TValues,
      baseVersion: parsed.baseVersion,
      changedAt: typeof parsed.changedAt === 'number' ? parsed.changedAt : 0,
    };
  } catch {
    return null;
  }
}

export function writeDraft<TValues>(key: string, draft: StoredDraft<TValues>): void {
  try {
    storage()?.setItem(key, JSON.stringify(draft));
  } catch {
    // Quota exceeded: the in-memory copy is still saved as soon as the network allows.
  }
}

export function clearDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to do: see `storage()`.
  }
}

/** The criterion ids of an assessment that have an unsaved change kept on this device. */
export function draftCriterionIds(assessmentId: string): string[] {
  const store = storage();
  if (!store) return [];
  const prefix = `${PREFIX}:${assessmentId}:`;
  const ids: string[] = [];
  for (let i = 0; i < store.length; i += 1) {
    const key = store.key(i);
    if (key?.startsWith(prefix)) ids.push(key.slice(prefix.length));
  }
  return ids.sort();
}
