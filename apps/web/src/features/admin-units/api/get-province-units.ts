import type { ProvinceUnitsView } from '@ocop/contracts/geography';
import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export function getProvinceUnits(provinceCode: string, asOf: string): Promise<ProvinceUnitsView> {
  return api.get<ProvinceUnitsView>(`/api/admin-units/provinces/${encodeURIComponent(provinceCode)}`, {
    query: { asOf },
  });
}

export function provinceUnitsQueryOptions(provinceCode: string, asOf: string) {
  return queryOptions({
    queryKey: ['admin-units', 'province', provinceCode, asOf],
    queryFn: () => getProvinceUnits(provinceCode, asOf),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useProvinceUnits(provinceCode: string | null | undefined, asOf: string) {
  return useQuery({
    ...provinceUnitsQueryOptions(provinceCode ?? '', asOf),
    enabled: Boolean(provinceCode),
  });
}

/** Several provinces at once, e.g. to name every scope of a user who works in more than one. */
export function useManyProvinceUnits(provinceCodes: readonly string[], asOf: string) {
  return useQueries({
    queries: provinceCodes.map((code) => provinceUnitsQueryOptions(code, asOf)),
  });
}
