import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Long in-memory work (a catalogue rebuild) done in slices: after `sliceMs` of work it lets the
 * event loop run what waits (requests, timers) before going on, so no request waits for the whole
 * job, only for one slice. The work stays synchronous inside a slice; only the pauses are awaited.
 */
export const LOOP_SLICE_MS = 8;

/** Items checked between two looks at the time: a look costs far less than an item, but not nothing. */
const ITEMS_PER_LOOK = 50;
/** Items sorted in one block before the runs are merged (a couple of milliseconds with a collator). */
const SORT_RUN = 500;

export function createLoopSlicer(options: { sliceMs?: number; now?: () => number } = {}) {
  const sliceMs = options.sliceMs ?? LOOP_SLICE_MS;
  const now = options.now ?? (() => performance.now());
  let since = now();
  let pauses = 0;

  /** Gives the event loop a turn when this slice has run long enough. */
  async function pause(): Promise<void> {
    if (now() - since < sliceMs) return;
    pauses += 1;
    await nextTurn();
    since = now();
  }

  /** One sorted list of two; on a tie the left one's item first, which keeps the sort stable. */
  async function merge<T>(left: T[], right: T[], compare: (a: T, b: T) => number): Promise<T[]> {
    const out: T[] = new Array(left.length + right.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < left.length && j < right.length) {
      out[k++] = compare(left[i] as T, right[j] as T) <= 0 ? (left[i++] as T) : (right[j++] as T);
      if (k % ITEMS_PER_LOOK === 0) await pause();
    }
    while (i < left.length) out[k++] = left[i++] as T;
    while (j < right.length) out[k++] = right[j++] as T;
    return out;
  }

  return {
    pause,
    /** Calls `work` on the items in order, `chunk` at a time, pausing between chunks when a slice is used up. */
    async forEachChunk<T>(items: readonly T[], work: (chunk: readonly T[]) => void, chunk = ITEMS_PER_LOOK): Promise<void> {
      for (let i = 0; i < items.length; i += chunk) {
        work(items.slice(i, i + chunk));
        await pause();
      }
    },
    /**
     * The items sorted as `Array.prototype.sort` would (stable: ties keep their order), in slices:
     * runs of `run` items sorted, then merged two by two with pauses. A one-block sort of 20,000
     * names with the Vietnamese collator holds the loop 50–80 ms.
     */
    async sort<T>(items: readonly T[], compare: (a: T, b: T) => number, run = SORT_RUN): Promise<T[]> {
      let runs: T[][] = [];
      for (let i = 0; i < items.length; i += run) {
        runs.push(items.slice(i, i + run).sort(compare));
        await pause();
      }
      while (runs.length > 1) {
        const merged: T[][] = [];
        for (let i = 0; i < runs.length; i += 2) {
          const left = runs[i] as T[];
          const right = runs[i + 1];
          merged.push(right ? await merge(left, right, compare) : left);
        }
        runs = merged;
      }
      return runs[0] ?? [];
    },
    /** How many times the loop was given a turn (for tests and figures). */
    pauses: () => pauses,
  };
}
