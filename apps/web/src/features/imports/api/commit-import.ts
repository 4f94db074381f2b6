import type { ImportJobView } from '@ocop/contracts/registry-files';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';
import { importQueryOptions } from './get-import';

/**
 * Imports the file of a finished dry run without uploading it again: the server repeats the
 * checks and writes all rows in one transaction, or none. Answers 202 with the new job.
 */
export function commitImport(dryRunId: string): Promise<ImportJobView> {
  return api.post<ImportJobView>(`/api/imports/${encodeURIComponent(dryRunId)}/commit`);
}

export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation<ImportJobView, ApiError, string>({
    mutationFn: commitImport,
    onSuccess: (job) => {
      queryClient.setQueryData(importQueryOptions(job.id).queryKey, job);
      return queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
    },
  });
}
