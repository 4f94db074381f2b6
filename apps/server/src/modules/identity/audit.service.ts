import type { Transactions } from '../../platform/database/transaction';
import { DomainError, type RoleGrant } from '@ocop/domain/shared';
import { provincesReached } from '@ocop/domain/identity';
import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Clock } from '../../platform/clock';
import { auditEntries } from './identity.tables';

/** Who is acting and from where; every service call that changes data receives one. */
export type AuditContext = {
  actorUserId: string | null;
  actorName: string | null;
  ipAddress: string | null;
  requestId: string | null;
};

export type AuditRecord = {
  action: string;
  entityType: string;
  entityId: string | null;
  provinceCode: string | null;
  before?: unknown;
  after?: unknown;
};

const AUDIT_ROWS_PER_INSERT = 1000;

export type AuditService = ReturnType<typeof createAuditService>;

export function createAuditService({ transactions, clock }: { transactions: Transactions; clock: Clock }) {
  const db = transactions.db;
  return {
    /** Appends one entry inside the caller's transaction, so the record and its audit commit together. */
    record: async (context: AuditContext, entry: AuditRecord) => {
      await db()
        .insert(auditEntries)
        .values({
          at: clock.now(),
          actorUserId: context.actorUserId,
          actorName: context.actorName,
          provinceCode: entry.provinceCode,
          action: entry.action,
          entityType: entry.entityType,
          entityId: entry.entityId,
          before: entry.before ?? null,
          after: entry.after ?? null,
          ipAddress: context.ipAddress,
          requestId: context.requestId,
        });
    },

    /**
     * Appends many entries inside the caller's transaction with multi-row inserts (one statement per
     * 1000 entries: 11 parameters each, well under PostgreSQL's 65,535), in the order given.
     */
    recordMany: async (context: AuditContext, entries: readonly AuditRecord[]) => {
      const at = clock.now();
      for (let i = 0; i < entries.length; i += AUDIT_ROWS_PER_INSERT) {
        await db()
          .insert(auditEntries)
          .values(
            entries.slice(i, i + AUDIT_ROWS_PER_INSERT).map((entry) => ({
              at,
              actorUserId: context.actorUserId,
              actorName: context.actorName,
              provinceCode: entry.provinceCode,
              action: entry.action,
              entityType: entry.entityType,
              entityId: entry.entityId,
              before: entry.before ?? null,
              after: entry.after ?? null,
              ipAddress: context.ipAddress,
              requestId: context.requestId,
            })),
          );
      }
    },

    /** Of these entities, those that already have an entry with this action (for work that resumes after a crash). */
    entitiesRecorded: async (entityType: string, action: string, entityIds: readonly string[]): Promise<Set<string>> => {
      if (entityIds.length === 0) return new Set();
      const rows = await db()
        .select({ entityId: auditEntries.entityId })
        .from(auditEntries)
        .where(
          and(eq(auditEntries.entityType, entityType), eq(auditEntries.action, action), inArray(auditEntries.entityId, [...entityIds])),
        );
      return new Set(rows.map((row) => row.entityId).filter((id): id is string => id !== null));
    },

    /** Entries a reader may see: their own provinces' for a province admin, all for a system admin. */
    list: async (
      reader: readonly RoleGrant[],
      query: { provinceCode?: string; entityType?: string; entityId?: string; actorUserId?: string; page: number; pageSize: number },
    ) => {
      const provinces = provincesReached(reader, 'audit.read');
      const conditions: SQL[] = [];
      if (query.provinceCode) {
        if (provinces !== 'all' && !provinces.includes(query.provinceCode)) {
          throw new DomainError('forbidden', 'province.outside_scope', 'Outside your province.', { provinceCode: query.provinceCode });
        }
        conditions.push(eq(auditEntries.provinceCode, query.provinceCode));
      } else if (provinces !== 'all') {
        conditions.push(inArray(auditEntries.provinceCode, provinces.length > 0 ? provinces : ['--']));
      }
      if (query.entityType) conditions.push(eq(auditEntries.entityType, query.entityType));
      if (query.entityId) conditions.push(eq(auditEntries.entityId, query.entityId));
      if (query.actorUserId) conditions.push(eq(auditEntries.actorUserId, query.actorUserId));
      const where = conditions.length > 0 ? and(...conditions) : undefined;
      const [rows, [total]] = await Promise.all([
        db()
          .select()
          .from(auditEntries)
          .where(where)
          .orderBy(desc(auditEntries.id))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
        db().select({ n: count() }).from(auditEntries).where(where),
      ]);
      return { items: rows, total: total?.n ?? 0 };
    },
  };
}
