import type { ChangeProductStatusBody, ProductView } from '@ocop/contracts/registry';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';
import { productQueryOptions } from './get-product';
import { PRODUCTS_QUERY_KEY } from './list-products';

export type ChangeProductStatusInput = { productId: string; body: ChangeProductStatusBody };

/** Idea, in development, on sale, withdrawn: a move of its own, with the version read. */
export function changeProductStatus({ productId, body }: ChangeProductStatusInput): Promise<ProductView> {
  return api.post<ProductView>(`/api/products/${encodeURIComponent(productId)}/status`, body);
}

export function useChangeProductStatus() {
  const queryClient = useQueryClient();
  return useMutation<ProductView, ApiError, ChangeProductStatusInput>({
    mutationFn: changeProductStatus,
    onSuccess: (product) => {
      queryClient.setQueryData(productQueryOptions(product.id).queryKey, product);
      return queryClient.invalidateQueries({ queryKey: [...PRODUCTS_QUERY_KEY, 'list'] });
    },
  });
}
