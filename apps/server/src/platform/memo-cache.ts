/**
 * A small in-process cache of answers that may be a little stale: entries live `ttlMs` (monotonic
 * time), at most `maxEntries` are kept (the oldest inserted goes first), so memory is bounded
 * whatever keys the outside sends. Each process has its own; a change elsewhere shows after `ttlMs`.
 */
export type MemoCache<V> = {
  get: (key: string) => V | undefined;
  set: (key: string, value: V) => void;
  /** Forget one answer (after a change this process made to it). */
  delete: (key: string) => void;
  /** Forget everything (after a change this process made). */
  clear: () => void;
  readonly size: number;
};

export function createMemoCache<V>(options: { ttlMs: number; maxEntries: number; now?: () => number }): MemoCache<V> {
  const now = options.now ?? (() => performance.now());
  const entries = new Map<string, { value: V; expires: number }>();
  return {
    get: (key) => {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expires <= now()) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    set: (key, value) => {
      entries.delete(key);
      while (entries.size >= options.maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
      entries.set(key, { value, expires: now() + options.ttlMs });
    },
    delete: (key) => {
      entries.delete(key);
    },
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}
