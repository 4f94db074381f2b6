/**
 * A group-commit writer: rows submitted while a flush is running (or within `maxWaitMs` of the
 * first) are written together by ONE call to `flush` — one multi-row INSERT in one transaction
 * instead of one per request — and every submitter awaits the commit of its own batch. What a
 * flush answers for row i goes back to the submitter of row i; a flush that throws rejects every
 * waiter of that batch, and no other. Generic: it knows nothing of what the rows are.
 *
 * The queue is bounded: past `maxQueue` waiting rows, `submit` rejects at once with
 * `GroupCommitFullError` (backpressure: the caller answers "try again" rather than holding memory).
 */

export class GroupCommitFullError extends Error {
  constructor(readonly maxQueue: number) {
    super(`group commit queue full (${maxQueue} rows waiting)`);
    this.name = 'GroupCommitFullError';
  }
}

export class GroupCommitClosedError extends Error {
  constructor() {
    super('group commit writer closed');
    this.name = 'GroupCommitClosedError';
  }
}

export type GroupCommitOptions<T, R> = {
  /** Writes the rows durably (one transaction) and answers one result per row, in order. */
  flush: (rows: readonly T[]) => Promise<readonly R[]>;
  /** Most rows in one flush. */
  maxBatch: number;
  /** How long the first row of an idle writer waits for company; 0: until the current turn of the event loop ends. */
  maxWaitMs: number;
  /** Most rows waiting (not yet in a flush); further submits are refused. */
  maxQueue: number;
  /** Flushes running at once (a pool of several connections can take more than one); 1 by default. */
  concurrency?: number;
  /**
   * Rows that must be waiting before a flush starts while another is still running (1 by default:
   * any). Higher keeps batches large when the load is light and overlaps flushes only under load.
   */
  overlapMin?: number;
};

export type GroupCommitter<T, R> = {
  /** Queues a row; resolves with its result once its batch has committed. */
  submit: (row: T) => Promise<R>;
  /** Waits for every queued row to be flushed, then refuses new ones. */
  close: () => Promise<void>;
  /** Counters for benches and tests. */
  readonly stats: { flushes: number; rows: number; largestBatch: number; refused: number; waiting: number; running: number };
};

type Waiter<T, R> = { row: T; resolve: (result: R) => void; reject: (error: unknown) => void };

export function createGroupCommitter<T, R>(options: GroupCommitOptions<T, R>): GroupCommitter<T, R> {
  const { maxBatch, maxWaitMs, maxQueue } = options;
  if (!(maxBatch >= 1 && maxQueue >= 1 && maxWaitMs >= 0)) throw new Error('group commit: maxBatch and maxQueue ≥ 1, maxWaitMs ≥ 0');
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const overlapMin = Math.max(1, options.overlapMin ?? 1);
  let queue: Waiter<T, R>[] = [];
  let running = 0;
  let timer: NodeJS.Timeout | NodeJS.Immediate | null = null;
  let closed = false;
  let drained: (() => void) | null = null;
  const stats = { flushes: 0, rows: 0, largestBatch: 0, refused: 0, waiting: 0, running: 0 };

  function clearTimer() {
    if (timer === null) return;
    if (maxWaitMs === 0) clearImmediate(timer as NodeJS.Immediate);
    else clearTimeout(timer as NodeJS.Timeout);
    timer = null;
  }

  async function flushBatch(batch: Waiter<T, R>[]) {
    running += 1;
    stats.flushes += 1;
    stats.rows += batch.length;
    stats.largestBatch = Math.max(stats.largestBatch, batch.length);
    try {
      const results = await options.flush(batch.map((waiter) => waiter.row));
      if (results.length !== batch.length)
        throw new Error(`group commit: flush answered ${results.length} results for ${batch.length} rows`);
      for (const [i, waiter] of batch.entries()) waiter.resolve(results[i] as R);
    } catch (error) {
      for (const waiter of batch) waiter.reject(error);
    } finally {
      running -= 1;
      // Rows that gathered while this batch was written have waited long enough: write them now.
      pump(true);
      if (running === 0 && queue.length === 0 && drained) drained();
    }
  }

  /** Starts as many flushes as allowed; `now` skips the gathering wait (rows queued during a flush). */
  function pump(now: boolean) {
    while (queue.length > 0 && running < concurrency) {
      // The running flush's end pumps again: the rows left now go then, with whatever has joined them.
      if (running > 0 && queue.length < overlapMin) return;
      if (!now && queue.length < maxBatch) {
        if (timer === null) {
          const fire = () => {
            timer = null;
            pump(true);
          };
          timer = maxWaitMs === 0 ? setImmediate(fire) : setTimeout(fire, maxWaitMs);
        }
        return;
      }
      clearTimer();
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(maxBatch);
      // A flush's rejection is handled inside flushBatch (each waiter is rejected).
      void flushBatch(batch);
    }
  }

  return {
    submit: (row) => {
      if (closed) return Promise.reject(new GroupCommitClosedError());
      if (queue.length >= maxQueue) {
        stats.refused += 1;
        return Promise.reject(new GroupCommitFullError(maxQueue));
      }
      return new Promise<R>((resolve, reject) => {
        queue.push({ row, resolve, reject });
        pump(false);
      });
    },
    close: async () => {
      closed = true;
      if (queue.length === 0 && running === 0) return;
      await new Promise<void>((resolve) => {
        drained = resolve;
        pump(true);
      });
    },
    get stats() {
      return { ...stats, waiting: queue.length, running };
    },
  };
}
