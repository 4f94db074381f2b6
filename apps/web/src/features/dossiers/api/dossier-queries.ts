import type { DossierListQuery, DossierView, RoundView } from '@ocop/contracts/dossiers';
import type { DossierBrief } from '@ocop/contracts/dossiers';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const DOSSIERS_QUERY_KEY = ['dossiers'] as const;
export const ROUNDS_QUERY_KEY = ['rounds'] as const;

export type DossierPage = { items: DossierBrief[]; total: number; page: number; pageSize: number; counts: Record<string, number> };

export const dossierPath = (dossierId: string) => `/api/evaluation/dossiers/${encodeURIComponent(dossierId)}`;

/** The board: dossiers one may read under the filters, with counts per state (the state filter aside). */
export function listDossiers(filter: Partial<DossierListQuery>): Promise<DossierPage> {
  return api.get<DossierPage>('/api/evaluation/dossiers', { query: filter });
}

export function useDossiers(filter: Partial<DossierListQuery>, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...DOSSIERS_QUERY_KEY, 'list', filter],
    queryFn: () => listDossiers(filter),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function getDossier(dossierId: string): Promise<DossierView> {
  return api.get<DossierView>(dossierPath(dossierId));
}

export function dossierQueryOptions(dossierId: string) {
  return queryOptions({ queryKey: [...DOSSIERS_QUERY_KEY, 'one', dossierId], queryFn: () => getDossier(dossierId) });
}

export function useDossier(dossierId: string) {
  return useQuery(dossierQueryOptions(dossierId));
}

/** Rounds of the province, oldest first (the server's date order). */
export function listRounds(provinceCode: string, year?: number): Promise<RoundView[]> {
  return api.get<RoundView[]>('/api/evaluation/rounds', { query: { provinceCode, year } });
}

export function useRounds(provinceCode: string, year?: number) {
  return useQuery({ queryKey: [...ROUNDS_QUERY_KEY, provinceCode, year ?? 'all'], queryFn: () => listRounds(provinceCode, year) });
}

/** The PDFs of a dossier and of a round, printed by the server. */
export const dossierPdfUrls = (dossierId: string) => ({
  registrationForm: `${dossierPath(dossierId)}/registration-form.pdf`,
  communeReport: `${dossierPath(dossierId)}/commune-report.pdf`,
  resultLetter: `${dossierPath(dossierId)}/result-letter.pdf`,
});

export const roundPdfUrls = (roundId: string) => ({
  draftDecision: `/api/evaluation/rounds/${encodeURIComponent(roundId)}/draft-decision.pdf`,
  minutes: `/api/evaluation/rounds/${encodeURIComponent(roundId)}/minutes.pdf`,
});
