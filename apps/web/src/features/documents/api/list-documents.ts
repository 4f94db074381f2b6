import type { DocumentView } from '@ocop/contracts/registry-files';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Whose papers: a producer's (with those of its products) or one product's. */
export type DocumentOwner = { producerId: string; productId?: undefined } | { productId: string; producerId?: undefined };

export function documentsPath(owner: DocumentOwner): string {
  return owner.productId !== undefined
    ? `/api/products/${encodeURIComponent(owner.productId)}/documents`
    : `/api/producers/${encodeURIComponent(owner.producerId)}/documents`;
}

export function listDocuments(owner: DocumentOwner): Promise<DocumentView[]> {
  return api.get<DocumentView[]>(documentsPath(owner));
}

export const DOCUMENTS_QUERY_KEY = ['documents'] as const;

export function documentsQueryOptions(owner: DocumentOwner) {
  return queryOptions({
    queryKey: [...DOCUMENTS_QUERY_KEY, owner.productId ? 'product' : 'producer', owner.productId ?? owner.producerId],
    queryFn: () => listDocuments(owner),
  });
}

export function useDocuments(owner: DocumentOwner) {
  return useQuery(documentsQueryOptions(owner));
}
