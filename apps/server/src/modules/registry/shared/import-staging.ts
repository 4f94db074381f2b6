import type { Transactions } from '../../../platform/database/transaction';
import type { AuditContext, AuditService } from '../../identity';

/**
 * Rows per short transaction when an import stages, audits or discards its rows: on PGlite each
 * such transaction holds the one connection, so it bounds how long a concurrent read waits.
 */
export const STAGED_ROWS_PER_SLICE = 200;

const FIRST_ID = '00000000-0000-0000-0000-000000000000';

/** What the staging of one kind of record needs to know of its table. */
export type StagedRecords<Row extends { id: string; provinceCode: string }> = {
  /** The import's rows after `afterId`, in id order. */
  rowsAfter: (importId: string, afterId: string, limit: number) => Promise<Row[]>;
  /** Deletes these rows and what hangs on them. */
  remove: (ids: string[]) => Promise<void>;
  /** The audit entry each row gets once its import has completed, as a single create writes it. */
  entityType: string;
  action: string;
  /** Reads what the entries show beyond the row itself (e.g. a product's GTINs) and gives each row's `after`. */
  auditAfter: (rows: Row[]) => Promise<(row: Row) => unknown>;
};

/**
 * Records an import adds are written under its id in short transactions and are part of the
 * registry only once the import has completed (products/product-staging.ts,
 * producers/producer-staging.ts). This is what happens to them afterwards: removed when the import
 * did not complete, audited when it did; each a slice per transaction, so readers interleave, and
 * each safe to run again after a crash.
 */
export function createImportStaging<Row extends { id: string; provinceCode: string }>(deps: {
  transactions: Transactions;
  audit: AuditService;
  records: StagedRecords<Row>;
}) {
  const { transactions, audit, records } = deps;
  return {
    /** Removes what an import that did not complete left behind (its rows were never visible). */
    discard: async (importId: string, signal?: AbortSignal): Promise<number> => {
      let removed = 0;
      for (;;) {
        signal?.throwIfAborted();
        const deleted = await transactions.run(async () => {
          const ids = (await records.rowsAfter(importId, FIRST_ID, STAGED_ROWS_PER_SLICE)).map((row) => row.id);
          if (ids.length > 0) await records.remove(ids);
          return ids.length;
        });
        if (deleted === 0) return removed;
        removed += deleted;
      }
    },

    /** Writes the audit entry of every record a completed import added, skipping those already written. */
    recordCreated: async (importId: string, context: AuditContext, signal?: AbortSignal): Promise<number> => {
      let after = FIRST_ID;
      let written = 0;
      for (;;) {
        signal?.throwIfAborted();
        const rows = await records.rowsAfter(importId, after, STAGED_ROWS_PER_SLICE);
        const last = rows.at(-1);
        if (!last) return written;
        after = last.id;
        written += await transactions.run(async () => {
          const done = await audit.entitiesRecorded(
            records.entityType,
            records.action,
            rows.map((row) => row.id),
          );
          const missing = rows.filter((row) => !done.has(row.id));
          const afterOf = await records.auditAfter(missing);
          await audit.recordMany(
            context,
            missing.map((row) => ({
              action: records.action,
              entityType: records.entityType,
              entityId: row.id,
              provinceCode: row.provinceCode,
              after: afterOf(row),
            })),
          );
          return missing.length;
        });
      }
    },
  };
}
