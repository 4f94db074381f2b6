import type { DocumentKind } from '@ocop/domain/registry';
import type { DocumentView } from '@ocop/contracts/registry-files';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';
import { DOCUMENTS_QUERY_KEY, type DocumentOwner, documentsPath } from './list-documents';

export type DocumentUploadFields = {
  kind: DocumentKind;
  number?: string | null;
  issuer?: string | null;
  /** yyyy-mm-dd */
  validFrom?: string | null;
  validTo?: string | null;
  note?: string | null;
  /** On a producer's document: the product of that producer it is about. */
  productId?: string | null;
};

export type UploadDocumentInput = { owner: DocumentOwner; fields: DocumentUploadFields; file: File };

/** Multipart: the text fields, then the file (PDF, image, XLSX or DOCX up to 20 MB; the server checks the bytes). */
export function uploadDocument({ owner, fields, file }: UploadDocumentInput): Promise<DocumentView> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string' && value.trim() !== '') form.append(name, value.trim());
  }
  form.append('file', file, file.name);
  return api.upload<DocumentView>(documentsPath(owner), form);
}

export function useUploadDocument() {
  const queryClient = useQueryClient();
  return useMutation<DocumentView, ApiError, UploadDocumentInput>({
    mutationFn: uploadDocument,
    // A product's document also shows on its producer's page, so every list is refreshed.
    // The producer's expiry flag (earliestDocumentValidTo) comes with the producer: refresh it too.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: DOCUMENTS_QUERY_KEY }),
        queryClient.invalidateQueries({ queryKey: ['producers'] }),
      ]),
  });
}
