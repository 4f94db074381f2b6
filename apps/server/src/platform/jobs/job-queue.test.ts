import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test-support/test-database';
import { createManualClock } from '../clock';
import type { DatabaseHandle } from '../database/database';
import { createTransactions, type Transactions } from '../database/transaction';
import { createJobQueue, JOB_FAILURES, jobIdFor, PermanentJobError } from './job-queue';

describe('the durable job queue', () => {
  let handle: DatabaseHandle;
  let transactions: Transactions;
  const clock = createManualClock(new Date('2026-03-01T08:00:00Z'));

  beforeAll(async () => {
    handle = await createTestDatabase();
    transactions = createTransactions(handle.db);
  });
  afterAll(() => handle.close());

  const queueFor = (owner: string, heartbeatMs = 60_000) =>
    createJobQueue({ transactions, clock, settings: { leaseMs: 30_000, heartbeatMs, owner } });

  it('runs a queued job once, stores its result and progress, and claims nothing more', async () => {
    const queue = queueFor('a');
    queue.register('probe.once', async (payload, context) => {
      await context.progress({ done: 1 });
      return { echoed: payload };
    });
    const id = await queue.enqueue('probe.once', { n: 1 });
    expect(await queue.runOnce()).toBe(true);
    expect(await queue.runOnce()).toBe(false);
    expect(await queue.get(id)).toMatchObject({
      status: 'completed',
      attempts: 1,
      result: { echoed: { n: 1 } },
      progress: { done: 1 },
      leaseOwner: null,
    });
  });

  it('writes an enqueued job in the open transaction, so a rollback drops it (an outbox)', async () => {
    const queue = queueFor('a');
    queue.register('probe.outbox', async () => 'ran');
    let id = '';
    await transactions
      .run(async () => {
        id = await queue.enqueue('probe.outbox', {});
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await queue.get(id)).toBeNull();
    expect(await queue.runOnce()).toBe(false);
  });

  it('retries a failed job after its delay and fails it honestly when attempts are exhausted', async () => {
    const queue = queueFor('a');
    let calls = 0;
    queue.register(
      'probe.flaky',
      async () => {
        calls++;
        throw Object.assign(new Error('disk full'), { code: 'probe.disk_full' });
      },
      { maxAttempts: 2, retryDelayMs: () => 5_000 },
    );
    const id = await queue.enqueue('probe.flaky', {});
    expect(await queue.runOnce()).toBe(true);
    expect(await queue.get(id)).toMatchObject({ status: 'queued', attempts: 1, error: { code: 'probe.disk_full' } });
    expect(await queue.runOnce()).toBe(false); // not due before its delay
    clock.advance(5_000);
    expect(await queue.runOnce()).toBe(true);
    expect(await queue.get(id)).toMatchObject({ status: 'failed', attempts: 2, error: { code: 'probe.disk_full', message: 'disk full' } });
    expect(calls).toBe(2);
  });

  it('fails at once, without retrying, on a permanent error', async () => {
    const queue = queueFor('a');
    queue.register('probe.permanent', async () => {
      throw new PermanentJobError('probe.bad_input', 'bad input');
    });
    const id = await queue.enqueue('probe.permanent', {});
    await queue.runOnce();
    expect(await queue.get(id)).toMatchObject({ status: 'failed', attempts: 1, error: { code: 'probe.bad_input' } });
  });

  it('re-claims the job of a crashed worker when its lease runs out, and fails it when no attempt is left', async () => {
    const crashed = queueFor('crashed');
    crashed.register('probe.crash', async () => 'never', { maxAttempts: 2 });
    const rescuer = queueFor('rescuer');
    rescuer.register('probe.crash', async (_payload, context) => `rescued on attempt ${context.attempt}`, { maxAttempts: 2 });
    const id = await crashed.enqueue('probe.crash', {});
    // The crashed worker claims and then dies: its handler never finishes, no heartbeat comes.
    expect(await crashed.claim()).toMatchObject({ id, status: 'running', leaseOwner: 'crashed', attempts: 1 });
    expect(await rescuer.runOnce()).toBe(false); // the lease still holds
    clock.advance(30_001);
    expect(await rescuer.runOnce()).toBe(true);
    expect(await rescuer.get(id)).toMatchObject({ status: 'completed', attempts: 2, result: 'rescued on attempt 2' });

    const last = await crashed.enqueue('probe.crash', {}, { maxAttempts: 1 });
    await crashed.claim();
    clock.advance(30_001);
    expect(await rescuer.runOnce()).toBe(false);
    expect(await rescuer.get(last)).toMatchObject({ status: 'failed', attempts: 1, error: { code: JOB_FAILURES.leaseExpired } });
  });

  it('keeps the lease while the handler runs by heartbeats, and a stale owner cannot finish a job taken from it', async () => {
    const queue = queueFor('beating', 10);
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = () => {};
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    queue.register('probe.long', async () => {
      started();
      await held;
      return 'done';
    });
    const id = await queue.enqueue('probe.long', {});
    const run = queue.runOnce();
    await running;
    const before = (await queue.get(id))?.leaseExpiresAt?.getTime() ?? 0;
    clock.advance(20_000);
    await new Promise((resolve) => setTimeout(resolve, 60));
    const after = (await queue.get(id))?.leaseExpiresAt?.getTime() ?? 0;
    expect(after).toBeGreaterThanOrEqual(before + 20_000);
    release();
    await run;
    expect(await queue.get(id)).toMatchObject({ status: 'completed' });

    const other = queueFor('other');
    expect(await other.heartbeat(id)).toBe(false);
  });

  it('on stop lets the running handler stop at its next safe point and gives its job back unspent', async () => {
    const queue = createJobQueue({ transactions, clock, settings: { leaseMs: 30_000, pollMs: 5, owner: 'stopping' } });
    let started = () => {};
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    queue.register('probe.stoppable', async (_payload, context) => {
      started();
      await new Promise<void>((resolve) => context.signal.addEventListener('abort', () => resolve()));
      throw new Error('stopped');
    });
    const id = await queue.enqueue('probe.stoppable', {});
    queue.start();
    await running;
    await queue.stop();
    expect(await queue.get(id)).toMatchObject({ status: 'queued', attempts: 0, leaseOwner: null });
    const next = queueFor('next');
    next.register('probe.stoppable', async () => 'finished elsewhere');
    expect(await next.runOnce()).toBe(true);
    expect(await next.get(id)).toMatchObject({ status: 'completed', attempts: 1 });
  });

  it('after stop, still runs jobs to their end when settled by hand (a handler sees no abort)', async () => {
    const queue = createJobQueue({ transactions, clock, settings: { pollMs: 60_000, owner: 'stopped-then-settled' } });
    queue.register('probe.after_stop', async (_payload, context) => (context.signal.aborted ? 'aborted' : 'ran'));
    queue.start();
    await queue.stop();
    const id = await queue.enqueue('probe.after_stop', {});
    await queue.settle();
    expect(await queue.get(id)).toMatchObject({ status: 'completed', result: 'ran', attempts: 1 });
  });

  it('wakes its worker when a job is queued in the same process', async () => {
    const queue = createJobQueue({ transactions, clock, settings: { pollMs: 60_000, owner: 'woken' } });
    let done = () => {};
    const ran = new Promise<void>((resolve) => {
      done = resolve;
    });
    queue.register('probe.wake', async () => done());
    queue.start();
    await new Promise((resolve) => setTimeout(resolve, 20)); // the loop is idle, waiting a minute
    await queue.enqueue('probe.wake', {});
    await ran;
    await queue.stop();
  });
  it('settles: runs what is due and waits for the job its own worker holds, leaving later retries queued', async () => {
    const queue = createJobQueue({ transactions, clock, settings: { pollMs: 60_000, owner: 'settling' } });
    let started = () => {};
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    queue.register('probe.held', async () => {
      started();
      await held;
      return 'held';
    });
    queue.register('probe.quick', async () => 'quick');
    queue.register(
      'probe.later',
      async () => {
        throw new Error('not yet');
      },
      { retryDelayMs: () => 60_000 },
    );
    const heldId = await queue.enqueue('probe.held', {});
    queue.start();
    await running; // the worker loop holds this one
    const quickId = await queue.enqueue('probe.quick', {});
    const laterId = await queue.enqueue('probe.later', {});
    const settled = queue.settle();
    setTimeout(release, 30);
    await settled;
    expect(await queue.get(heldId)).toMatchObject({ status: 'completed', result: 'held' });
    expect(await queue.get(quickId)).toMatchObject({ status: 'completed' });
    expect(await queue.get(laterId)).toMatchObject({ status: 'queued', attempts: 1 });
    await queue.stop();
  });

  it('queues a keyed job once, however often (and from however many processes) it is queued', async () => {
    const first = queueFor('keyed-a');
    const second = queueFor('keyed-b');
    first.register('probe.keyed', async (payload) => payload);
    const id = jobIdFor('probe.keyed:2026-03-02');
    expect(id).toBe(jobIdFor('probe.keyed:2026-03-02'));
    expect(id).not.toBe(jobIdFor('probe.keyed:2026-03-03'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const ids = await Promise.all([
      first.enqueue('probe.keyed', { n: 1 }, { id, ifAbsent: true }),
      second.enqueue('probe.keyed', { n: 2 }, { id, ifAbsent: true }),
    ]);
    expect(ids).toEqual([id, id]);
    expect(await first.runOnce()).toBe(true);
    // Done, it still holds the key: queueing it again queues nothing.
    expect(await second.enqueue('probe.keyed', { n: 3 }, { id, ifAbsent: true })).toBe(id);
    expect(await first.runOnce()).toBe(false);
    // Whichever insert won (on PostgreSQL the two race for real), the job ran once with its payload.
    const done = await first.get(id);
    expect(done?.status).toBe('completed');
    expect([{ n: 1 }, { n: 2 }]).toContainEqual(done?.result);
    await expect(first.enqueue('probe.keyed', {}, { ifAbsent: true })).rejects.toThrow('ifAbsent needs the job id');
  });
});
