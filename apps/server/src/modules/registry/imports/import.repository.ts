import type { Transactions } from '../../../platform/database/transaction';
import { desc, eq } from 'drizzle-orm';
import { type ImportJobRow, importJobs } from './import.tables';

export type ImportRepository = ReturnType<typeof createImportRepository>;

export type ImportJobInsert = typeof importJobs.$inferInsert;

/** The only SQL on the import_jobs table; every query runs on the ambient transaction's handle. */
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

    /** The province's latest imports, newest first. */
    listByProvince: (provinceCode: string, limit: number): Promise<ImportJobRow[]> =>
      db().select().from(importJobs).where(eq(importJobs.provinceCode, provinceCode)).orderBy(desc(importJobs.createdAt)).limit(limit),
  };
}
