import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Transactions } from '../../../platform/database/transaction';
import type { AuditService } from '../../identity';
import { importJobs } from '../imports/import.tables';
import { createImportStaging } from '../shared/import-staging';
import { productGtins, products } from './product.tables';

export { STAGED_ROWS_PER_SLICE } from '../shared/import-staging';

/**
 * Products an import adds are written under its id in short transactions, invisible until the
 * import completes: completing the import's row is the one step that makes them all part of the
 * registry at once, so a long import neither holds a transaction (PGlite has one connection) nor
 * shows half its rows. Every read of the registry filters with this condition.
 */
export const isPublishedProduct = sql`(${products.importId} is null or exists (select 1 from ${importJobs} where ${importJobs.id} = ${products.importId} and ${importJobs.status} = 'completed'))`;

/** Fields of a product the `product.created` audit entry shows (the same as a single create's). */
type AuditedFields = readonly (keyof typeof products.$inferSelect)[];

/** Removal and auditing of the products an import staged (shared/import-staging.ts). */
export function createProductStaging(deps: { transactions: Transactions; audit: AuditService; audited: AuditedFields }) {
  const db = deps.transactions.db;
  return createImportStaging({
    transactions: deps.transactions,
    audit: deps.audit,
    records: {
      entityType: 'product',
      action: 'product.created',
      rowsAfter: (importId, afterId, limit) =>
        db()
          .select()
          .from(products)
          .where(and(eq(products.importId, importId), gt(products.id, afterId)))
          .orderBy(asc(products.id))
          .limit(limit),
      remove: async (ids) => {
        await db().delete(productGtins).where(inArray(productGtins.productId, ids));
        await db().delete(products).where(inArray(products.id, ids));
      },
      auditAfter: async (rows) => {
        const gtins = new Map<string, string[]>();
        const ids = rows.map((row) => row.id);
        if (ids.length > 0) {
          for (const row of await db()
            .select({ productId: productGtins.productId, gtin: productGtins.gtin })
            .from(productGtins)
            .where(inArray(productGtins.productId, ids))
            .orderBy(asc(productGtins.productId), asc(productGtins.position)))
            gtins.set(row.productId, [...(gtins.get(row.productId) ?? []), row.gtin]);
        }
        return (row) => ({ ...Object.fromEntries(deps.audited.map((key) => [key, row[key]])), gtins: gtins.get(row.id) ?? [] });
      },
    },
  });
}

export type ProductStaging = ReturnType<typeof createProductStaging>;
