import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Transactions } from '../../../platform/database/transaction';
import type { AuditContext, AuditService } from '../../identity';
import { importJobs } from '../imports/import.tables';
import { STAGED_ROWS_PER_SLICE } from '../products/product-staging';
import { producers } from './producer.tables';

/**
 * Producers an import adds are written under its id in short transactions and are part of the
 * registry only once that import has completed (as products are: see products/product-staging.ts).
 * Every read of producers filters with this condition.
 */
export const isPublishedProducer = sql`(${producers.importId} is null or exists (select 1 from ${importJobs} where ${importJobs.id} = ${producers.importId} and ${importJobs.status} = 'completed'))`;

type AuditedFields = readonly (keyof typeof producers.$inferSelect)[];

/** Removal and auditing of the producers an import staged, a slice per short transaction. */
export function createProducerStaging(deps: { transactions: Transactions; audit: AuditService; audited: AuditedFields }) {
  const { transactions, audit } = deps;
  const db = transactions.db;
  return {
    /** Removes the producers of an import that did not complete (never visible); safe to call again. */
    discard: async (importId: string, signal?: AbortSignal): Promise<number> => {
      let removed = 0;
      for (;;) {
        signal?.throwIfAborted();
        const deleted = await transactions.run(async () => {
          const ids = (
            await db().select({ id: producers.id }).from(producers).where(eq(producers.importId, importId)).limit(STAGED_ROWS_PER_SLICE)
          ).map((row) => row.id);
          if (ids.length > 0) await db().delete(producers).where(inArray(producers.id, ids));
          return ids.length;
        });
        if (deleted === 0) return removed;
        removed += deleted;
      }
    },

    /** Writes the `producer.registered` entry of each producer a completed import added, skipping those written. */
    recordCreated: async (importId: string, context: AuditContext, signal?: AbortSignal): Promise<number> => {
      let after = '00000000-0000-0000-0000-000000000000';
      let written = 0;
      for (;;) {
        signal?.throwIfAborted();
        const rows = await db()
          .select()
          .from(producers)
          .where(and(eq(producers.importId, importId), gt(producers.id, after)))
          .orderBy(asc(producers.id))
          .limit(STAGED_ROWS_PER_SLICE);
        const last = rows.at(-1);
        if (!last) return written;
        after = last.id;
        written += await transactions.run(async () => {
          const done = await audit.entitiesRecorded(
            'producer',
            'producer.registered',
            rows.map((row) => row.id),
          );
          const missing = rows.filter((row) => !done.has(row.id));
          await audit.recordMany(
            context,
            missing.map((row) => ({
              action: 'producer.registered',
              entityType: 'producer',
              entityId: row.id,
              provinceCode: row.provinceCode,
              after: Object.fromEntries(deps.audited.map((key) => [key, row[key]])),
            })),
          );
          return missing.length;
        });
      }
    },
  };
}

export type ProducerStaging = ReturnType<typeof createProducerStaging>;
