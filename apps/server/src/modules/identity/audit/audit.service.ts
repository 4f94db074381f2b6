import { DomainError, type RoleGrant } from '@ocop/domain/shared';
import { provincesReached } from '@ocop/domain/identity';
import type { Clock } from '../../../platform/clock';
import type { AuditEntryInsert, AuditRepository } from './audit.repository';

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

export type AuditService = ReturnType<typeof createAuditService>;

function entryOf(context: AuditContext, entry: AuditRecord, at: Date): AuditEntryInsert {
  return {
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
  };
}

export function createAuditService({ clock, entries }: { clock: Clock; entries: AuditRepository }) {
  return {
    /** Appends one entry inside the caller's transaction, so the record and its audit commit together. */
    record: async (context: AuditContext, entry: AuditRecord) => {
      await entries.insertMany([entryOf(context, entry, clock.now())]);
    },

    /** Appends many entries inside the caller's transaction, in the order given. */
    recordMany: async (context: AuditContext, records: readonly AuditRecord[]) => {
      const at = clock.now();
      await entries.insertMany(records.map((entry) => entryOf(context, entry, at)));
    },

    /** Of these entities, those that already have an entry with this action (for work that resumes after a crash). */
    entitiesRecorded: async (entityType: string, action: string, entityIds: readonly string[]): Promise<Set<string>> => {
      if (entityIds.length === 0) return new Set();
      return entries.listEntityIdsWith(entityType, action, entityIds);
    },

    /** Entries a reader may see: their own provinces' for a province admin, all for a system admin. */
    list: async (
      reader: readonly RoleGrant[],
      query: { provinceCode?: string; entityType?: string; entityId?: string; actorUserId?: string; page: number; pageSize: number },
    ) => {
      const provinces = provincesReached(reader, 'audit.read');
      if (query.provinceCode && provinces !== 'all' && !provinces.includes(query.provinceCode)) {
        throw new DomainError('forbidden', 'province.outside_scope', 'Outside your province.', { provinceCode: query.provinceCode });
      }
      const { page, pageSize, provinceCode, ...narrowing } = query;
      return entries.listPage({ ...narrowing, provinceCodes: provinceCode ? [provinceCode] : provinces }, { page, pageSize });
    },
  };
}
