import { describe, expect, it } from 'vitest';
import { createMemoCache } from './memo-cache';

describe('createMemoCache', () => {
  it('forgets an entry after its time to live', () => {
    let now = 0;
    const cache = createMemoCache<number>({ ttlMs: 1_000, maxEntries: 10, now: () => now });
    cache.set('a', 1);
    now = 999;
    expect(cache.get('a')).toBe(1);
    now = 1_000;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keeps at most maxEntries, dropping the oldest, whatever keys arrive', () => {
    const cache = createMemoCache<number>({ ttlMs: 60_000, maxEntries: 100 });
    for (let i = 0; i < 10_000; i++) cache.set(`key-${i}`, i);
    expect(cache.size).toBe(100);
    expect(cache.get('key-0')).toBeUndefined();
    expect(cache.get('key-9999')).toBe(9_999);
  });

  it('clears on demand, one entry or all', () => {
    const cache = createMemoCache<string>({ ttlMs: 60_000, maxEntries: 10 });
    cache.set('a', 'x');
    cache.set('b', 'y');
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe('y');
    cache.clear();
    expect(cache.get('b')).toBeUndefined();
  });
});
