/**
 * A value built from the database and kept in memory for the public pages (the catalogue, the sales
 * points): rebuilt at most every `refreshMs`, the last one served while the next is built, and, after
 * `invalidate` (a write in this process), rebuilt before the next reader gets it.
 */
export function createRefreshingSnapshot<T>(build: () => Promise<T>, options: { refreshMs: number; now?: () => number }) {
  const now = options.now ?? (() => performance.now());
  let current: { value: T; builtAt: number; generation: number } | null = null;
  /** Bumped by `invalidate`: a value of an older generation is not served to a reader that follows. */
  let generation = 0;
  let building: { generation: number; promise: Promise<T> } | null = null;

  function get(): Promise<T> {
    const upToDate = current !== null && current.generation === generation;
    if (current && upToDate && now() - current.builtAt < options.refreshMs) return Promise.resolve(current.value);
    if (!building || building.generation !== generation) {
      const wanted = generation;
      const promise = build().then((value) => {
        if (!current || current.generation <= wanted) current = { value, builtAt: now(), generation: wanted };
        return value;
      });
      building = { generation: wanted, promise };
      promise
        .finally(() => {
          if (building?.promise === promise) building = null;
        })
        .catch(() => undefined);
    }
    // An old-enough value answers while the next is built; after `invalidate`, readers wait for the new one.
    return current && upToDate ? Promise.resolve(current.value) : building.promise;
  }

  return {
    get,
    invalidate: () => {
      generation += 1;
    },
  };
}
