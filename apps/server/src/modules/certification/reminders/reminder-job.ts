import { vietnamDate } from '@ocop/domain/registry';
import type { Clock } from '../../../platform/clock';
import { type JobHandler, type JobQueue, jobIdFor } from '../../../platform/jobs/job-queue';
import { CHANNELS_QUEUE, type CertificateReminders } from './certificate-reminders';

/** The certification's daily job (the expiry reminders); one queued at a time, payload `{ day }`. */
export const DAILY_QUEUE = 'certification.daily';
/** The hour it runs, Vietnam time (UTC+7, no daylight saving). */
export const DAILY_HOUR = 6;

const HOUR_MS = 3_600_000;
const VIETNAM_OFFSET_MS = 7 * HOUR_MS;
const DAY_MS = 24 * HOUR_MS;

/** The first 06:00 in Vietnam strictly after `now`. */
export function nextDailyRun(now: Date): Date {
  const local = now.getTime() + VIETNAM_OFFSET_MS;
  const todayAtHour = Math.floor(local / DAY_MS) * DAY_MS + DAILY_HOUR * HOUR_MS;
  return new Date((local < todayAtHour ? todayAtHour : todayAtHour + DAY_MS) - VIETNAM_OFFSET_MS);
}

/** The id of the daily job of a day: every process derives the same one, so a day has one job however many queue it. */
export const dailyJobId = (day: string) => jobIdFor(`${DAILY_QUEUE}:${day}`);

/**
 * The daily job on the durable queue: a row per day, so it survives restarts (a job due while
 * the app was down runs when it starts). Each run first queues the next day's (so a failing sweep
 * does not break the chain), then sweeps, storing its counts as progress and result.
 */
export function createReminderJobs(deps: { clock: Clock; reminders: CertificateReminders; channels: JobHandler }) {
  const { clock, reminders } = deps;

  async function queueNext(jobs: JobQueue) {
    const runAfter = nextDailyRun(clock.now());
    const day = vietnamDate(runAfter);
    await jobs.enqueue(DAILY_QUEUE, { day }, { id: dailyJobId(day), runAfter, ifAbsent: true });
  }

  return {
    /** Registers the daily sweep and the short-message sender; app.ts calls it before the worker starts. */
    register: (jobs: JobQueue) => {
      jobs.register(
        DAILY_QUEUE,
        async (_payload, context) => {
          await queueNext(jobs);
          return reminders.sweep({ signal: context.signal, onPage: (counts) => context.progress(counts) });
        },
        { maxAttempts: 3, retryDelayMs: (attempt) => 5 * 60_000 * attempt },
      );
      // A provider that is down gets minutes to come back: 2, 4, 8, 16 minutes between the 5 attempts.
      jobs.register(CHANNELS_QUEUE, deps.channels, { maxAttempts: 5, retryDelayMs: (attempt) => 60_000 * 2 ** attempt });
    },

    /**
     * Makes sure one daily job is queued (at start). Two processes starting together both find none
     * and queue the same day's id: the second insert does nothing.
     */
    ensureQueued: async (jobs: JobQueue) => {
      if (await jobs.findQueued(DAILY_QUEUE, {})) return;
      await queueNext(jobs);
    },
  };
}
