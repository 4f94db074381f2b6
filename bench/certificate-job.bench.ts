import { sql } from 'drizzle-orm';
import { insertCertificateBenchData } from '../apps/server/src/bench-support/certificate-bench-data';
import type { SweepCounts } from '../apps/server/src/modules/certification/reminders/certificate-reminders';
import { createManualClock } from '../apps/server/src/platform/clock';
import { queryRows } from '../apps/server/src/platform/database/database';
import { createRecordingChannel } from '../apps/server/src/platform/messaging/short-message-channel';
import { startBenchApp } from './bench-app';

/** The day the bench sweeps, 08:00 in Vietnam; its data is laid out around it. */
const TODAY = '2027-06-15';
const MB = 2 ** 20;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const sentOf = (counts: SweepCounts) => Object.values(counts.sent).reduce((sum, n) => sum + n, 0);
const kinds = (counts: SweepCounts) =>
  Object.entries(counts.sent)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');

/** Runs `work` while sampling the resident set every 5 ms; returns its result, the time and the peak. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; peakRss: number }> {
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 5);
  const start = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - start, peakRss: Math.max(peakRss, process.memoryUsage.rss()) };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * The daily certificate sweep on PGlite at `count` certificates (data: `insertCertificateBenchData`,
 * a steady state where earlier reminders were sent). The first sweep of the day sends what is due
 * (the job worker sends their SMS and Zalo alongside, as in production; what is left is then
 * settled); the second, the same day, sends nothing. Baseline: `select count(*)` over the table.
 */
async function benchSize(count: number): Promise<{ lines: string[]; firstMs: number }> {
  const clock = createManualClock(new Date(`${TODAY}T01:00:00Z`));
  const sms = createRecordingChannel('sms');
  const zalo = createRecordingChannel('zalo');
  const bench = await startBenchApp(undefined, 'ocop-bench-certificates', { clock, shortMessages: [sms, zalo] });
  try {
    const seeded = await insertCertificateBenchData(bench.database.db, { certificates: count, today: TODAY });
    const { reminders } = bench.modules.certification;
    const countAll = async () => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const start = performance.now();
        await queryRows(bench.database.db, sql`select count(*)::int as n from certificates`);
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b)[2] ?? Number.NaN;
    };
    const baselineMs = await countAll();
    const rssBefore = process.memoryUsage.rss();
    const first = await measured(() => reminders.sweep());
    const settled = await measured(() => bench.jobs.settle());
    const second = await measured(() => reminders.sweep());
    const n = count.toLocaleString('en');
    return {
      firstMs: first.ms,
      lines: [
        `PGlite, ${n}: seeded in ${seconds(seeded.ms)} (${seeded.producers.toLocaleString('en')} producers, ${seeded.remindersBefore.toLocaleString('en')} reminders of earlier days)`,
        `PGlite, ${n}: baseline select count(*) over certificates, p50 of 5: ${baselineMs.toFixed(1)} ms`,
        `PGlite, ${n}: first sweep of the day ${seconds(first.ms)}: ${first.result.scanned.toLocaleString('en')} in the reminder window read, ` +
          `${sentOf(first.result)} reminders sent (${kinds(first.result)}), ${Math.round(count / (first.ms / 1000)).toLocaleString('en')} certificates/s of the table, ` +
          `peak RSS ${Math.round(first.peakRss / MB)} MB (+${Math.round((first.peakRss - rssBefore) / MB)} MB)`,
        `PGlite, ${n}: SMS ${sms.sent.length}, Zalo ${zalo.sent.length} (producers without a mobile get none), most sent by the worker during the sweep; ` +
          `the rest settled in ${seconds(settled.ms)}`,
        `PGlite, ${n}: second sweep the same day ${seconds(second.ms)}: ${sentOf(second.result)} sent, ` +
          `${Math.round(second.result.scanned / (second.ms / 1000)).toLocaleString('en')} certificates of the window/s read and judged ` +
          `(${(second.ms / baselineMs).toFixed(0)}× the count(*) baseline)`,
      ],
    };
  } finally {
    await bench.close();
  }
}

/** The daily job at 2,000 and 20,000 certificates: the two first sweeps show how the time grows with the table. */
export async function benchCertificateJob(): Promise<string[]> {
  const small = await benchSize(2_000);
  const large = await benchSize(20_000);
  return [
    ...small.lines,
    ...large.lines,
    `scaling: 10× the certificates, ${(large.firstMs / small.firstMs).toFixed(1)}× the first sweep's time`,
  ];
}
