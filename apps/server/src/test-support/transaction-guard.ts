import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database, DatabaseHandle } from '../platform/database/database';
import { isInsideTransactionOf } from '../platform/database/transaction';

/** The methods of a Drizzle handle that start a query. */
const QUERY_STARTERS = new Set([
  'select',
  'selectDistinct',
  'selectDistinctOn',
  'insert',
  'update',
  'delete',
  'execute',
  'with',
  'transaction',
  '$count',
]);

export class RootHandleInTransactionError extends Error {
  override readonly name = 'RootHandleInTransactionError';
  constructor(method: string) {
    super(
      `db.${method}() on the root database handle inside an open ambient transaction: query through transactions.db(). ` +
        'On PGlite, whose single connection the transaction holds, this query would wait for ever.',
    );
  }
}

/**
 * The handle tests use: its root Drizzle instance throws when a query starts on it from inside an
 * ambient transaction opened on it, so the "forgot to use the transaction" hang of PGlite becomes
 * a test failure on both engines. Queries from other async contexts (concurrent requests) still
 * go through and simply queue behind the transaction, as in production.
 */
export function guardRootHandle(handle: DatabaseHandle): DatabaseHandle {
  const root = handle.db;
  // Also marks the body of a transaction opened straight on the root handle (not through the
  // ambient runner), so a query on the root from inside it is caught too.
  const insideRootTransaction = new AsyncLocalStorage<true>();
  const guarded: Database = new Proxy(root, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof property === 'string' && QUERY_STARTERS.has(property) && typeof value === 'function') {
        return (...args: unknown[]) => {
          if (isInsideTransactionOf(guarded) || insideRootTransaction.getStore()) throw new RootHandleInTransactionError(property);
          if (property === 'transaction' && typeof args[0] === 'function') {
            const body = args[0] as (tx: unknown) => unknown;
            args[0] = (tx: unknown) => insideRootTransaction.run(true, () => body(tx));
          }
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return value;
    },
  });
  return { ...handle, db: guarded };
}
