import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Transactions } from '../../../platform/database/transaction';
import type { AuditContext, AuditService } from '../../identity';
import { importJobs } from '../imports/import.tables';
import { productGtins, products } from './product.tables';

/**
 * Products an import adds are written under its id in short transactions, invisible until the
 * import completes: completing the import's row is the one step that makes them all part of the
 * registry at once, so a long import neither holds a transaction (PGlite has one connection) nor
 * shows half its rows. Every read of the registry filters with this condition.
 */
export const isPublishedProduct = sql`(${products.importId} is null or exists (select 1 from ${importJobs} where ${importJobs.id} = ${products.importId} and ${importJobs.status} = 'completed'))`;

/**
 * Rows per short transaction when an import stages, audits or discards its rows: on PGlite each
 * such transaction holds the one connection, so it bounds how long a concurrent read waits.
 */
export const STAGED_ROWS_PER_SLICE = 200;

/** Fields of a product the `product.created` audit entry shows (the same as a single create's). */
type AuditedFields = readonly (keyof typeof products.$inferSelect)[];

export function createProductStaging(deps: { transactions: Transactions; audit: AuditService; audited: AuditedFields }) {
  const { transactions, audit } = deps;
  const db = transactions.db;

  return {
    /**
     * Removes what an import that did not complete left behind (its rows were never visible), a slice
     * per transaction so that readers interleave. Safe to call again after a crash.
     */
    discard: async (importId: string, signal?: AbortSignal): Promise<number> => {
      let removed = 0;
      for (;;) {
        signal?.throwIfAborted();
        const deleted = await transactions.run(async () => {
          const ids = (
            await db().select({ id: products.id }).from(products).where(eq(products.importId, importId)).limit(STAGED_ROWS_PER_SLICE)
          ).map((row) => row.id);
          if (ids.length === 0) return 0;
          await db().delete(productGtins).where(inArray(productGtins.productId, ids));
          await db().delete(products).where(inArray(products.id, ids));
          return ids.length;
        });
        if (deleted === 0) return removed;
        removed += deleted;
      }
    },

    /**
     * Writes the `product.created` audit entry of every product a completed import added, a slice per
     * transaction, skipping those already written: a retried job (after a crash) completes the trail
     * without doubling it.
     */
    recordCreated: async (importId: string, context: AuditContext, signal?: AbortSignal): Promise<number> => {
      let after = '00000000-0000-0000-0000-000000000000';
      let written = 0;
      for (;;) {
        signal?.throwIfAborted();
        const rows = await db()
          .select()
          .from(products)
          .where(and(eq(products.importId, importId), gt(products.id, after)))
          .orderBy(asc(products.id))
          .limit(STAGED_ROWS_PER_SLICE);
        const last = rows.at(-1);
        if (!last) return written;
        after = last.id;
        const ids = rows.map((row) => row.id);
        written += await transactions.run(async () => {
          const done = await audit.entitiesRecorded('product', 'product.created', ids);
          const gtins = new Map<string, string[]>();
          for (const row of await db()
            .select({ productId: productGtins.productId, gtin: productGtins.gtin })
            .from(productGtins)
            .where(inArray(productGtins.productId, ids))
            .orderBy(asc(productGtins.productId), asc(productGtins.position)))
            gtins.set(row.productId, [...(gtins.get(row.productId) ?? []), row.gtin]);
          const missing = rows.filter((row) => !done.has(row.id));
          await audit.recordMany(
            context,
            missing.map((row) => ({
              action: 'product.created',
              entityType: 'product',
              entityId: row.id,
              provinceCode: row.provinceCode,
              after: { ...Object.fromEntries(deps.audited.map((key) => [key, row[key]])), gtins: gtins.get(row.id) ?? [] },
            })),
          );
          return missing.length;
        });
      }
    },
  };
}

export type ProductStaging = ReturnType<typeof createProductStaging>;
