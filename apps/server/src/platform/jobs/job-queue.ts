import { createHash, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Clock } from '../clock';
import { queryRows } from '../database/database';
import type { Transactions } from '../database/transaction';
import { type JobError, type JobRow, jobs } from './jobs.tables';

/** What a handler is given besides its payload. */
export type JobContext = {
  jobId: string;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
  /** Stores the job's progress, so every process can show it. */
  progress: (progress: unknown) => Promise<void>;
  /** Aborted when the worker stops (app close) or the lease was lost: stop at the next safe point. */
  signal: AbortSignal;
};

export type JobHandler = (payload: unknown, context: JobContext) => Promise<unknown>;

export type QueueOptions = { maxAttempts?: number; retryDelayMs?: (attempt: number) => number };

/** Thrown by a handler for a failure that another attempt cannot cure: the job fails at once with this code. */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type JobQueueSettings = {
  /** How long a claimed job stays ours without a heartbeat. */
  leaseMs?: number;
  /** How often a running job's lease is extended; well under `leaseMs`. */
  heartbeatMs?: number;
  /** How often an idle worker looks for work queued by another process. */
  pollMs?: number;
  /** Names this process in `lease_owner`; unique per worker. */
  owner?: string;
};

export type JobQueue = ReturnType<typeof createJobQueue>;

/** Failure codes the mechanism itself stores (the handlers' own codes come from their errors). */
export const JOB_FAILURES = { leaseExpired: 'job.lease_expired', failed: 'job.failed', noHandler: 'job.no_handler' } as const;

type Registered = { handler: JobHandler; maxAttempts: number; retryDelayMs: (attempt: number) => number };

/**
 * A small durable job queue on the `jobs` table, the same on PGlite and PostgreSQL (pg-boss does
 * not run on PGlite). Claims use `FOR UPDATE SKIP LOCKED`, so two processes never take the same
 * row; times come from the clock, so leases and retries are tested with a fixed one. One worker
 * loop per process runs one job at a time.
 */
