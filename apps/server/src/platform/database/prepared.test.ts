import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test-support/test-database';
import { type DatabaseHandle, queryRows, queryRowsPrepared } from './database';
import { createTransactions } from './transaction';

describe('queryRowsPrepared', () => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle.close());

  const probe = (n: number) => sql`select ${n}::int + 1 as next, '2026-03-02T02:00:00Z'::timestamptz as at`;

  it('answers the rows of the statement, timestamps as their text as through Drizzle, on either engine', async () => {
    const rows = await queryRowsPrepared<{ next: number; at: string | Date }>(handle.db, 'prepared_probe', probe(41));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.next).toBe(42);
    expect(new Date(rows[0]?.at ?? 0).toISOString()).toBe('2026-03-02T02:00:00.000Z');
    const again = await queryRowsPrepared<{ next: number }>(handle.db, 'prepared_probe', probe(1));
    expect(again[0]?.next).toBe(2);
  });

  it('on PostgreSQL, is a named statement each connection parses once; on PGlite, an ordinary query', async () => {
    // Every connection of the pool at once, so each one runs the statement.
    await Promise.all(Array.from({ length: 8 }, (_, n) => queryRowsPrepared(handle.db, 'prepared_probe', probe(n))));
    if (handle.driver.kind !== 'postgres') return;
    const pool = handle.driver.pool;
    const clients = await Promise.all(Array.from({ length: pool.totalCount }, () => pool.connect()));
    try {
      const named = await Promise.all(
        clients.map(
          async (client) => (await client.query(`select name from pg_prepared_statements where name = 'prepared_probe'`)).rowCount,
        ),
      );
      expect(named.filter((count) => count === 1).length).toBeGreaterThan(0);
      expect(named.every((count) => count === 0 || count === 1)).toBe(true);
    } finally {
      for (const client of clients) client.release();
    }
  });

  it('inside a transaction, runs on the transaction’s own connection (sees its uncommitted rows)', async () => {
    await handle.db.execute(sql`create table prepared_probe_rows (n int not null)`);
    const transactions = createTransactions(handle.db);
    const seen = await transactions.run(async () => {
      await transactions.db().execute(sql`insert into prepared_probe_rows values (7)`);
      return queryRowsPrepared<{ n: number }>(
        transactions.db(),
        'prepared_probe_rows',
        sql`select count(*)::int as n from prepared_probe_rows`,
      );
    });
    expect(seen[0]?.n).toBe(1);
    expect((await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from prepared_probe_rows`))[0]?.n).toBe(1);
  });
});
