import type { AdminUnitView } from '@ocop/contracts/geography';
import type { AdminLevel } from '@ocop/domain/geography';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type AdminUnitSearch = {
  q: string;
  asOf?: string;
  provinceCode?: string;
  level?: AdminLevel;
  limit?: number;
};

/** The server folds diacritics, so "chieng an" finds "Chiềng An". */
export function searchAdminUnits(search: AdminUnitSearch): Promise<AdminUnitView[]> {
  return api.get<AdminUnitView[]>('/api/admin-units/search', { query: search });
}

/** The server refuses shorter queries (`admin_unit.query_too_short`). */
export const MIN_SEARCH_LENGTH = 2;

export function searchAdminUnitsQueryOptions(search: AdminUnitSearch) {
  return queryOptions({
    queryKey: ['admin-units', 'search', search],
    queryFn: () => searchAdminUnits(search),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSearchAdminUnits(search: AdminUnitSearch) {
  return useQuery({
    ...searchAdminUnitsQueryOptions(search),
    enabled: search.q.trim().length >= MIN_SEARCH_LENGTH,
    placeholderData: keepPreviousData,
  });
}
