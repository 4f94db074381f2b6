import type { ImportJobView } from '@ocop/contracts/registry-files';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';
import { importQueryOptions } from './get-import';

export type ImportKind = ImportJobView['kind'];
export type ImportMode = ImportJobView['mode'];

export type StartImportInput = { kind: ImportKind; mode: ImportMode; file: File; provinceCode?: string };

/**
 * Uploads an xlsx or CSV for a dry run (checks only) or an import. The server answers 202 at once
 * with a queued job; `GET /api/imports/:id` then reports its progress and problems.
 */
export function startImport({ kind, mode, file, provinceCode }: StartImportInput): Promise<ImportJobView> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<ImportJobView>(`/api/imports/${kind}`, form, { query: { mode, provinceCode } });
}

export function useStartImport() {
  const queryClient = useQueryClient();
  return useMutation<ImportJobView, ApiError, StartImportInput>({
    mutationFn: startImport,
    onSuccess: (job) => queryClient.setQueryData(importQueryOptions(job.id).queryKey, job),
  });
}

/** The template to fill in: Vietnamese headers, an example row and drop-down lists. */
export function importTemplateUrl(kind: ImportKind): string {
  return `/api/imports/templates/${kind}.xlsx`;
}
