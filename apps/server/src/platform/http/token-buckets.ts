/**
 * Per-key token buckets in memory (one per client address on a public route): each key holds up to
 * `capacity` tokens, refilled at `refillPerSecond`; a request takes one or is over the limit. At most
 * `maxKeys` buckets are kept: past that, the bucket least recently used is dropped (a dropped key
 * starts again full), so memory is bounded whatever addresses the outside sends. Per process: behind
 * a load balancer each node limits on its own, which is what a per-node flood needs.
 */
export type TokenBuckets = {
  /** Takes a token for `key`: true when allowed, false when over the limit. */
  take: (key: string) => boolean;
  readonly size: number;
};

export function createTokenBuckets(options: {
  capacity: number;
  refillPerSecond: number;
  maxKeys: number;
  now?: () => number;
}): TokenBuckets {
  const { capacity, refillPerSecond, maxKeys } = options;
  if (!(capacity >= 1 && refillPerSecond > 0 && maxKeys >= 1)) throw new Error('token buckets: capacity ≥ 1, refill > 0, maxKeys ≥ 1');
  const now = options.now ?? (() => performance.now());
  // Map order is insertion order: re-inserting on use keeps the least recently used first.
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take: (key) => {
      const t = now();
      const known = buckets.get(key);
      let tokens = capacity;
      if (known) {
        buckets.delete(key);
        tokens = Math.min(capacity, known.tokens + ((t - known.at) / 1000) * refillPerSecond);
      } else {
        while (buckets.size >= maxKeys) {
          const oldest = buckets.keys().next();
          if (oldest.done) break;
          buckets.delete(oldest.value);
        }
      }
      const allowed = tokens >= 1;
      buckets.set(key, { tokens: allowed ? tokens - 1 : tokens, at: t });
      return allowed;
    },
    get size() {
      return buckets.size;
    },
  };
}
