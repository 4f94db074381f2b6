import type { ProductView } from '@ocop/contracts/registry';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { PRODUCTS_QUERY_KEY } from './list-products';

export function getProduct(productId: string): Promise<ProductView> {
  return api.get<ProductView>(`/api/products/${encodeURIComponent(productId)}`);
}

export function productQueryOptions(productId: string) {
  return queryOptions({
    queryKey: [...PRODUCTS_QUERY_KEY, 'detail', productId],
    queryFn: () => getProduct(productId),
  });
}

export function useProduct(productId: string | null | undefined) {
  return useQuery({ ...productQueryOptions(productId ?? ''), enabled: Boolean(productId) });
}
