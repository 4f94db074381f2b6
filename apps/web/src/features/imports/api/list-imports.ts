import type { ImportJobView } from '@ocop/contracts/registry-files';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { IMPORT_POLL_MS, isImportRunning } from './get-import';

/** The latest imports of the user's province, newest first. */
export function listImports(provinceCode?: string): Promise<ImportJobView[]> {
  return api.get<ImportJobView[]>('/api/imports', { query: { provinceCode } });
}

export function importsQueryOptions(provinceCode?: string) {
  return queryOptions({ queryKey: ['imports', 'list', provinceCode ?? ''], queryFn: () => listImports(provinceCode), staleTime: 0 });
}

/** Asked again while one of them is still queued or running, so the history shows how it ended. */
export function useImports(provinceCode?: string) {
  return useQuery({
    ...importsQueryOptions(provinceCode),
    refetchInterval: (query) => ((query.state.data ?? []).some(isImportRunning) ? IMPORT_POLL_MS * 2 : false),
  });
}
