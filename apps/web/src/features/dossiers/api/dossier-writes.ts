import type { CommuneReportBody, CreateDossierBody, DecisionBody, DossierView } from '@ocop/contracts/dossiers';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api, isApiError } from '../../../lib/api-client';
import { DOSSIERS_QUERY_KEY, dossierPath, dossierQueryOptions } from './dossier-queries';

/** Someone moved the dossier between our read and our write: the screen reloads it. */
export function isDossierConflict(error: unknown): boolean {
  return isApiError(error) && error.status === 409 && error.code === 'dossier.changed_concurrently';
}

export function createDossier(body: CreateDossierBody): Promise<DossierView> {
  return api.post<DossierView>('/api/evaluation/dossiers', body);
}

export function useCreateDossier() {
  const queryClient = useQueryClient();
  return useMutation<DossierView, ApiError, CreateDossierBody>({
    mutationFn: createDossier,
    onSuccess: async (view) => {
      queryClient.setQueryData(dossierQueryOptions(view.id).queryKey, view);
      await queryClient.invalidateQueries({ queryKey: [...DOSSIERS_QUERY_KEY, 'list'] });
    },
  });
}

/** One write on a dossier; every one answers the dossier as it now is. */
export type DossierWrite =
  | { kind: 'registration'; revision: number; registration: Record<string, string | number | boolean | null> }
  | { kind: 'add_evidence'; documentId: string; criterionCode?: string | null }
  | { kind: 'remove_evidence'; evidenceId: string }
  | { kind: 'transition'; action: string; revision: number; reasons?: string }
  | ({ kind: 'commune_report' } & CommuneReportBody)
  | { kind: 'advisory_review'; revision: number; report: string; siteVisitNotes: string; labTestsRequested: string }
  | { kind: 'samples'; revision: number; samplesReceived: number }
  | { kind: 'ministry_result'; revision: number; stars: number; total?: number | null; decisionNo: string; decidedOn: string };

export function writeDossier(dossierId: string, write: DossierWrite): Promise<DossierView> {
  const path = dossierPath(dossierId);
  const { kind, ...body } = write;
  switch (write.kind) {
    case 'registration':
      return api.put<DossierView>(`${path}/registration`, body);
    case 'add_evidence':
      return api.post<DossierView>(`${path}/evidence`, body);
    case 'remove_evidence':
      return api.delete<DossierView>(`${path}/evidence/${encodeURIComponent(write.evidenceId)}`);
    case 'transition':
      return api.post<DossierView>(`${path}/transitions`, body);
    case 'commune_report':
      return api.put<DossierView>(`${path}/commune-report`, body);
    case 'advisory_review':
      return api.put<DossierView>(`${path}/advisory-review`, body);
    case 'samples':
      return api.put<DossierView>(`${path}/samples`, body);
    case 'ministry_result':
      return api.post<DossierView>(`${path}/ministry-result`, body);
  }
}

/**
 * Writes on one dossier. The answer replaces the cached dossier; a 409 (someone moved it meanwhile)
 * reloads it, and the caller shows the error, so the person acts again on what is now true.
 */
export function useWriteDossier(dossierId: string) {
  const queryClient = useQueryClient();
  const key = dossierQueryOptions(dossierId).queryKey;
  return useMutation<DossierView, ApiError, DossierWrite>({
    mutationFn: (write) => writeDossier(dossierId, write),
    onSuccess: async (view) => {
      queryClient.setQueryData(key, view);
      await queryClient.invalidateQueries({ queryKey: [...DOSSIERS_QUERY_KEY, 'list'] });
    },
    onError: async (error) => {
      if (isDossierConflict(error)) await queryClient.invalidateQueries({ queryKey: key });
    },
  });
}

export type DecisionView = { id: string; number: string; kind: string; signedOn: string; dossierIds: string[] };

export function recordDecision(body: DecisionBody): Promise<DecisionView> {
  return api.post<DecisionView>('/api/evaluation/decisions', body);
}

export function useRecordDecision() {
  const queryClient = useQueryClient();
  return useMutation<DecisionView, ApiError, DecisionBody>({
    mutationFn: recordDecision,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: DOSSIERS_QUERY_KEY }),
  });
}
