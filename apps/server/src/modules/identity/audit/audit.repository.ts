import type { Transactions } from '../../../platform/database/transaction';
import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { auditEntries, type AuditEntryRow } from '../identity.tables';

export type AuditRepository = ReturnType<typeof createAuditRepository>;
export type AuditEntryInsert = typeof auditEntries.$inferInsert;

/** Which entries a list shows: of these provinces ('all' for every one), narrowed by entity and actor. */
export type AuditFilters = {
  provinceCodes: readonly string[] | 'all';
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorUserId?: string | undefined;
};

/** One statement per this many entries: 11 parameters each, well under PostgreSQL's 65,535. */
const AUDIT_ROWS_PER_INSERT = 1000;

function listConditions(filters: AuditFilters): SQL | undefined {
  const conditions: SQL[] = [];
  // A reader without provinces sees nothing: '--' is no province's code.
  if (filters.provinceCodes !== 'all')
    conditions.push(inArray(auditEntries.provinceCode, filters.provinceCodes.length > 0 ? [...filters.provinceCodes] : ['--']));
  if (filters.entityType) conditions.push(eq(auditEntries.entityType, filters.entityType));
  if (filters.entityId) conditions.push(eq(auditEntries.entityId, filters.entityId));
  if (filters.actorUserId) conditions.push(eq(auditEntries.actorUserId, filters.actorUserId));
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/**
 * The only SQL on audit_entries; every query runs on the ambient transaction's handle, so entries
 * commit with the change they describe. The table is append-only (a trigger refuses the rest).
 */
export function createAuditRepository({ transactions }: { transactions: Transactions }) {
  const db = transactions.db;
  return {
    /** Appends the entries in the order given, with multi-row inserts. */
    insertMany: async (rows: readonly AuditEntryInsert[]): Promise<void> => {
      for (let i = 0; i < rows.length; i += AUDIT_ROWS_PER_INSERT) {
        await db()
          .insert(auditEntries)
          .values(rows.slice(i, i + AUDIT_ROWS_PER_INSERT));
      }
    },

    /** Of these entities, those that have an entry with this action. */
    listEntityIdsWith: async (entityType: string, action: string, entityIds: readonly string[]): Promise<Set<string>> => {
      const rows = await db()
        .select({ entityId: auditEntries.entityId })
        .from(auditEntries)
        .where(
          and(eq(auditEntries.entityType, entityType), eq(auditEntries.action, action), inArray(auditEntries.entityId, [...entityIds])),
        );
      return new Set(rows.map((row) => row.entityId).filter((id): id is string => id !== null));
    },

    /** Newest first. */
    listPage: async (
      filters: AuditFilters,
      page: { page: number; pageSize: number },
    ): Promise<{ items: AuditEntryRow[]; total: number }> => {
      const where = listConditions(filters);
      const [rows, [total]] = await Promise.all([
        db()
          .select()
          .from(auditEntries)
          .where(where)
          .orderBy(desc(auditEntries.id))
          .limit(page.pageSize)
          .offset((page.page - 1) * page.pageSize),
        db().select({ n: count() }).from(auditEntries).where(where),
      ]);
      return { items: rows, total: total?.n ?? 0 };
    },
  };
}
