import type { ProductView, UpdateProductBody } from '@ocop/contracts/registry';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';
import { productQueryOptions } from './get-product';
import { PRODUCTS_QUERY_KEY } from './list-products';

export type UpdateProductInput = { productId: string; body: UpdateProductBody };

/** `body.version` is the version read; the server answers 409 `product.stale_version` if it moved on. */
export function updateProduct({ productId, body }: UpdateProductInput): Promise<ProductView> {
  return api.patch<ProductView>(`/api/products/${encodeURIComponent(productId)}`, body);
}

export function useUpdateProduct() {
  const queryClient = useQueryClient();
  return useMutation<ProductView, ApiError, UpdateProductInput>({
    mutationFn: updateProduct,
    onSuccess: (product) => {
      queryClient.setQueryData(productQueryOptions(product.id).queryKey, product);
      return queryClient.invalidateQueries({ queryKey: [...PRODUCTS_QUERY_KEY, 'list'] });
    },
  });
}
