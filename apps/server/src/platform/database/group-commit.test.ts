import { describe, expect, it } from 'vitest';
import { createGroupCommitter, GroupCommitClosedError, GroupCommitFullError } from './group-commit';

/** A flush that the test releases by hand, recording each batch it was given. */
function manualFlush<T>() {
  const batches: T[][] = [];
  const releases: Array<{ ok: () => void; fail: (error: Error) => void }> = [];
  const flush = (rows: readonly T[]) =>
    new Promise<string[]>((resolve, reject) => {
      batches.push([...rows]);
      releases.push({ ok: () => resolve(rows.map((row) => `done:${String(row)}`)), fail: reject });
    });
  return { batches, releases, flush };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createGroupCommitter', () => {
  it('gathers rows submitted in the same turn into one flush and answers each waiter its own result', async () => {
    const { batches, releases, flush } = manualFlush<number>();
    const writer = createGroupCommitter({ flush, maxBatch: 100, maxWaitMs: 0, maxQueue: 1_000 });
    const waiting = [1, 2, 3].map((n) => writer.submit(n));
    await tick();
    expect(batches).toEqual([[1, 2, 3]]);
    releases[0]?.ok();
    expect(await Promise.all(waiting)).toEqual(['done:1', 'done:2', 'done:3']);
    expect(writer.stats).toMatchObject({ flushes: 1, rows: 3, largestBatch: 3 });
  });

  it('writes the rows that arrive during a flush together in the next one, right after it commits', async () => {
    const { batches, releases, flush } = manualFlush<number>();
    const writer = createGroupCommitter({ flush, maxBatch: 100, maxWaitMs: 0, maxQueue: 1_000 });
    const first = writer.submit(1);
    await tick();
    const later = [2, 3, 4].map((n) => writer.submit(n));
    await tick();
    expect(batches).toEqual([[1]]); // one flush at a time: the others wait for it
    releases[0]?.ok();
    await first;
    await tick();
    expect(batches).toEqual([[1], [2, 3, 4]]);
    releases[1]?.ok();
    expect(await Promise.all(later)).toEqual(['done:2', 'done:3', 'done:4']);
  });

  it('starts a second flush while one runs only once overlapMin rows wait; fewer wait for the running one', async () => {
    const { batches, releases, flush } = manualFlush<number>();
    const writer = createGroupCommitter({ flush, maxBatch: 100, maxWaitMs: 0, maxQueue: 1_000, concurrency: 2, overlapMin: 3 });
    const first = writer.submit(1);
    await tick();
    const few = [2, 3].map((n) => writer.submit(n));
    await tick();
    expect(batches).toEqual([[1]]); // two waiting, fewer than overlapMin: they wait for the running flush
    const more = [4, 5].map((n) => writer.submit(n));
    await tick();
    expect(batches).toEqual([[1], [2, 3, 4, 5]]); // four waiting: a second flush at once, beside the first
    expect(writer.stats.running).toBe(2);
    const last = writer.submit(6);
    await tick();
    expect(batches).toHaveLength(2); // never more than `concurrency` at once
    releases[0]?.ok();
    await first;
    await tick();
    expect(batches).toHaveLength(2); // one still runs and one row waits: it goes with the next flush
    releases[1]?.ok();
    await Promise.all([...few, ...more]);
    await tick();
    expect(batches).toEqual([[1], [2, 3, 4, 5], [6]]); // none running: what waits goes at once, however few
    releases[2]?.ok();
    expect(await Promise.all([...few, ...more, last])).toEqual(['done:2', 'done:3', 'done:4', 'done:5', 'done:6']);
  });

  it('never puts more than maxBatch rows in one flush', async () => {
    const { batches, releases, flush } = manualFlush<number>();
    const writer = createGroupCommitter({ flush, maxBatch: 2, maxWaitMs: 0, maxQueue: 1_000, concurrency: 3 });
    const all = [1, 2, 3, 4, 5].map((n) => writer.submit(n));
    await tick();
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
    for (const release of releases) release.ok();
    await Promise.all(all);
  });

  it('a failed flush rejects every waiter of that batch, and only of that batch', async () => {
    const { releases, flush } = manualFlush<number>();
    const writer = createGroupCommitter({ flush, maxBatch: 2, maxWaitMs: 0, maxQueue: 1_000, concurrency: 2 });
    const [a, b, c] = [1, 2, 3].map((n) => writer.submit(n));
    await tick();
    releases[0]?.fail(new Error('disk on fire'));
    releases[1]?.ok();
    await expect(a).rejects.toThrow('disk on fire');
    await expect(b).rejects.toThrow('disk on fire');
    expect(await c).toBe('done:3');
  });

  it('refuses rows past maxQueue at once (backpressure), and takes them again once the queue drains', async () => {
    const { releases, flush } = manualFlush<number>();
    const writer = createGroupCommitter({ flush, maxBatch: 10, maxWaitMs: 0, maxQueue: 3 });
    const first = writer.submit(0);
    await tick(); // 0 is being flushed; the queue is empty again
    const queued = [1, 2, 3].map((n) => writer.submit(n));
    await expect(writer.submit(4)).rejects.toBeInstanceOf(GroupCommitFullError);
    expect(writer.stats).toMatchObject({ refused: 1, waiting: 3 });
    releases[0]?.ok();
    await first;
    await tick();
    releases[1]?.ok();
    expect(await Promise.all(queued)).toEqual(['done:1', 'done:2', 'done:3']);
    const again = writer.submit(5);
    await tick();
    releases[2]?.ok();
    expect(await again).toBe('done:5');
  });

  it('waits up to maxWaitMs to gather a batch when idle', async () => {
    const { batches, releases, flush } = manualFlush<number>();
    const writer = createGroupCommitter({ flush, maxBatch: 100, maxWaitMs: 20, maxQueue: 1_000 });
    const a = writer.submit(1);
    await tick();
    const b = writer.submit(2);
    expect(batches).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(batches).toEqual([[1, 2]]);
    releases[0]?.ok();
    await Promise.all([a, b]);
  });

  it('close flushes what is queued, then refuses new rows', async () => {
    const writer = createGroupCommitter({
      flush: async (rows: readonly number[]) => rows.map((n) => n * 2),
      maxBatch: 10,
      maxWaitMs: 50,
      maxQueue: 10,
    });
    const pending = writer.submit(21);
    await writer.close();
    expect(await pending).toBe(42);
    await expect(writer.submit(1)).rejects.toBeInstanceOf(GroupCommitClosedError);
  });

  it('rejects a flush that answers the wrong number of results', async () => {
    const writer = createGroupCommitter({ flush: async () => [], maxBatch: 10, maxWaitMs: 0, maxQueue: 10 });
    await expect(writer.submit(1)).rejects.toThrow('0 results for 1 rows');
  });
});
