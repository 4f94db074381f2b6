import { describe, expect, it } from 'vitest';
import { createTokenBuckets } from './token-buckets';

describe('createTokenBuckets', () => {
  it('allows a burst of `capacity`, then refuses until tokens refill at the given rate', () => {
    let t = 0;
    const buckets = createTokenBuckets({ capacity: 3, refillPerSecond: 2, maxKeys: 10, now: () => t });
    expect([1, 2, 3, 4].map(() => buckets.take('a'))).toEqual([true, true, true, false]);
    t += 499; // 0.998 token: still not one
    expect(buckets.take('a')).toBe(false);
    t += 2; // one whole token
    expect(buckets.take('a')).toBe(true);
    expect(buckets.take('a')).toBe(false);
    t += 60_000; // refills to capacity, never above
    expect([1, 2, 3, 4].map(() => buckets.take('a'))).toEqual([true, true, true, false]);
  });

  it('keeps keys apart', () => {
    const buckets = createTokenBuckets({ capacity: 1, refillPerSecond: 1, maxKeys: 10, now: () => 0 });
    expect(buckets.take('a')).toBe(true);
    expect(buckets.take('a')).toBe(false);
    expect(buckets.take('b')).toBe(true);
  });

  it('keeps at most maxKeys buckets, dropping the least recently used', () => {
    const buckets = createTokenBuckets({ capacity: 1, refillPerSecond: 0.001, maxKeys: 3, now: () => 0 });
    for (const key of ['a', 'b', 'c']) buckets.take(key);
    buckets.take('a'); // a is now the most recently used (and over its limit)
    for (let i = 0; i < 10_000; i++) buckets.take(`flood-${i}`);
    expect(buckets.size).toBe(3);
    // 'a' was dropped by the flood: it starts again full.
    expect(buckets.take('a')).toBe(true);
  });

  it('refuses nonsense options', () => {
    expect(() => createTokenBuckets({ capacity: 0, refillPerSecond: 1, maxKeys: 1 })).toThrow();
    expect(() => createTokenBuckets({ capacity: 1, refillPerSecond: 0, maxKeys: 1 })).toThrow();
    expect(() => createTokenBuckets({ capacity: 1, refillPerSecond: 1, maxKeys: 0 })).toThrow();
  });
});
