import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../../platform/jobs/jobs.tables';
import { startTestApp, type TestApp } from '../../../test-support/test-app';
import { DAILY_QUEUE, dailyJobId, nextDailyRun } from './reminder-job';

describe('nextDailyRun', () => {
  it.each([
    ['2026-03-02T02:00:00Z', '2026-03-02T23:00:00.000Z'], // 09:00 in Vietnam: tomorrow 06:00
    ['2026-03-02T22:59:59Z', '2026-03-02T23:00:00.000Z'], // 05:59:59: today 06:00
    ['2026-03-02T23:00:00Z', '2026-03-03T23:00:00.000Z'], // 06:00 sharp: tomorrow's
    ['2026-03-02T17:30:00Z', '2026-03-02T23:00:00.000Z'], // 00:30 in Vietnam, still 2 March in UTC
    ['2026-12-31T23:30:00Z', '2027-01-01T23:00:00.000Z'],
  ])('from %s is %s', (now, next) => {
    expect(nextDailyRun(new Date(now)).toISOString()).toBe(next);
  });
});

describe('the daily certificate job', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const queued = () =>
    t.database.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.queue, DAILY_QUEUE), eq(jobs.status, 'queued')));

  it('is queued once at start, for the next 06:00 in Vietnam', async () => {
    const rows = await queued();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: dailyJobId('2026-03-03'), payload: { day: '2026-03-03' } });
    expect(rows[0]?.runAfter.toISOString()).toBe('2026-03-02T23:00:00.000Z'); // 2026-03-03T06:00+07:00
  });

  it('runs the sweep at 06:00 and queues the next day’s', async () => {
    t.clock.advance(new Date('2026-03-02T23:00:00Z').getTime() - t.clock.now().getTime());
    await t.settleJobs();
    const ran = await t.jobs.get(dailyJobId('2026-03-03'));
    expect(ran).toMatchObject({
      status: 'completed',
      result: { today: '2026-03-03', scanned: 0, sent: { before_180: 0, before_120: 0, before_30: 0, expired: 0 }, failed: 0 },
    });
    const rows = await queued();
    expect(rows.map((row) => [row.id, row.runAfter.toISOString()])).toEqual([[dailyJobId('2026-03-04'), '2026-03-03T23:00:00.000Z']]);
  });

  it('is still queued once after a restart, and the restarted app runs it', async () => {
    t = await t.restart();
    expect((await queued()).map((row) => row.id)).toEqual([dailyJobId('2026-03-04')]);
    t.clock.advance(24 * 3_600_000);
    await t.settleJobs();
    expect(await t.jobs.get(dailyJobId('2026-03-04'))).toMatchObject({ status: 'completed' });
    expect((await queued()).map((row) => row.id)).toEqual([dailyJobId('2026-03-05')]);
  });

  it('is queued once when two processes find none at the same moment', async () => {
    await t.database.db.delete(jobs).where(and(eq(jobs.queue, DAILY_QUEUE), eq(jobs.status, 'queued')));
    const certification = t.modules.certification;
    await Promise.all([certification.ensureDailyJob(t.jobs), certification.ensureDailyJob(t.jobs), certification.ensureDailyJob(t.jobs)]);
    expect((await queued()).map((row) => row.id)).toEqual([dailyJobId('2026-03-05')]);
  });
});
