import type { Transactions } from '../../../platform/database/transaction';
import { desc, eq } from 'drizzle-orm';
import { type ImportJobRow, importChanges, importJobs } from './import.tables';

/** Rows per insert into import_changes: well under PostgreSQL's bind-parameter limit. */
const CHANGES_PER_INSERT = 1000;

export type ImportRepository = ReturnType<typeof createImportRepository>;

export type ImportJobInsert = typeof importJobs.$inferInsert;

/** The only SQL on the import_jobs and import_changes tables; every query runs on the ambient transaction's handle. */
export function createImportRepository({ transactions }: { transactions: Transactions }) {
  const db = transactions.db;
  return {
    findById: async (id: string): Promise<ImportJobRow | undefined> => {
      const [row] = await db().select().from(importJobs).where(eq(importJobs.id, id));
      return row;
    },

    insert: async (values: ImportJobInsert): Promise<ImportJobRow> => {
      const [row] = await db().insert(importJobs).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    update: async (id: string, patch: Partial<ImportJobInsert>): Promise<void> => {
      await db().update(importJobs).set(patch).where(eq(importJobs.id, id));
    },

    /** Notes the stored records an import changed (idempotent: a retried run may note them again). */
    addChanges: async (importId: string, recordIds: readonly string[]): Promise<void> => {
      for (let i = 0; i < recordIds.length; i += CHANGES_PER_INSERT) {
        const values = recordIds.slice(i, i + CHANGES_PER_INSERT).map((recordId) => ({ importId, recordId }));
        await db().insert(importChanges).values(values).onConflictDoNothing();
      }
    },

    /** The province's latest imports, newest first. */
    listByProvince: (provinceCode: string, limit: number): Promise<ImportJobRow[]> =>
      db().select().from(importJobs).where(eq(importJobs.provinceCode, provinceCode)).orderBy(desc(importJobs.createdAt)).limit(limit),
  };
}
