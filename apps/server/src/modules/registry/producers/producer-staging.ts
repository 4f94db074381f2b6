import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Transactions } from '../../../platform/database/transaction';
import type { AuditService } from '../../identity';
import { importJobs } from '../imports/import.tables';
import { createImportStaging } from '../shared/import-staging';
import { producers } from './producer.tables';

/**
 * Producers an import adds are written under its id in short transactions and are part of the
 * registry only once that import has completed (as products are: see products/product-staging.ts).
 * Every read of producers filters with this condition.
 */
export const isPublishedProducer = sql`(${producers.importId} is null or exists (select 1 from ${importJobs} where ${importJobs.id} = ${producers.importId} and ${importJobs.status} = 'completed'))`;

type AuditedFields = readonly (keyof typeof producers.$inferSelect)[];

/** Removal and auditing of the producers an import staged (shared/import-staging.ts). */
export function createProducerStaging(deps: { transactions: Transactions; audit: AuditService; audited: AuditedFields }) {
  const db = deps.transactions.db;
  return createImportStaging({
    transactions: deps.transactions,
    audit: deps.audit,
    records: {
      entityType: 'producer',
      action: 'producer.registered',
      rowsAfter: (importId, afterId, limit) =>
        db()
          .select()
          .from(producers)
          .where(and(eq(producers.importId, importId), gt(producers.id, afterId)))
          .orderBy(asc(producers.id))
          .limit(limit),
      remove: async (ids) => {
        await db().delete(producers).where(inArray(producers.id, ids));
      },
      auditAfter: async () => (row) => Object.fromEntries(deps.audited.map((key) => [key, row[key]])),
    },
  });
}

export type ProducerStaging = ReturnType<typeof createProducerStaging>;
