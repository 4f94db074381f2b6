import type { CreateProductBody, ProductView } from '@ocop/contracts/registry';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';
import { PRODUCTS_QUERY_KEY } from './list-products';

export function createProduct(body: CreateProductBody): Promise<ProductView> {
  return api.post<ProductView>('/api/products', body);
}

export function useCreateProduct() {
  const queryClient = useQueryClient();
  return useMutation<ProductView, ApiError, CreateProductBody>({
    mutationFn: createProduct,
    // The producer's product count changes too.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: PRODUCTS_QUERY_KEY }),
        queryClient.invalidateQueries({ queryKey: ['producers'] }),
      ]),
  });
}
