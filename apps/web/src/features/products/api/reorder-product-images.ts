import type { ProductImageView } from '@ocop/contracts/registry-files';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';
import { productImagesQueryKey } from './list-product-images';

export type ReorderProductImagesInput = { productId: string; imageIds: string[] };

/** Every image id of the product, first to last. */
export function reorderProductImages({ productId, imageIds }: ReorderProductImagesInput): Promise<ProductImageView[]> {
  return api.put<ProductImageView[]>(`/api/products/${encodeURIComponent(productId)}/images/order`, { imageIds });
}

/** Moves the pictures at once on screen and puts them back if the server refuses. */
export function useReorderProductImages() {
  const queryClient = useQueryClient();
  return useMutation<ProductImageView[], ApiError, ReorderProductImagesInput, { before?: ProductImageView[] }>({
    mutationFn: reorderProductImages,
    onMutate: async ({ productId, imageIds }) => {
      const key = productImagesQueryKey(productId);
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<ProductImageView[]>(key);
      if (before) {
        const byId = new Map(before.map((image) => [image.id, image]));
        const moved = imageIds.map((id, position) => {
          const image = byId.get(id);
          return image ? { ...image, position } : undefined;
        });
        if (moved.every(Boolean)) queryClient.setQueryData(key, moved as ProductImageView[]);
      }
      return { before };
    },
    onError: (_error, { productId }, context) => {
      if (context?.before) queryClient.setQueryData(productImagesQueryKey(productId), context.before);
    },
    onSuccess: (images, { productId }) => queryClient.setQueryData(productImagesQueryKey(productId), images),
  });
}