export function createJobQueue(deps: {
  transactions: Transactions;
  clock: Clock;
  settings?: JobQueueSettings;
  logger?: { error: (details: object, message: string) => void };
}) {
  const { transactions, clock } = deps;
  const leaseMs = deps.settings?.leaseMs ?? 60_000;
  const heartbeatMs = deps.settings?.heartbeatMs ?? Math.floor(leaseMs / 3);
  const pollMs = deps.settings?.pollMs ?? 2_000;
  const owner = deps.settings?.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const handlers = new Map<string, Registered>();
  const db = transactions.db;

  let running = false;
  let stopping: AbortController | null = null;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  // Every runOnce in progress, its claim included: `settle` and `stop` wait for them all.
  const inFlight = new Set<Promise<boolean>>();

  const later = (ms: number) => new Date(clock.now().getTime() + ms);

  /**
   * Queues a job. Inside an ambient transaction the row is written in it, so it exists only if that
   * commits (an outbox). With `id` and `ifAbsent`, a job that already has this id (queued, running or
   * done) is left as it is and nothing is queued: two processes queueing the same keyed job (see
   * `jobIdFor`) end with one.
   */
  async function enqueue(
    queue: string,
    payload: unknown,
    options: {
      runAfter?: Date;
      maxAttempts?: number;
      /** The job's id, when the owner's own record shares it, or `jobIdFor(key)` for a keyed job. */
      id?: string;
      ifAbsent?: boolean;
    } = {},
  ): Promise<string> {
    const now = clock.now();
    if (options.ifAbsent && !options.id) throw new Error('ifAbsent needs the job id');
    const insert = db()
      .insert(jobs)
      .values({
        ...(options.id ? { id: options.id } : {}),
        queue,
        payload: payload as object,
        status: 'queued',
        maxAttempts: options.maxAttempts ?? handlers.get(queue)?.maxAttempts ?? 3,
        runAfter: options.runAfter ?? now,
        createdAt: now,
        updatedAt: now,
      });
    const [row] = await (options.ifAbsent ? insert.onConflictDoNothing({ target: jobs.id }) : insert).returning({ id: jobs.id });
    if (!row) {
      if (options.ifAbsent && options.id) return options.id;
      throw new Error('insert returned no row');
    }
    // Wake this process's worker (after the commit, if there is a transaction: it polls a moment later anyway).
    setImmediate(() => wake?.());
    return row.id;
  }

  /** Fails running jobs whose lease ran out on their last attempt: their process died, and no retry is left. */
  async function failExhausted(now: Date) {
    await db().execute(sql`
      update jobs set status = 'failed', lease_owner = null, finished_at = ${now}, updated_at = ${now},
        error = ${JSON.stringify({ code: JOB_FAILURES.leaseExpired, message: 'The worker running this job stopped without finishing it.' })}::jsonb
      where id in (select id from jobs where status = 'running' and lease_expires_at < ${now} and attempts >= max_attempts
                   for update skip locked)`);
  }

  /** Takes the next due job of a registered queue (or one whose lease ran out), or null. */
  async function claim(): Promise<JobRow | null> {
    const queues = [...handlers.keys()];
    if (queues.length === 0) return null;
    const now = clock.now();
    await failExhausted(now);
    const rows = await queryRows<Record<string, unknown>>(
      db(),
      sql`
      update jobs set status = 'running', attempts = attempts + 1, lease_owner = ${owner},
        lease_expires_at = ${later(leaseMs)}, heartbeat_at = ${now}, started_at = coalesce(started_at, ${now}), updated_at = ${now}
      where id = (
        select id from jobs
        where queue in (select jsonb_array_elements_text(${JSON.stringify(queues)}::jsonb))
          and ((status = 'queued' and run_after <= ${now})
            or (status = 'running' and lease_expires_at < ${now} and attempts < max_attempts))
        order by run_after, created_at
        limit 1
        for update skip locked)
      returning id`,
    );
    const id = rows[0]?.id as string | undefined;
    if (!id) return null;
    const [row] = await db().select().from(jobs).where(eq(jobs.id, id));
    return row ?? null;
  }

  const ours = (id: string) => and(eq(jobs.id, id), eq(jobs.leaseOwner, owner), eq(jobs.status, 'running'));

  /** Extends the lease; false when the job is no longer ours (it expired and another worker took it). */
  async function heartbeat(id: string): Promise<boolean> {
    const now = clock.now();
    const rows = await db()
      .update(jobs)
      .set({ leaseExpiresAt: later(leaseMs), heartbeatAt: now, updatedAt: now })
      .where(ours(id))
      .returning({ id: jobs.id });
    return rows.length > 0;
  }

  async function finish(job: JobRow, outcome: { result: unknown } | { error: unknown }, signal: AbortSignal) {
    const now = clock.now();
    if ('result' in outcome) {
      await db()
        .update(jobs)
        .set({
          status: 'completed',
          result: (outcome.result ?? null) as object,
          leaseOwner: null,
          leaseExpiresAt: null,
          finishedAt: now,
          updatedAt: now,
        })
        .where(ours(job.id));
      return;
    }
    const error = outcome.error;
    if (stopping && signal.aborted && !(error instanceof PermanentJobError)) {
      // Stopped by app close: give the job back without counting this attempt, so another process (or the next start) runs it.
      await db()
        .update(jobs)
        .set({
          status: 'queued',
          attempts: sql`greatest(${jobs.attempts} - 1, 0)`,
          leaseOwner: null,
          leaseExpiresAt: null,
          runAfter: now,
          updatedAt: now,
        })
        .where(ours(job.id));
      return;
    }
    const registered = handlers.get(job.queue);
    const stored: JobError =
      error instanceof PermanentJobError
        ? { code: error.code, message: error.message }
        : { code: codeOf(error) ?? JOB_FAILURES.failed, message: error instanceof Error ? error.message : String(error) };
    const retry = !(error instanceof PermanentJobError) && job.attempts < job.maxAttempts;
    if (!(error instanceof PermanentJobError))
      deps.logger?.error({ err: error, jobId: job.id, queue: job.queue, attempt: job.attempts }, 'job failed');
    await db()
      .update(jobs)
      .set(
        retry
          ? {
              status: 'queued',
              error: stored,
              leaseOwner: null,
              leaseExpiresAt: null,
              runAfter: later(registered?.retryDelayMs(job.attempts) ?? 0),
              updatedAt: now,
            }
          : { status: 'failed', error: stored, leaseOwner: null, leaseExpiresAt: null, finishedAt: now, updatedAt: now },
      )
      .where(ours(job.id));
  }

  /** Runs one claimed job to its end: heartbeats while the handler runs, then stores the outcome. */
  async function execute(job: JobRow) {
    const registered = handlers.get(job.queue);
    const lost = new AbortController();
    const stopSignal = stopping?.signal;
    const signal = stopSignal ? AbortSignal.any([lost.signal, stopSignal]) : lost.signal;
    const beat = setInterval(() => {
      heartbeat(job.id).then(
        (kept) => {
          if (!kept) lost.abort();
        },
        () => undefined, // a missed beat is retried at the next one; the lease covers several
      );
    }, heartbeatMs);
    beat.unref?.();
    let outcome: { result: unknown } | { error: unknown };
    try {
      if (!registered) throw new PermanentJobError(JOB_FAILURES.noHandler, `No handler for queue ${job.queue}.`);
      const context: JobContext = {
        jobId: job.id,
        attempt: job.attempts,
        signal,
        progress: async (progress) => {
          await db()
            .update(jobs)
            .set({ progress: progress as object, updatedAt: clock.now() })
            .where(ours(job.id));
        },
      };
      outcome = { result: await registered.handler(job.payload, context) };
    } catch (error) {
      outcome = { error };
    } finally {
      clearInterval(beat);
    }
    await finish(job, outcome, signal);
  }

  /** Claims and runs one job outside any ambient transaction; false when none was due. */
  async function runOnce(): Promise<boolean> {
    const run = transactions.detached(async () => {
      const job = await claim();
      if (!job) return false;
      await execute(job);
      return true;
    });
    inFlight.add(run);
    try {
      return await run;
    } finally {
      inFlight.delete(run);
    }
  }

  /**
   * Runs every job that is due until none is left, waiting for those this process's worker
   * holds; for tests and the benchmark, which assert on what after-commit work has done.
   */
  async function settle(): Promise<void> {
    for (;;) {
      if (await runOnce()) continue;
      if (inFlight.size === 0) return;
      await Promise.allSettled([...inFlight]);
    }
  }

  async function workLoop() {
    while (running) {
      let worked = false;
      try {
        worked = await runOnce();
      } catch (error) {
        deps.logger?.error({ err: error }, 'job worker could not claim');
      }
      if (worked || !running) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        timer.unref?.(); // an idle worker must not keep a process alive
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  }

  return {
    owner,
    /** Registers the handler of a queue; modules do this from the wiring (app.ts). */
    register: (queue: string, handler: JobHandler, options: QueueOptions = {}) => {
      if (handlers.has(queue)) throw new Error(`Queue ${queue} is registered twice.`);
      handlers.set(queue, {
        handler,
        maxAttempts: options.maxAttempts ?? 3,
        retryDelayMs: options.retryDelayMs ?? ((attempt) => 1_000 * 2 ** attempt),
      });
    },
    enqueue,
    claim,
    heartbeat,
    runOnce,
    /** The stored state of several jobs, by id (missing ids are left out). */
    getMany: async (ids: readonly string[]): Promise<Map<string, JobRow>> => {
      if (ids.length === 0) return new Map();
      const rows = await db()
        .select()
        .from(jobs)
        .where(inArray(jobs.id, [...ids]));
      return new Map(rows.map((row) => [row.id, row]));
    },
    settle,
    /**
     * The id of a job of `queue` still waiting to run whose payload contains `match` (jsonb `@>`),
     * or null; lets a caller queue at most one pending job per key (e.g. one digest per user).
     */
    findQueued: async (queue: string, match: Record<string, unknown>): Promise<string | null> => {
      const [row] = await db()
        .select({ id: jobs.id })
        .from(jobs)
        .where(and(eq(jobs.status, 'queued'), eq(jobs.queue, queue), sql`${jobs.payload} @> ${JSON.stringify(match)}::jsonb`))
        .limit(1);
      return row?.id ?? null;
    },
    /** A job's stored state, for any process to show. */
    get: async (id: string): Promise<JobRow | null> => (await db().select().from(jobs).where(eq(jobs.id, id)))[0] ?? null,
    /** Starts this process's worker loop. */
    start: () => {
      if (running) return;
      running = true;
      stopping = new AbortController();
      loop = transactions.detached(() => workLoop());
    },
    /** Stops claiming, asks the running handler to stop at its next safe point, and waits for it to finish or give its lease back. */
    stop: async () => {
      if (!running) return;
      running = false;
      stopping?.abort();
      wake?.();
      await Promise.allSettled([...inFlight]);
      await loop;
      loop = null;
      // Stopped for good: a later `settle` (a test driving jobs by hand) runs jobs to their end
      // instead of handing each straight back as if the process were still stopping.
      stopping = null;
    },
  };
}

/**
 * A job id that is a function of `key` (e.g. 'certification.daily:2026-09-01'): a name-based UUID
 * (version 5 layout over SHA-1, as RFC 9562 describes), so every process derives the same id for
 * the same key and `enqueue(…, { id, ifAbsent: true })` queues that job once.
 */
export function jobIdFor(key: string): string {
  const bytes = createHash('sha1').update(`ocop-job:${key}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.includes('.') ? code : undefined;
}
