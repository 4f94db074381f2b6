import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../platform/jobs/jobs.tables';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { DIGEST_QUEUE } from '.';
import { notifications } from './notification.tables';

// Races need several connections; PGlite has one, so this runs on PostgreSQL only.
describe.runIf(process.env.TEST_DATABASE_URL)('notifications racing on PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('queues one digest job for a user notified by simultaneous transactions', async () => {
    const user = await t.givenUser({ role: 'commune_officer' });
    const other = await t.givenUser({ role: 'commune_officer' });
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        t.transactions.run(async () => {
          // Overlapping groups, in both orders: the per-user locks are taken sorted, so no deadlock.
          const recipients = i % 2 === 0 ? [user.user.id, other.user.id] : [other.user.id, user.user.id];
          await t.modules.notifications.notifier.notify(recipients, { kind: 'test.race', subject: `Việc ${i}`, body: 'Nội dung' });
        }),
      ),
    );
    const queued = (await t.database.db.select().from(jobs).where(eq(jobs.queue, DIGEST_QUEUE))).map(
      (job) => (job.payload as { userId: string }).userId,
    );
    expect(queued.filter((id) => id === user.user.id)).toHaveLength(1);
    expect(queued.filter((id) => id === other.user.id)).toHaveLength(1);
    expect(await t.database.db.select().from(notifications).where(eq(notifications.userId, user.user.id))).toHaveLength(6);
  });
});
