import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';
import { DOCUMENTS_QUERY_KEY } from './list-documents';

/** Removes the document and its file. */
export function deleteDocument(documentId: string): Promise<void> {
  return api.delete<void>(`/api/documents/${encodeURIComponent(documentId)}`);
}

export function useDeleteDocument() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, string>({
    mutationFn: deleteDocument,
    // The producer's expiry flag (earliestDocumentValidTo) comes with the producer: refresh it too.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: DOCUMENTS_QUERY_KEY }),
        queryClient.invalidateQueries({ queryKey: ['producers'] }),
      ]),
  });
}
