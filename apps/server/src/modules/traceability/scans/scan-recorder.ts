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
import type { ScanRepository } from './scan.repository';
import type { StampScanInsert } from './scan.tables';

/** What a recorded scan answers: the stamp's counter after it (null for an unknown serial). */
export type RecordedScan = { scanCount: number; firstScannedAt: Date; suspiciousReason: SuspicionReason | null } | null;

/** Most placed scans read back per batch for the travel rule. */
const PLACED_SCANS_READ = 1_000;

export type ScanRecorderOptions = { maxBatch: number; maxWaitMs: number; maxQueue: number; concurrency: number };

export const DEFAULT_SCAN_RECORDER: ScanRecorderOptions = { maxBatch: 500, maxWaitMs: 0, maxQueue: 10_000, concurrency: 2 };

const monthOf = (at: Date) => at.toISOString().slice(0, 7);

/**
 * Writes scans through one group-commit writer: a batch is one transaction that creates a new
 * month's partition if needed, inserts every scan in one statement, adds them to the stamps'
 * counters (one upsert), and marks the serials the rules now find suspicious. Each scan's request
 * awaits that commit and gets its stamp's counter back.
 */
export function createScanRecorder(deps: {
  transactions: Transactions;
  repository: ScanRepository;
  rules: SuspicionRules;
  now: () => Date;
  options?: Partial<ScanRecorderOptions>;
}): GroupCommitter<StampScanInsert, RecordedScan> {
  const { transactions, repository, rules } = deps;
  const months = new Set<string>();

  async function flush(rows: readonly StampScanInsert[]): Promise<RecordedScan[]> {
    // Outside any request's transaction: the batch is its own.
    const { counters, newMonths } = await transactions.detached(() =>
      transactions.run(async () => {
        const fresh = [...new Set(rows.map((row) => monthOf(row.scannedAt)))].filter((month) => !months.has(month));
        for (const month of fresh) await repository.ensureMonth(new Date(`${month}-01T00:00:00Z`));
        await repository.insertScans(rows);

        const perSerial = new Map<string, Parameters<ScanRepository['addToCounters']>[0][number]>();
        for (const row of rows) {
          if (!row.known || !row.serial || !row.productId || !row.producerId || !row.provinceCode || !row.communeCode) continue;
          const known = perSerial.get(row.serial);
          if (known) {
            known.scans += 1;
            if (row.scannedAt < known.first) known.first = row.scannedAt;
            if (row.scannedAt > known.last) known.last = row.scannedAt;
          } else {
            perSerial.set(row.serial, {
              serial: row.serial,
              scans: 1,
              first: row.scannedAt,
              last: row.scannedAt,
              productId: row.productId,
              lotId: row.lotId ?? null,
              producerId: row.producerId,
              provinceCode: row.provinceCode,
              communeCode: row.communeCode,
            });
          }
        }
        // In serial order: two batches running at once lock the same counters in the same order, never in a circle.
        const after = new Map(
          (await repository.addToCounters([...perSerial.values()].sort((a, b) => (a.serial < b.serial ? -1 : 1)))).map((counter) => [
            counter.serial,
            counter,
          ]),
        );
        await markSuspicious(rows, after);
        return { counters: after, newMonths: fresh };
      }),
    );
    for (const month of newMonths) months.add(month);
    return rows.map((row) => {
      const counter = row.serial ? counters.get(row.serial) : undefined;
      return counter
        ? { scanCount: counter.scanCount, firstScannedAt: counter.firstScannedAt, suspiciousReason: counter.suspiciousReason }
        : null;
    });
  }

  /** Applies the rules to the serials of the batch not yet suspicious; updates `after` in place. */
  async function markSuspicious(
    rows: readonly StampScanInsert[],
    after: Map<string, Awaited<ReturnType<ScanRepository['addToCounters']>>[number]>,
  ) {
    const open = [...after.values()].filter((counter) => counter.suspiciousReason === null);
    if (open.length === 0) return;
    const now = deps.now();
    const marks = new Map<string, SuspicionReason>();
    const counted = open.filter((counter) => needsCountCheck(counter.scanCount, rules)).map((counter) => counter.serial);
    if (counted.length > 0) {
      const windows = await repository.windowCounts(counted, new Date(now.getTime() - rules.windowMs));
      for (const serial of counted) {
        const reason = countSuspicion(windows.get(serial) ?? { scans: 0, addresses: 0 }, rules);
        if (reason) marks.set(serial, reason);
      }
    }
    const placed = [
      ...new Set(rows.filter((row) => row.place && row.serial && after.has(row.serial)).map((row) => row.serial as string)),
    ].filter((serial) => !marks.has(serial) && after.get(serial)?.suspiciousReason === null);
    if (placed.length > 0) {
      const scans = await repository.placedScans(placed, new Date(now.getTime() - rules.countryTravelMs), PLACED_SCANS_READ);
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
    for (const [serial, reason] of marks) {
      await repository.markSuspicious(serial, reason, now);
      const counter = after.get(serial);
      if (counter) counter.suspiciousReason = reason;
    }
  }

  return createGroupCommitter({ ...DEFAULT_SCAN_RECORDER, ...deps.options, flush });
}
