import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test-support/test-database';
import { guardRootHandle, RootHandleInTransactionError } from '../../test-support/transaction-guard';
import { type DatabaseHandle, queryRows } from './database';
import { createTransactions, type Transactions } from './transaction';

describe('the ambient transaction', () => {
  let handle: DatabaseHandle;
  let transactions: Transactions;

  beforeAll(async () => {
    handle = guardRootHandle(await createTestDatabase());
    transactions = createTransactions(handle.db);
    await handle.db.execute(sql`create table ambient_probe (n int not null)`);
  });
  afterAll(() => handle.close());

  const count = async () => (await queryRows<{ n: number }>(transactions.db(), sql`select count(*)::int as n from ambient_probe`))[0]?.n;

  it('joins the open transaction when nested, so one failure rolls back all of it', async () => {
    const failed = transactions
      .run(async () => {
        await transactions.db().execute(sql`insert into ambient_probe values (1)`);
        await transactions.run(async () => {
          expect(transactions.isActive()).toBe(true);
          await transactions.db().execute(sql`insert into ambient_probe values (2)`);
        });
        expect(await count()).toBe(2);
        throw new Error('stop');
      })
      .catch((error: unknown) => error);
    await expect(failed).resolves.toMatchObject({ message: 'stop' });
    expect(transactions.isActive()).toBe(false);
    expect(await count()).toBe(0);
  });

  it('commits when the work succeeds, and gives the root handle outside', async () => {
    await transactions.run(() => transactions.db().execute(sql`insert into ambient_probe values (3)`));
    expect(transactions.db()).toBe(handle.db);
    expect(await count()).toBe(1);
  });

  it('fails a test, instead of hanging, when the root handle is queried inside a transaction', async () => {
    const outcome = await transactions
      .run(() => handle.db.execute(sql`select 1`))
      .then(
        () => 'no error',
        (error: unknown) => error,
      );
    expect(outcome).toBeInstanceOf(RootHandleInTransactionError);
    const raw = await handle.db
      .transaction(() => handle.db.execute(sql`select 1`))
      .then(
        () => 'no error',
        (error: unknown) => error,
      );
    expect(raw).toBeInstanceOf(RootHandleInTransactionError);
  });

  it('lets independent work queue behind a transaction and detaches background work from it', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const long = transactions.run(async () => {
      await transactions.db().execute(sql`insert into ambient_probe values (4)`);
      await held;
    });
    const outside = transactions.detached(() => count());
    release();
    await long;
    // The independent read waited for the commit (PGlite) or read the committed state (PostgreSQL).
    expect(await outside).toBeGreaterThanOrEqual(1);
    const inside = await transactions.run(async () => transactions.detached(() => transactions.isActive()));
    expect(inside).toBe(false);
  });
});
