import { DEFAULT_SUSPICION_RULES } from '@ocop/domain/traceability';
import { describe, expect, it } from 'vitest';
import type { Transactions } from '../../../platform/database/transaction';
import { createScanRecorder } from './scan-recorder';
import type { BatchScan, RecordedRow, ScanRepository } from './scan.repository';

const AT = new Date('2026-03-02T02:00:00Z');
const scanOf = (serial: string): BatchScan => ({
  scannedAt: AT,
  serial,
  agentClass: 'other',
  place: null,
  addressHash: 'a'.repeat(32),
  limited: false,
});
const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A repository in memory: every serial names a stamp; each call is logged; batches wait for the test's release. */
function fakeRepository(scansSoFar: number) {
  const calls: string[] = [];
  const releases: Array<() => void> = [];
  const counters = new Map<string, number>();
  let monthsMade = 0;
  let openMonth: () => void = () => undefined;
  const monthMade = new Promise<void>((resolve) => {
    openMonth = resolve;
  });
  const repository = {
    ensureMonth: async () => {
      monthsMade += 1;
      calls.push('ensureMonth');
      await monthMade;
    },
    recordBatch: async (rows: readonly BatchScan[]) => {
      calls.push(`recordBatch:${rows.length}`);
      await new Promise<void>((resolve) => releases.push(resolve));
      return new Map<number, RecordedRow>(
        rows.map((row, i) => {
          const serial = row.serial ?? '';
          const count = (counters.get(serial) ?? scansSoFar) + 1;
          counters.set(serial, count);
          return [
            i,
            {
              stamp: {
                serial,
                state: 'activated',
                orderId: 'o',
                productId: 'p',
                lotId: null,
                producerId: 'r',
                provinceCode: '14',
                communeCode: '03868',
              },
              counter: { serial, scanCount: count, firstScannedAt: AT, suspiciousReason: null },
            },
          ];
        }),
      );
    },
    windowCounts: async (serials: readonly string[]) => {
      calls.push(`windowCounts:${serials.length}`);
      return new Map(serials.map((serial) => [serial, { scans: DEFAULT_SUSPICION_RULES.maxScans + 1, addresses: 1 }]));
    },
    placedScans: async () => [],
    markSuspicious: async (serial: string) => {
      calls.push(`mark:${serial}`);
    },
  };
  return {
    calls,
    releases,
    openMonth: () => openMonth(),
    monthsMade: () => monthsMade,
    repository: repository as unknown as ScanRepository,
  };
}

/** Transactions that log where one opens and commits. */
function loggedTransactions(calls: string[]): Transactions {
  return {
    run: async (work) => {
      calls.push('begin');
      const result = await work();
      calls.push('commit');
      return result;
    },
    db: () => {
      throw new Error('the fake repository needs no handle');
    },
    isActive: () => false,
    detached: (work) => work(),
  };
}

describe('the scan recorder', () => {
  it('overlaps a second batch once 16 scans wait, and both share one creation of a new month’s partition', async () => {
    const { calls, releases, openMonth, monthsMade, repository } = fakeRepository(0);
    const recorder = createScanRecorder({
      transactions: loggedTransactions(calls),
      repository,
      rules: DEFAULT_SUSPICION_RULES,
      now: () => AT,
    });
    const first = Array.from({ length: 3 }, (_, i) => recorder.submit(scanOf(`A${i}`)));
    await tick();
    // The first batch (three) is still making the month when 15 more arrive: fewer than 16, they wait.
    const waitingFew = Array.from({ length: 15 }, (_, i) => recorder.submit(scanOf(`B${i}`)));
    await tick();
    expect(recorder.stats).toMatchObject({ running: 1, waiting: 15 });
    const oneMore = recorder.submit(scanOf('C0'));
    await tick();
    await tick();
    expect(recorder.stats.running).toBe(2); // 16 waiting: a second batch beside the first
    expect(monthsMade()).toBe(1); // while the first is still making the month, the second waits for the same creation
    openMonth();
    while (releases.length < 2) await tick();
    for (const release of releases) release();
    const answers = await Promise.all([...first, ...waitingFew, oneMore]);
    expect(answers.every((answer) => answer?.counter.scanCount === 1)).toBe(true);
    expect(calls.filter((call) => call.startsWith('recordBatch'))).toEqual(['recordBatch:3', 'recordBatch:16']);
  });

  it('marks every serial a batch finds suspicious in one transaction, and answers each scan with its reason', async () => {
    const { calls, releases, openMonth, repository } = fakeRepository(DEFAULT_SUSPICION_RULES.maxScans);
    openMonth();
    const recorder = createScanRecorder({
      transactions: loggedTransactions(calls),
      repository,
      rules: DEFAULT_SUSPICION_RULES,
      now: () => AT,
    });
    const answers = ['S1', 'S2', 'S1', 'S3'].map((serial) => recorder.submit(scanOf(serial)));
    while (releases.length < 1) await tick();
    releases[0]?.();
    const recorded = await Promise.all(answers);
    expect(recorded.map((answer) => answer?.counter.suspiciousReason)).toEqual([
      'too_many_scans',
      'too_many_scans',
      'too_many_scans',
      'too_many_scans',
    ]);
    expect(calls.slice(calls.indexOf('windowCounts:3'))).toEqual(['windowCounts:3', 'begin', 'mark:S1', 'mark:S2', 'mark:S3', 'commit']);
  });
});
