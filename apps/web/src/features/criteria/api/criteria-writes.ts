import type { CriteriaSetContent, CriteriaVersionView } from '@ocop/contracts/evaluation';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';
import { CRITERIA_QUERY_KEY, versionPath, versionQueryOptions } from './criteria-queries';

/*
 * The secretariat's changes to a score sheet (criteria.manage). Each answers the version as the
 * server now has it; the cache takes it at once and the regime's list is read again.
 */

function useVersionMutation<I>(mutationFn: (input: I) => Promise<CriteriaVersionView>) {
  const queryClient = useQueryClient();
  return useMutation<CriteriaVersionView, ApiError, I>({
    mutationFn,
    onSuccess: (version) => {
      queryClient.setQueryData(versionQueryOptions(version.id).queryKey, version);
      return queryClient.invalidateQueries({ queryKey: [...CRITERIA_QUERY_KEY, 'sets'] });
    },
  });
}

/** A new draft copied from a published or superseded version; 409 `criteria.draft_exists` names the draft there is. */
export function useCreateDraft() {
  return useVersionMutation((versionId: string) => api.post<CriteriaVersionView>(`${versionPath(versionId)}/drafts`));
}

export type SaveDraftInput = { versionId: string; content: CriteriaSetContent; revision: number };

/** Replaces the whole content; `revision` is the one read (409 `criteria.stale_revision` if it moved on). */
export function useSaveDraft() {
  return useVersionMutation(({ versionId, content, revision }: SaveDraftInput) =>
    api.put<CriteriaVersionView>(versionPath(versionId), { content, revision }),
  );
}

export function usePublishDraft() {
  return useVersionMutation(({ versionId, revision }: { versionId: string; revision: number }) =>
    api.post<CriteriaVersionView>(`${versionPath(versionId)}/publish`, { revision }),
  );
}

export function useDeleteDraft() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, string>({
    mutationFn: (versionId) => api.delete<void>(versionPath(versionId)),
    onSuccess: (_nothing, versionId) => {
      queryClient.removeQueries({ queryKey: versionQueryOptions(versionId).queryKey });
      return queryClient.invalidateQueries({ queryKey: [...CRITERIA_QUERY_KEY, 'sets'] });
    },
  });
}
