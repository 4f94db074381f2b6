import type { SalesPointPage, SalesPointStockView, SalesPointView, StockCandidatesView } from '@ocop/contracts/sales-points';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const SALES_POINTS_QUERY_KEY = ['sales-points'] as const;
export const salesPointPath = (id: string) => `/api/sales-points/${encodeURIComponent(id)}`;

/** The points the reader may see (the province's register, a commune's, an operator's own). */
export function useSalesPoints() {
  return useQuery({
    queryKey: [...SALES_POINTS_QUERY_KEY, 'list'],
    queryFn: () => api.get<SalesPointPage>('/api/sales-points', { query: { pageSize: 200 } }),
  });
}

export function useSalesPoint(id: string | undefined) {
  return useQuery({
    queryKey: [...SALES_POINTS_QUERY_KEY, 'one', id],
    queryFn: () => api.get<SalesPointView>(salesPointPath(id ?? '')),
    enabled: Boolean(id),
  });
}

export function useSalesPointStock(id: string | undefined) {
  return useQuery({
    queryKey: [...SALES_POINTS_QUERY_KEY, 'stock', id],
    queryFn: () => api.get<SalesPointStockView>(`${salesPointPath(id ?? '')}/stock`),
    enabled: Boolean(id),
  });
}

/** Certified products to put on the shelf, found as the public catalogue finds them. */
export function useStockCandidates(id: string | undefined, q: string) {
  return useQuery({
    queryKey: [...SALES_POINTS_QUERY_KEY, 'candidates', id, q],
    queryFn: () =>
      api.get<StockCandidatesView>(`${salesPointPath(id ?? '')}/stock-candidates`, { query: { q: q || undefined, pageSize: 20 } }),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
  });
}
