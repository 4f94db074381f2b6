import type { ImportJobView } from '@ocop/contracts/registry-files';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export function getImport(importId: string): Promise<ImportJobView> {
  return api.get<ImportJobView>(`/api/imports/${encodeURIComponent(importId)}`);
}

export function isImportRunning(job: Pick<ImportJobView, 'status'> | undefined): boolean {
  return job?.status === 'queued' || job?.status === 'running';
}

/** How often a running job is asked for its progress. */
export const IMPORT_POLL_MS = 1000;

export function importQueryOptions(importId: string) {
  return queryOptions({
    queryKey: ['imports', 'job', importId],
    queryFn: () => getImport(importId),
    staleTime: 0,
  });
}

/** The job, asked again every second while it is queued or running. */
export function useImport(importId: string | null, pollMs = IMPORT_POLL_MS) {
  return useQuery({
    ...importQueryOptions(importId ?? ''),
    enabled: Boolean(importId),
    refetchInterval: (query) => (isImportRunning(query.state.data) ? pollMs : false),
  });
}
