import type { AdminUnitView } from '@ocop/contracts/geography';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export function listProvinces(asOf: string): Promise<AdminUnitView[]> {
  return api.get<AdminUnitView[]>('/api/admin-units/provinces', { query: { asOf } });
}

export function provincesQueryOptions(asOf: string) {
  return queryOptions({
    queryKey: ['admin-units', 'provinces', asOf],
    queryFn: () => listProvinces(asOf),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useProvinces(asOf: string) {
  return useQuery(provincesQueryOptions(asOf));
}
