/** A published framework version, by its two keys. */
export interface FrameworkVersionKey {
  frameworkId: string;
  version: number;
}

/**
 * Memoises `load` per framework version. A published version never changes (a change is a new
 * version), so what is loaded for it once holds for the life of the process, on every instance.
 * Only what exists is remembered (a version may be published later), and a failed load is tried
 * again on the next call.
 */
export function cachePerVersion<T>(
  load: (key: FrameworkVersionKey) => Promise<T | undefined>,
): (key: FrameworkVersionKey) => Promise<T | undefined> {
  const cache = new Map<string, Promise<T | undefined>>();
  return (key) => {
    const id = `${key.frameworkId}@${key.version}`;
    let entry = cache.get(id);
    if (!entry) {
      entry = load(key).then((value) => {
        if (value === undefined) cache.delete(id);
        return value;
      });
      cache.set(id, entry);
      entry.catch(() => cache.delete(id));
    }
    return entry;
  };
}
