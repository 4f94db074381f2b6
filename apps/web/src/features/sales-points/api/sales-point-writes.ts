import type { CreateSalesPointBody, SalesPointStockView, SalesPointView, UpdateSalesPointBody } from '@ocop/contracts/sales-points';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';
import { SALES_POINTS_QUERY_KEY, salesPointPath } from './sales-point-queries';

export function useCreateSalesPoint() {
  const queryClient = useQueryClient();
  return useMutation<SalesPointView, ApiError, CreateSalesPointBody>({
    mutationFn: (body) => api.post<SalesPointView>('/api/sales-points', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SALES_POINTS_QUERY_KEY }),
  });
}

export function useUpdateSalesPoint() {
  const queryClient = useQueryClient();
  return useMutation<SalesPointView, ApiError, { id: string; body: UpdateSalesPointBody }>({
    mutationFn: ({ id, body }) => api.put<SalesPointView>(salesPointPath(id), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SALES_POINTS_QUERY_KEY }),
  });
}

/** Replaces the point's shelf with these certified products. */
export function usePutSalesPointStock() {
  const queryClient = useQueryClient();
  return useMutation<SalesPointStockView, ApiError, { id: string; productIds: string[] }>({
    mutationFn: ({ id, productIds }) => api.put<SalesPointStockView>(`${salesPointPath(id)}/stock`, { productIds }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SALES_POINTS_QUERY_KEY }),
  });
}
