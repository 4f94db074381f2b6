import type { AuditEntryView } from '@ocop/contracts/identity';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type AuditFilter = {
  provinceCode?: string;
  entityType?: string;
  entityId?: string;
  actorUserId?: string;
  page: number;
  pageSize: number;
};

export type AuditPage = { items: AuditEntryView[]; total: number; page: number; pageSize: number };

export function listAuditEntries(filter: AuditFilter): Promise<AuditPage> {
  return api.get<AuditPage>('/api/audit-entries', { query: filter });
}

export function auditEntriesQueryOptions(filter: AuditFilter) {
  return queryOptions({
    queryKey: ['audit-entries', filter],
    queryFn: () => listAuditEntries(filter),
  });
}

export function useAuditEntries(filter: AuditFilter) {
  return useQuery({ ...auditEntriesQueryOptions(filter), placeholderData: keepPreviousData });
}
