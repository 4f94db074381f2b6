import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';
import { productImagesQueryKey } from './list-product-images';

export type DeleteProductImageInput = { productId: string; imageId: string };

export function deleteProductImage({ productId, imageId }: DeleteProductImageInput): Promise<void> {
  return api.delete<void>(`/api/products/${encodeURIComponent(productId)}/images/${encodeURIComponent(imageId)}`);
}

export function useDeleteProductImage() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, DeleteProductImageInput>({
    mutationFn: deleteProductImage,
    onSuccess: (_nothing, { productId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: productImagesQueryKey(productId) }),
        queryClient.invalidateQueries({ queryKey: ['products', 'list'] }),
      ]),
  });
}
