import type { Clock } from './clock';
import type { Transactions } from './database/transaction';
import type { JobContext, JobQueue, QueueOptions } from './jobs/job-queue';

/** What an event may carry: plain JSON, because after-commit deliveries travel through the jobs table. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * A module's events: name → payload. Declared as a `type` (an interface has no index signature),
 * with payload fields of JSON types only: dates as ISO strings, no `undefined`.
 */
export type EventMap = { [name: string]: { readonly [key: string]: JsonValue } };

/** One event to publish: its name and the payload that name declares. */
export type DomainEvent<M extends EventMap, K extends keyof M = keyof M> = {
  [N in K]: { name: N; payload: M[N] };
}[K];

/** An event as its subscribers receive it: with the moment it was published (ISO 8601). */
export type PublishedEvent<M extends EventMap, K extends keyof M = keyof M> = DomainEvent<M, K> & { occurredAt: string };

export type EventPublisher<M extends EventMap> = {
  /**
   * Publishes inside the ambient transaction (opening one when none is open): the in-transaction
   * subscribers run now and their writes share its fate; one outbox row per after-commit
   * subscriber is written in it, so that work happens exactly when the transaction commits.
   */
  publish: (event: DomainEvent<M>) => Promise<void>;
};

export type EventSubscriptions<M extends EventMap> = {
  /**
   * Runs `handler` in the publisher's transaction, before `publish` returns. Its writes commit or
   * roll back with the publisher's; a throw fails the publishing use case.
   */
  inTransaction: <K extends keyof M & string>(name: K, handler: (event: PublishedEvent<M, K>) => Promise<void>) => void;
  /**
   * Runs `handler` after the publisher's transaction has committed, as a durable job (queue
   * `event.<name>.<subscriber>`), retried on failure; it may run more than once, so it must be
   * idempotent. It runs outside any transaction and opens its own when it writes.
   */
  afterCommit: <K extends keyof M & string>(
    name: K,
    subscriber: string,
    handler: (event: PublishedEvent<M, K>, context: JobContext) => Promise<void>,
    options?: QueueOptions,
  ) => void;
};

export type DomainEvents<M extends EventMap> = EventPublisher<M> & EventSubscriptions<M>;

/** The jobs queue that delivers one event to one after-commit subscriber. */
export function outboxQueueName(event: string, subscriber: string): string {
  return `event.${event}.${subscriber}`;
}

const SUBSCRIBER_NAME = /^[a-z][a-z0-9_-]*$/;

/**
 * Typed domain events with an outbox on the durable jobs table. The platform knows no event: the
 * app passes the union of its modules' event maps as `M`, and the wiring (app.ts) subscribes.
 * Subscribe before the job queue starts, so no delivery finds its queue without a handler.
 */
export function createDomainEvents<M extends EventMap>(deps: {
  transactions: Transactions;
  clock: Clock;
  jobs: Pick<JobQueue, 'enqueue' | 'register'>;
}): DomainEvents<M> {
  const { transactions, clock, jobs } = deps;
  type Handler = (event: PublishedEvent<M>) => Promise<void>;
  const inTransaction = new Map<string, Handler[]>();
  const outboxQueues = new Map<string, string[]>();

  return {
    publish: async (event) => {
      const name = String(event.name);
      const handlers = inTransaction.get(name) ?? [];
      const queues = outboxQueues.get(name) ?? [];
      if (handlers.length === 0 && queues.length === 0) return;
      await transactions.run(async () => {
        const published = { ...event, occurredAt: clock.now().toISOString() } as PublishedEvent<M>;
        for (const handler of handlers) await handler(published);
        for (const queue of queues) await jobs.enqueue(queue, published);
      });
    },

    inTransaction: (name, handler) => {
      inTransaction.set(name, [...(inTransaction.get(name) ?? []), handler as Handler]);
    },

    afterCommit: (name, subscriber, handler, options) => {
      if (!SUBSCRIBER_NAME.test(subscriber)) throw new Error(`Subscriber name ${subscriber} must be lower-case words.`);
      const queue = outboxQueueName(name, subscriber);
      // register throws when the same subscriber subscribes twice to one event.
      jobs.register(queue, (payload, context) => handler(payload as PublishedEvent<M, typeof name>, context), options);
      outboxQueues.set(name, [...(outboxQueues.get(name) ?? []), queue]);
    },
  };
}
