import type { UnitLinkView } from '@ocop/contracts/geography';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The old communes (2025-03-01) a new commune (2025-07-01) was formed from. */
export function listCommunePredecessors(communeCode: string): Promise<UnitLinkView[]> {
  return api.get<UnitLinkView[]>(`/api/admin-units/communes/${encodeURIComponent(communeCode)}/predecessors`);
}

export function communePredecessorsQueryOptions(communeCode: string) {
  return queryOptions({
    queryKey: ['admin-units', 'predecessors', communeCode],
    queryFn: () => listCommunePredecessors(communeCode),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useCommunePredecessors(communeCode: string | null, options: { enabled?: boolean } = {}) {
  return useQuery({
    ...communePredecessorsQueryOptions(communeCode ?? ''),
    enabled: Boolean(communeCode) && (options.enabled ?? true),
  });
}
