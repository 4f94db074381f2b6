import type { ProductImageView } from '@ocop/contracts/registry-files';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';
import { productImagesQueryKey } from './list-product-images';

export type SetPrimaryProductImageInput = { productId: string; imageId: string };

/** The primary picture is the one lists and the catalogue show. */
export function setPrimaryProductImage({ productId, imageId }: SetPrimaryProductImageInput): Promise<ProductImageView[]> {
  return api.post<ProductImageView[]>(`/api/products/${encodeURIComponent(productId)}/images/${encodeURIComponent(imageId)}/primary`);
}

export function useSetPrimaryProductImage() {
  const queryClient = useQueryClient();
  return useMutation<ProductImageView[], ApiError, SetPrimaryProductImageInput>({
    mutationFn: setPrimaryProductImage,
    onSuccess: (images, { productId }) => {
      queryClient.setQueryData(productImagesQueryKey(productId), images);
      return queryClient.invalidateQueries({ queryKey: ['products', 'list'] });
    },
  });
}
