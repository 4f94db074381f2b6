import {
  countSuspicion,
  needsCountCheck,
  type PlacedScan,
  type SuspicionReason,
  type SuspicionRules,
  travelSuspicion,
} from '@ocop/domain/traceability';
import { createGroupCommitter, type GroupCommitter } from '../../../platform/database/group-commit';
import type { Transactions } from '../../../platform/database/transaction';
import type { BatchScan, RecordedRow, ScanRepository } from './scan.repository';

/** What a recorded scan answers: its stamp and the stamp's counter after it; null when the serial names no stamp. */
export type RecordedScan = RecordedRow | null;

/** Most placed scans read back per batch for the travel rule. */
const PLACED_SCANS_READ = 1_000;

export type ScanRecorderOptions = { maxBatch: number; maxWaitMs: number; maxQueue: number; concurrency: number; overlapMin?: number };

/**
 * A second flush starts while one runs only once 16 scans wait: then PostgreSQL commits one batch
 * while the server answers the last and gathers the next, instead of each waiting for the other.
 * With fewer waiting they join the next batch after the running one. Measured with
 * bench/scan.bench.ts on PostgreSQL on two shared cores, 50 connections, in the same runs: one flush
 * at a time 0.15–0.18× bare, a second at once at any queue (smaller batches) no better, a second
 * from 16 or 24 waiting 0.21×.
 */
export const DEFAULT_SCAN_RECORDER: ScanRecorderOptions = { maxBatch: 500, maxWaitMs: 0, maxQueue: 10_000, concurrency: 2, overlapMin: 16 };

/** `YYYY-MM` (UTC) of a scan: which partition it goes to. */
const monthOf = (at: Date) => `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}`;

/**
 * Looks up and records scans through one group-commit writer. A batch is ONE statement
 * (`recordBatch`): every serial looked up, every scan appended, every counter added to, atomically
 * and in one round trip, whatever the batch's size; a month never seen by this process first gets
 * its partition. Then the serials the rules now find suspicious are marked (only those past a
 * threshold, or with a place, cost a query). Each scan's request awaits the batch and gets its
 * stamp and counter back, so an unknown serial costs exactly what a known one does.
 */
export function createScanRecorder(deps: {
  transactions: Transactions;
  repository: ScanRepository;
  rules: SuspicionRules;
  now: () => Date;
  logger?: { error: (details: object, message: string) => void } | undefined;
  options?: Partial<ScanRecorderOptions>;
}): GroupCommitter<BatchScan, RecordedScan> {
  const { transactions, repository, rules } = deps;
  /** Months whose partition exists or is being made: two flushes at once share one creation. */
  const months = new Map<string, Promise<void>>();
  const ensureMonth = (month: string) => {
    let made = months.get(month);
    if (!made) {
      made = repository.ensureMonth(new Date(`${month}-01T00:00:00Z`));
      months.set(month, made);
      // A failed creation is tried again by the next batch of that month.
      made.catch(() => months.delete(month));
    }
    return made;
  };

  async function flush(rows: readonly BatchScan[]): Promise<RecordedScan[]> {
    // Outside any request's transaction: the batch is its own.
    const recorded = await transactions.detached(async () => {
      for (const month of new Set(rows.map((row) => monthOf(row.scannedAt)))) await ensureMonth(month);
      const found = await repository.recordBatch(rows);
      // The scans are durable now; a failure while marking is logged, and the next scan tries again.
      await markSuspicious(rows, found).catch((error: unknown) => deps.logger?.error({ err: error }, 'suspicion not marked'));
      return found;
    });
    return rows.map((_row, i) => recorded.get(i) ?? null);
  }

  /** Applies the rules to the serials of the batch not yet suspicious; updates the answers in place. */
  async function markSuspicious(rows: readonly BatchScan[], found: Map<number, RecordedRow>) {
    const counters = new Map<string, RecordedRow['counter']>();
    for (const { counter } of found.values()) if (counter.suspiciousReason === null) counters.set(counter.serial, counter);
    if (counters.size === 0) return;
    const now = deps.now();
    const marks = new Map<string, SuspicionReason>();
    const counted = [...counters.values()].filter((counter) => needsCountCheck(counter.scanCount, rules)).map((counter) => counter.serial);
    if (counted.length > 0) {
      const windows = await repository.windowCounts(counted, new Date(now.getTime() - rules.windowMs));
      for (const serial of counted) {
        const reason = countSuspicion(windows.get(serial) ?? { scans: 0, addresses: 0 }, rules);
        if (reason) marks.set(serial, reason);
      }
    }
    const placed = new Set<string>();
    for (const [i, row] of rows.entries()) {
      const serial = found.get(i)?.stamp.serial;
      if (row.place && serial && counters.has(serial) && !marks.has(serial)) placed.add(serial);
    }
    if (placed.size > 0) {
      const scans = await repository.placedScans([...placed], new Date(now.getTime() - rules.countryTravelMs), PLACED_SCANS_READ);
      const bySerial = new Map<string, PlacedScan[]>();
      for (const scan of scans) {
        if (!scan.serial || !scan.place) continue;
        const list = bySerial.get(scan.serial) ?? [];
        list.push({ atMs: scan.scannedAt.getTime(), place: scan.place });
        bySerial.set(scan.serial, list);
      }
      for (const [serial, list] of bySerial) {
        const reason = travelSuspicion(list, rules);
        if (reason) marks.set(serial, reason);
      }
    }
    if (marks.size === 0) return;
    // One transaction (one commit, one WAL flush) for every serial the batch marks, not one each.
    await transactions.run(async () => {
      for (const [serial, reason] of marks) await repository.markSuspicious(serial, reason, now);
    });
    // Every answer of the batch for a serial shares the counter object.
    for (const row of found.values()) {
      const reason = marks.get(row.counter.serial);
      if (reason) row.counter.suspiciousReason = reason;
    }
  }

  return createGroupCommitter({ ...DEFAULT_SCAN_RECORDER, ...deps.options, flush });
}
