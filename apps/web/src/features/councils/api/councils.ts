import type { AddCouncilMemberBody, CouncilView, CreateCouncilBody } from '@ocop/contracts/councils';
import type { DossierBrief, RoundView } from '@ocop/contracts/dossiers';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const COUNCILS_QUERY_KEY = ['councils'] as const;

export type CouncilSummary = Omit<CouncilView, 'members' | 'dossiers'>;
type DossierPage = { items: DossierBrief[]; total: number; page: number; pageSize: number; counts: Record<string, number> };

const councilPath = (councilId: string) => `/api/evaluation/councils/${encodeURIComponent(councilId)}`;

export function useRounds() {
  return useQuery({
    queryKey: [...COUNCILS_QUERY_KEY, 'rounds'],
    queryFn: () => api.get<RoundView[]>('/api/evaluation/rounds'),
  });
}

export function useCouncils(roundId: string | undefined) {
  return useQuery({
    queryKey: [...COUNCILS_QUERY_KEY, 'list', roundId],
    queryFn: () => api.get<{ items: CouncilSummary[] }>('/api/evaluation/councils', { query: { roundId } }),
    enabled: Boolean(roundId),
  });
}

export function councilQueryOptions(councilId: string) {
  return queryOptions({
    queryKey: [...COUNCILS_QUERY_KEY, 'detail', councilId],
    queryFn: () => api.get<CouncilView>(councilPath(councilId)),
  });
}

export function useCouncil(councilId: string) {
  return useQuery(councilQueryOptions(councilId));
}

/** Dossiers of a round (or of the reader's councils), optionally in one state. */
export function useDossiers(filter: { roundId?: string; state?: string }, enabled = true) {
  return useQuery({
    queryKey: [...COUNCILS_QUERY_KEY, 'dossiers', filter],
    queryFn: () => api.get<DossierPage>('/api/evaluation/dossiers', { query: { ...filter, pageSize: 200 } }),
    enabled,
  });
}

export type CouncilCandidate = { id: string; fullName: string; email: string | null };

/** Who may sit on the province's councils: council members (chair, member) and province staff (secretary, advisory). */
export function useCouncilCandidates(provinceCode: string) {
  return useQuery({
    queryKey: [...COUNCILS_QUERY_KEY, 'candidates', provinceCode],
    queryFn: () =>
      api.get<{ members: CouncilCandidate[]; staff: CouncilCandidate[] }>('/api/evaluation/council-candidates', {
        query: { provinceCode },
      }),
  });
}

function useCouncilWrite<Variables>(write: (variables: Variables) => Promise<CouncilView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (council) => {
      queryClient.setQueryData(councilQueryOptions(council.id).queryKey, council);
      void queryClient.invalidateQueries({ queryKey: [...COUNCILS_QUERY_KEY, 'list'] }); // a background refresh
      void queryClient.invalidateQueries({ queryKey: [...COUNCILS_QUERY_KEY, 'dossiers'] }); // assigned dossiers moved
    },
  });
}

export function useCreateCouncil() {
  return useCouncilWrite((body: CreateCouncilBody) => api.post<CouncilView>('/api/evaluation/councils', body));
}

export function useAddMember(councilId: string) {
  return useCouncilWrite((body: AddCouncilMemberBody) => api.post<CouncilView>(`${councilPath(councilId)}/members`, body));
}

export function useRemoveMember(councilId: string) {
  return useCouncilWrite((memberId: string) =>
    api.delete<CouncilView>(`${councilPath(councilId)}/members/${encodeURIComponent(memberId)}`),
  );
}

export function useAssignDossiers(councilId: string) {
  return useCouncilWrite((dossierIds: string[]) => api.post<CouncilView>(`${councilPath(councilId)}/dossiers`, { dossierIds }));
}
