import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { createTestDatabase } from '../test-support/test-database';
import { createManualClock } from './clock';
import { type DatabaseHandle, queryRows } from './database/database';
import { createTransactions, type Transactions } from './database/transaction';
import {
  createDomainEvents,
  type DomainEvents,
  type EventPublisher,
  type EventSubscriptions,
  outboxQueueName,
  type PublishedEvent,
} from './domain-events';
import { createJobQueue, type JobQueue } from './jobs/job-queue';

/** Two modules' event maps, as app.ts joins them. */
type OrderEvents = { 'orders.placed': { orderId: string; lines: number; note: string | null } };
type StockEvents = { 'stock.reserved': { orderId: string; skus: string[] } };
type ProbeEvents = OrderEvents & StockEvents;

describe('domain events with an outbox', () => {
  let handle: DatabaseHandle;
  let transactions: Transactions;
  const clock = createManualClock(new Date('2026-03-01T08:00:00Z'));
  let jobs: JobQueue;
  let events: DomainEvents<ProbeEvents>;
  let delivered: PublishedEvent<ProbeEvents, 'orders.placed'>[];
  let failuresLeft: number;

  const placed = { name: 'orders.placed', payload: { orderId: 'o-1', lines: 2, note: null } } as const;
  const effects = async () =>
    (await queryRows<{ order_id: string }>(handle.db, sql`select order_id from probe_effects order by order_id`)).map(
      (row) => row.order_id,
    );
  const outboxRows = async () =>
    queryRows<{ queue: string; status: string; attempts: number }>(
      handle.db,
      sql`select queue, status, attempts from jobs where queue like 'event.%' order by queue`,
    );

  beforeAll(async () => {
    handle = await createTestDatabase();
    transactions = createTransactions(handle.db);
    await handle.db.execute(sql`create table probe_effects (order_id text not null)`);
  });
  afterAll(() => handle.close());

  beforeEach(async () => {
    await handle.db.execute(sql`delete from probe_effects`);
    await handle.db.execute(sql`delete from jobs`);
    jobs = createJobQueue({ transactions, clock, settings: { owner: 'probe' } });
    events = createDomainEvents<ProbeEvents>({ transactions, clock, jobs });
    delivered = [];
    failuresLeft = 0;
    // In the publisher's transaction: a write that must share its fate.
    events.inTransaction('orders.placed', async (event) => {
      await transactions.db().execute(sql`insert into probe_effects (order_id) values (${event.payload.orderId})`);
    });
    events.afterCommit(
      'orders.placed',
      'notify',
      async (event) => {
        if (failuresLeft > 0) {
          failuresLeft--;
          throw new Error('mail server down');
        }
        delivered.push(event);
      },
      { maxAttempts: 3, retryDelayMs: () => 10_000 },
    );
  });

  it('leaves no trace when the publishing transaction rolls back: no in-transaction write, no outbox row', async () => {
    await expect(
      transactions.run(async () => {
        await events.publish(placed);
        expect(await queryRows(transactions.db(), sql`select 1 from probe_effects`)).toHaveLength(1);
        throw new Error('the use case fails after publishing');
      }),
    ).rejects.toThrow('the use case fails after publishing');
    expect(await effects()).toEqual([]);
    expect(await outboxRows()).toEqual([]);
    expect(await jobs.runOnce()).toBe(false);
    expect(delivered).toEqual([]);
  });

  it('runs the after-commit subscriber exactly once, through the jobs queue, once the transaction commits', async () => {
    const publishedAt = clock.now().toISOString();
    await transactions.run(async () => {
      await events.publish(placed);
      expect(delivered).toEqual([]); // nothing after-commit runs inside the transaction
    });
    expect(await effects()).toEqual(['o-1']);
    expect(await outboxRows()).toEqual([{ queue: outboxQueueName('orders.placed', 'notify'), status: 'queued', attempts: 0 }]);
    expect(delivered).toEqual([]);

    expect(await jobs.runOnce()).toBe(true);
    expect(await jobs.runOnce()).toBe(false);
    expect(delivered).toEqual([{ ...placed, occurredAt: publishedAt }]);
    expect(await outboxRows()).toEqual([{ queue: 'event.orders.placed.notify', status: 'completed', attempts: 1 }]);
  });

  it('retries a failing after-commit subscriber until it succeeds', async () => {
    failuresLeft = 1;
    await events.publish(placed); // outside a transaction, publish opens its own
    expect(await jobs.runOnce()).toBe(true);
    expect(delivered).toEqual([]);
    expect(await outboxRows()).toEqual([{ queue: 'event.orders.placed.notify', status: 'queued', attempts: 1 }]);
    expect(await jobs.runOnce()).toBe(false); // not due before its retry delay
    clock.advance(10_000);
    expect(await jobs.runOnce()).toBe(true);
    expect(delivered).toHaveLength(1);
    expect(await outboxRows()).toEqual([{ queue: 'event.orders.placed.notify', status: 'completed', attempts: 2 }]);
  });

  it('fails the publishing use case, and rolls it back, when an in-transaction subscriber throws', async () => {
    events.inTransaction('stock.reserved', async () => {
      throw new Error('out of stock');
    });
    await expect(
      transactions.run(async () => {
        await events.publish(placed);
        await events.publish({ name: 'stock.reserved', payload: { orderId: 'o-1', skus: ['a'] } });
      }),
    ).rejects.toThrow('out of stock');
    expect(await effects()).toEqual([]);
    expect(await outboxRows()).toEqual([]);
  });

  it('writes one outbox row per after-commit subscriber of the event, and none for other events', async () => {
    const audited: string[] = [];
    events.afterCommit('orders.placed', 'audit_copy', async (event) => {
      audited.push(event.payload.orderId);
    });
    events.afterCommit('stock.reserved', 'notify', async () => {
      throw new Error('must not run');
    });
    await events.publish(placed);
    expect((await outboxRows()).map((row) => row.queue)).toEqual(['event.orders.placed.audit_copy', 'event.orders.placed.notify']);
    await jobs.settle();
    expect(audited).toEqual(['o-1']);
    expect(delivered).toHaveLength(1);
    expect(() => events.afterCommit('orders.placed', 'notify', async () => undefined)).toThrow(/registered twice/);
    expect(() => events.afterCommit('orders.placed', 'Not A Name', async () => undefined)).toThrow(/lower-case/);
  });

  it('lets a module publish its own events on the app-wide bus, and only those', () => {
    const orders: EventPublisher<OrderEvents> = events;
    const stockReactions: EventSubscriptions<StockEvents> = events;
    expectTypeOf(stockReactions.afterCommit<'stock.reserved'>)
      .parameter(2)
      .parameter(0)
      .toEqualTypeOf<PublishedEvent<StockEvents, 'stock.reserved'>>();
    expectTypeOf(orders.publish).parameter(0).toEqualTypeOf<{ name: 'orders.placed'; payload: OrderEvents['orders.placed'] }>();
    // Never called: it only has to fail to compile.
    // @ts-expect-error: a payload must match its event's declared type
    const wrongPayload = () => orders.publish({ name: 'orders.placed', payload: { orderId: 'o-2' } });
    expect(wrongPayload).toBeTypeOf('function');
  });
});
