import { STAMP_SERIAL_RANDOM_BYTES, stampSerialFromBytes } from '@ocop/domain/traceability';
import type { Clock } from '../../../platform/clock';
import type { Transactions } from '../../../platform/database/transaction';
import type { JobHandler } from '../../../platform/jobs/job-queue';
import type { StampRepository } from './stamp.repository';

/** The queue of the issuing jobs; a job's id is its order's id. */
export const STAMP_ISSUE_QUEUE = 'traceability.stamp_issue';

/** Stamps inserted per transaction: a few hundred kilobytes of serials in memory, whatever the order's size. */
export const STAMP_ISSUE_BATCH = 5_000;

/** Fills `bytes` with random values (`crypto.getRandomValues` in production; a test may force collisions). */
export type RandomSource = (bytes: Uint8Array) => Uint8Array;

export const cryptoRandom: RandomSource = (bytes) => crypto.getRandomValues(bytes);

// Rounds of re-drawing the serials that collided before giving up: with 100 random bits a second
// collision in one batch is beyond any real chance, so reaching this means the source is broken.
const COLLISION_ROUNDS = 5;

export type IssueProgress = { issued: number; quantity: number; done: boolean };

/**
 * Issues an order's stamps as one durable job, batch by batch.
 *
 * Why batches in their own transactions, not one transaction for the whole order: a million
 * inserts in one transaction would hold PGlite's single connection (every other request waits)
 * for the whole run, and its progress could not be seen outside it. Instead each batch commits
 * with the order's `issued_count` in the same transaction, so the count is always exactly the
 * stamps that exist, and the order stays `issuing` until the last batch marks it `issued`. Stamps
 * of an order that is not `issued` count for nothing: they cannot be activated, printed or listed.
 * A job that crashes or is stopped mid-way leaves whole batches behind; its next attempt (a retry,
 * or the next process after a restart) locks the order, reads the count and resumes after it, so
 * the order ends with exactly `quantity` stamps, sequences 1..quantity, never half-done. Memory is
 * one batch whatever the order's size.
 */
export function createStampIssuer(deps: {
  transactions: Transactions;
  clock: Clock;
  repository: StampRepository;
  random?: RandomSource;
  batchSize?: number;
}) {
  const { transactions, clock, repository } = deps;
  const random = deps.random ?? cryptoRandom;
  const batchSize = deps.batchSize ?? STAMP_ISSUE_BATCH;

  const drawSerials = (n: number): string[] => {
    const bytes = random(new Uint8Array(n * STAMP_SERIAL_RANDOM_BYTES));
    return Array.from({ length: n }, (_, i) =>
      stampSerialFromBytes(bytes.subarray(i * STAMP_SERIAL_RANDOM_BYTES, (i + 1) * STAMP_SERIAL_RANDOM_BYTES)),
    );
  };

  /** Inserts the stamps `first..first+n-1`, drawing new serials for any that collided. */
  async function insertBatch(order: { id: string; lotId: string | null }, first: number, n: number) {
    let missing = Array.from({ length: n }, (_, i) => first + i);
    for (let round = 0; round < COLLISION_ROUNDS && missing.length > 0; round++) {
      // Consecutive runs of the missing sequences: after the first round, single stamps.
      const serials = drawSerials(missing.length);
      const next: number[] = [];
      if (round === 0) {
        const inserted = await repository.insertStamps(order, first, serials);
        for (const sequence of missing) if (!inserted.has(sequence)) next.push(sequence);
      } else {
        for (const [i, sequence] of missing.entries()) {
          const inserted = await repository.insertStamps(order, sequence, [serials[i] ?? '']);
          if (!inserted.has(sequence)) next.push(sequence);
        }
      }
      missing = next;
    }
    if (missing.length > 0) throw new Error(`serials kept colliding for ${missing.length} stamps: the random source is broken`);
  }

  /** One batch in one transaction; a no-op answer once the order is issued. */
  const issueNextBatch = (orderId: string): Promise<IssueProgress> =>
    transactions.run(async () => {
      const order = await repository.findOrderForUpdate(orderId);
      if (!order) return { issued: 0, quantity: 0, done: true }; // removed meanwhile: nothing to do
      if (order.state === 'issued') return { issued: order.issuedCount, quantity: order.quantity, done: true };
      const n = Math.min(batchSize, order.quantity - order.issuedCount);
      await insertBatch(order, order.issuedCount + 1, n);
      const after = await repository.addIssued(order.id, n, clock.now());
      return { issued: after.issuedCount, quantity: after.quantity, done: after.state === 'issued' };
    });

  const handler: JobHandler = async (payload, context) => {
    const { orderId } = payload as { orderId: string };
    for (;;) {
      // Stopping between batches loses nothing: the next run resumes after the last committed one.
      if (context.signal.aborted) throw new Error('stopped between batches');
      const progress = await issueNextBatch(orderId);
      await context.progress({ issued: progress.issued, quantity: progress.quantity });
      if (progress.done) return progress;
    }
  };

  return { issueNextBatch, handler };
}
