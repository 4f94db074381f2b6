import type { MySheetView, SaveSheetBody, ScoresView } from '@ocop/contracts/councils';
import type { DossierView } from '@ocop/contracts/dossiers';
import type { CriteriaVersionView, RegimeView } from '@ocop/contracts/evaluation';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const SCORING_QUERY_KEY = ['scoring'] as const;

const dossierPath = (dossierId: string) => `/api/evaluation/dossiers/${encodeURIComponent(dossierId)}`;

export type SealView = {
  ok: boolean;
  sealedSheets: number;
  broken: { sheetId: string; memberId: string; sealSeq: number | null; field: string; expected: string; stored: string | null } | null;
};

export function mySheetQueryOptions(dossierId: string) {
  return queryOptions({
    queryKey: [...SCORING_QUERY_KEY, 'my-sheet', dossierId],
    queryFn: () => api.get<MySheetView>(`${dossierPath(dossierId)}/my-sheet`),
  });
}

export function useMySheet(dossierId: string, enabled = true) {
  return useQuery({ ...mySheetQueryOptions(dossierId), enabled });
}

/** Saves the whole draft; `body.revision` is the one last read (409 `scoring.stale_revision` when it moved on). */
export function saveMySheet(dossierId: string, body: SaveSheetBody): Promise<MySheetView> {
  return api.put<MySheetView>(`${dossierPath(dossierId)}/my-sheet`, body);
}

export function submitMySheet(dossierId: string, revision: number): Promise<MySheetView> {
  return api.post<MySheetView>(`${dossierPath(dossierId)}/my-sheet/submit`, { revision });
}

export function useDeclareConflict(dossierId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { hasConflict: boolean; reason?: string | null }) => api.put(`${dossierPath(dossierId)}/conflict`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mySheetQueryOptions(dossierId).queryKey }),
  });
}

export function scoresQueryOptions(dossierId: string) {
  return queryOptions({
    queryKey: [...SCORING_QUERY_KEY, 'scores', dossierId],
    queryFn: () => api.get<ScoresView>(`${dossierPath(dossierId)}/scores`),
  });
}

export function useScores(dossierId: string, enabled = true) {
  return useQuery({ ...scoresQueryOptions(dossierId), enabled });
}

export function useSeal(dossierId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...SCORING_QUERY_KEY, 'seal', dossierId],
    queryFn: () => api.get<SealView>(`${dossierPath(dossierId)}/seal`),
    enabled,
  });
}

export function dossierQueryOptions(dossierId: string) {
  return queryOptions({
    queryKey: [...SCORING_QUERY_KEY, 'dossier', dossierId],
    queryFn: () => api.get<DossierView>(dossierPath(dossierId)),
  });
}

export function useDossier(dossierId: string) {
  return useQuery(dossierQueryOptions(dossierId));
}

/** The secretariat closes the council's scoring: the dossier moves on with the council's result. */
export function useCloseScoring(dossierId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (revision: number) => api.post<DossierView>(`${dossierPath(dossierId)}/transitions`, { action: 'close_scoring', revision }),
    onSuccess: (dossier) => {
      queryClient.setQueryData(dossierQueryOptions(dossierId).queryKey, dossier);
      void queryClient.invalidateQueries({ queryKey: SCORING_QUERY_KEY }); // scores and lists change with the state
    },
  });
}

/** The regimes (their star bands): score sheets are public law, every signed-in user reads them. */
export function useRegime(regimeCode: string | undefined) {
  return useQuery({
    queryKey: [...SCORING_QUERY_KEY, 'regimes'],
    queryFn: () => api.get<RegimeView[]>('/api/evaluation/regimes'),
    staleTime: Number.POSITIVE_INFINITY,
    select: (regimes) => regimes.find((regime) => regime.code === regimeCode) ?? null,
    enabled: Boolean(regimeCode),
  });
}

export function useCriteriaVersion(versionId: string | undefined) {
  return useQuery({
    queryKey: [...SCORING_QUERY_KEY, 'version', versionId],
    queryFn: () => api.get<CriteriaVersionView>(`/api/evaluation/criteria-versions/${encodeURIComponent(versionId ?? '')}`),
    staleTime: Number.POSITIVE_INFINITY,
    enabled: Boolean(versionId),
  });
}

/** The council minutes of a round (Mẫu biên bản), built by the server. */
export function minutesPdfUrl(roundId: string): string {
  return `/api/evaluation/rounds/${encodeURIComponent(roundId)}/minutes.pdf`;
}
