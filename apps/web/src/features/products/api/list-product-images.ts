import type { ProductImageView } from '@ocop/contracts/registry-files';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export function listProductImages(productId: string): Promise<ProductImageView[]> {
  return api.get<ProductImageView[]>(`/api/products/${encodeURIComponent(productId)}/images`);
}

export function productImagesQueryKey(productId: string) {
  return ['products', 'images', productId] as const;
}

export function productImagesQueryOptions(productId: string) {
  return queryOptions({ queryKey: productImagesQueryKey(productId), queryFn: () => listProductImages(productId) });
}

export function useProductImages(productId: string) {
  return useQuery(productImagesQueryOptions(productId));
}
