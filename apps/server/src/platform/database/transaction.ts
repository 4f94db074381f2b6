import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database } from './database';

/**
 * The ambient transaction: the one way to run work in a transaction. `run` opens a transaction (or
 * joins the one already open in this async context, so use cases compose without passing a
 * handle), and every repository asks `db()` for the handle to query. Code can no longer forget to
 * pass `tx` — on PGlite, whose single connection a transaction holds, a query on the root handle
 * inside a transaction would wait for ever.
 */
export type Transactions = {
  /** Runs `work` inside the transaction open in this async context, or opens one around it. */
  run: <T>(work: () => Promise<T>) => Promise<T>;
  /** The handle to query now: the open transaction of this async context, else the root handle. */
  db: () => Database;
  /** Whether a transaction of this runner is open in the current async context. */
  isActive: () => boolean;
  /**
   * Runs `work` outside any ambient transaction, for background work started from inside one (a
   * job started by a request must not inherit the request's transaction, which ends before it).
   */
  detached: <T>(work: () => T) => T;
};

type Ambient = { root: Database; tx: Database };

const ambient = new AsyncLocalStorage<Ambient>();

export function createTransactions(root: Database): Transactions {
  const current = () => {
    const store = ambient.getStore();
    return store && store.root === root ? store.tx : undefined;
  };
  return {
    run: (work) => {
      if (current()) return work();
      return root.transaction((tx) => ambient.run({ root, tx }, work));
    },
    db: () => current() ?? root,
    isActive: () => current() !== undefined,
    detached: (work) => ambient.exit(work),
  };
}

/** Whether code running now is inside an ambient transaction opened on `root`; for the test guard. */
export function isInsideTransactionOf(root: Database): boolean {
  return ambient.getStore()?.root === root;
}
