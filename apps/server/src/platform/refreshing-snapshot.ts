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

/**
 * A refreshing snapshot that asks a cheap change token before it rebuilds: every `refreshMs` the token
 * is read, and the value is built again only if the token moved (another process wrote) or after
 * `invalidate` (a write of this process may not move the token within the same instant). The token is
 * read before the value, so a change made during a build moves it again for the next check.
 */
export function createTokenGatedSnapshot<T>(
  build: () => Promise<T>,
  options: { changeToken: () => Promise<string>; refreshMs: number; now?: () => number },
) {
  let built: { token: string; started: number; value: T } | null = null;
  let buildsStarted = 0;
  let forced = false;

  async function buildIfChanged(): Promise<T> {
    const mustBuild = forced;
    forced = false;
    try {
      const token = await options.changeToken();
      if (built && !mustBuild && built.token === token) return built.value;
      const started = ++buildsStarted;
      const value = await build();
      // Two builds may overlap (an invalidation during one): the later started one is kept.
      if (!built || built.started < started) built = { token, started, value };
      return value;
    } catch (error) {
      // A failed forced build stays forced: the next try must not settle for the old value.
      if (mustBuild) forced = true;
      throw error;
    }
  }

  const snapshot = createRefreshingSnapshot(buildIfChanged, {
    refreshMs: options.refreshMs,
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    get: snapshot.get,
    invalidate: () => {
      forced = true;
      snapshot.invalidate();
    },
    /** How many times the value was built (the token checks that found no change are not counted). */
    buildsStarted: () => buildsStarted,
  };
}
