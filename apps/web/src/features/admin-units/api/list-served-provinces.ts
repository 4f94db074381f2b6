import type { provinceTenantView } from '@ocop/contracts/identity';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../lib/api-client';

export type ServedProvince = z.infer<typeof provinceTenantView>;

/** The provinces this deployment serves (Sơn La, code 14, first). */
export function listServedProvinces(): Promise<ServedProvince[]> {
  return api.get<ServedProvince[]>('/api/provinces/served');
}

export const servedProvincesQueryOptions = queryOptions({
  queryKey: ['provinces', 'served'],
  queryFn: listServedProvinces,
  staleTime: 10 * 60_000,
});

export function useServedProvinces(options: { enabled?: boolean } = {}) {
  return useQuery({ ...servedProvincesQueryOptions, enabled: options.enabled ?? true });
}
