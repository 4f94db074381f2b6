import { sql } from 'drizzle-orm';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test-support/test-database';
import { systemClock } from '../clock';
import { type DatabaseHandle, openPostgres, queryRows } from '../database/database';
import { createTransactions } from '../database/transaction';
import { createJobQueue, type JobQueue } from './job-queue';

// Two processes need two connections to one database; PGlite has one, so this runs on PostgreSQL only.
describe.runIf(process.env.TEST_DATABASE_URL)('two job workers on one PostgreSQL database', () => {
  let first: DatabaseHandle;
  let second: DatabaseHandle;

  beforeAll(async () => {
    first = await createTestDatabase();
    if (first.driver.kind !== 'postgres') throw new Error('PostgreSQL only');
    second = openPostgres(String(first.driver.pool.options.connectionString), 4);
    await first.db.execute(sql`create table job_runs (job_id uuid not null, owner text not null)`);
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  const worker = (handle: DatabaseHandle, owner: string): JobQueue => {
    const transactions = createTransactions(handle.db);
    const queue = createJobQueue({ transactions, clock: systemClock, settings: { leaseMs: 30_000, pollMs: 10, owner } });
    queue.register('probe.race', async (_payload, context) => {
      await transactions.db().execute(sql`insert into job_runs values (${context.jobId}, ${owner})`);
      await sleep(5);
    });
    return queue;
  };

  it('never runs the same job twice, and both share the work', async () => {
    const a = worker(first, 'instance-a');
    const b = worker(second, 'instance-b');
    const ids = await Promise.all(Array.from({ length: 60 }, (_, n) => a.enqueue('probe.race', { n })));
    a.start();
    b.start();
    for (let waited = 0; waited < 20_000; waited += 50) {
      const [left] = await queryRows<{ n: number }>(first.db, sql`select count(*)::int as n from jobs where status <> 'completed'`);
      if (left?.n === 0) break;
      await sleep(50);
    }
    await Promise.all([a.stop(), b.stop()]);
    const runs = await queryRows<{ job_id: string; owner: string }>(first.db, sql`select job_id, owner from job_runs`);
    expect(runs).toHaveLength(ids.length);
    expect(new Set(runs.map((run) => run.job_id))).toEqual(new Set(ids));
    expect(new Set(runs.map((run) => run.owner))).toEqual(new Set(['instance-a', 'instance-b']));
  });
});
