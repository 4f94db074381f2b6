import type { ProductImageView } from '@ocop/contracts/registry-files';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';
import { productImagesQueryKey } from './list-product-images';

export type AddProductImageInput = { productId: string; file: File; altText?: string };

/** One picture per request (JPEG, PNG or WebP up to 10 MB); the server makes the thumb and medium variants. */
export function addProductImage({ productId, file, altText }: AddProductImageInput): Promise<ProductImageView> {
  const form = new FormData();
  if (altText) form.append('altText', altText);
  form.append('file', file, file.name);
  return api.upload<ProductImageView>(`/api/products/${encodeURIComponent(productId)}/images`, form);
}

export function useAddProductImage() {
  const queryClient = useQueryClient();
  return useMutation<ProductImageView, ApiError, AddProductImageInput>({
    mutationFn: addProductImage,
    // The first picture becomes the primary one, which the lists show.
    onSuccess: (_image, { productId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: productImagesQueryKey(productId) }),
        queryClient.invalidateQueries({ queryKey: ['products', 'list'] }),
      ]),
  });
}
