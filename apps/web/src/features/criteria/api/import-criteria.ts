import type { CriteriaVersionView } from '@ocop/contracts/evaluation';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';
import { CRITERIA_QUERY_KEY, regimePath, versionQueryOptions } from './criteria-queries';

/** `row` is the first xlsx row concerned, `rows` all of them (absent for a JSON file). */
export type CriteriaImportIssue = { row?: number | null; rows?: number[]; path: string; code: string; message: string };

/** What a dry run found: nothing is changed on the server. */
export type CriteriaDryRun = {
  ok: boolean;
  issues: CriteriaImportIssue[];
  summary: { parts: { code: string; maxPoints: number; sum: number }[]; criteria: number; options: number };
};

export type CriteriaImportInput = { regimeCode: string; productSetCode: string; file: File };

function importUrl({ regimeCode, productSetCode }: CriteriaImportInput): string {
  return `${regimePath(regimeCode)}/sets/${encodeURIComponent(productSetCode)}/import`;
}

function formOf(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}

/** Checks an xlsx or JSON sheet against the set without keeping anything. */
export function useCriteriaDryRun() {
  return useMutation<CriteriaDryRun, ApiError, CriteriaImportInput>({
    mutationFn: (input) => api.upload<CriteriaDryRun>(importUrl(input), formOf(input.file), { query: { dryRun: true } }),
  });
}

/** Makes the file the set's draft (replacing one there is); refused 422 `criteria.import_invalid` unless the dry run is clean. */
export function useCriteriaImportCommit() {
  const queryClient = useQueryClient();
  return useMutation<CriteriaVersionView, ApiError, CriteriaImportInput>({
    mutationFn: (input) => api.upload<CriteriaVersionView>(importUrl(input), formOf(input.file), { query: { dryRun: false } }),
    onSuccess: (version) => {
      queryClient.setQueryData(versionQueryOptions(version.id).queryKey, version);
      return queryClient.invalidateQueries({ queryKey: [...CRITERIA_QUERY_KEY, 'sets'] });
    },
  });
}
