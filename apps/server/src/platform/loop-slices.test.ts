import { describe, expect, it } from 'vitest';
import { createLoopSlicer } from './loop-slices';

describe('work in slices of the event loop', () => {
  // Many ties (same name), so a sort that is not stable would show.
  const items = Array.from({ length: 2_345 }, (_, i) => ({ name: `Tên ${(i * 7919) % 97}`, i }));
  const byName = new Intl.Collator('vi').compare;
  const compare = (a: { name: string }, b: { name: string }) => byName(a.name, b.name);

  it.each([1, 2, 500, 5_000])('sorts as Array.prototype.sort does (stable), in runs of %i', async (run) => {
    const sorted = await createLoopSlicer().sort(items, compare, run);
    expect(sorted).toEqual([...items].sort(compare));
    expect(await createLoopSlicer().sort([], compare, run)).toEqual([]);
  });

  it('gives the loop a turn once a slice is used up, and none before', async () => {
    let clock = 0;
    const slicer = createLoopSlicer({ sliceMs: 10, now: () => clock });
    const seen: number[] = [];
    await slicer.forEachChunk(
      Array.from({ length: 10 }, (_, i) => i),
      (chunk) => {
        seen.push(...chunk);
        clock += 4;
      },
      2,
    );
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // 5 chunks of 4 ms with a 10 ms slice: a turn after the 3rd chunk (12 ms), none after the last two (8 ms).
    expect(slicer.pauses()).toBe(1);
  });
});
