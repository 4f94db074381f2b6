import type { LotPage, LotView } from '@ocop/contracts/traceability';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const LOTS_QUERY_KEY = ['lots'] as const;

/** The list query as the screens build it. */
export type LotFilter = { productId?: string; producerId?: string; q?: string; page?: number; pageSize?: number };

export const lotPath = (lotId: string) => `/api/traceability/lots/${encodeURIComponent(lotId)}`;

/** Lots the reader may see, the latest first. */
export function listLots(filter: LotFilter): Promise<LotPage> {
  return api.get<LotPage>('/api/traceability/lots', { query: filter });
}

export function useLots(filter: LotFilter, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...LOTS_QUERY_KEY, 'list', filter],
    queryFn: () => listLots(filter),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function lotQueryOptions(lotId: string) {
  return queryOptions({ queryKey: [...LOTS_QUERY_KEY, 'one', lotId], queryFn: () => api.get<LotView>(lotPath(lotId)) });
}

export function useLot(lotId: string) {
  return useQuery(lotQueryOptions(lotId));
}
