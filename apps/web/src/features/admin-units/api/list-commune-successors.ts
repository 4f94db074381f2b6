import type { UnitLinkView } from '@ocop/contracts/geography';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The new communes (2025-07-01) an old commune (2025-03-01) went into, whole or in part. */
export function listCommuneSuccessors(communeCode: string): Promise<UnitLinkView[]> {
  return api.get<UnitLinkView[]>(`/api/admin-units/communes/${encodeURIComponent(communeCode)}/successors`);
}

export function communeSuccessorsQueryOptions(communeCode: string) {
  return queryOptions({
    queryKey: ['admin-units', 'successors', communeCode],
    queryFn: () => listCommuneSuccessors(communeCode),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useCommuneSuccessors(communeCode: string | null, options: { enabled?: boolean } = {}) {
  return useQuery({
    ...communeSuccessorsQueryOptions(communeCode ?? ''),
    enabled: Boolean(communeCode) && (options.enabled ?? true),
  });
}
