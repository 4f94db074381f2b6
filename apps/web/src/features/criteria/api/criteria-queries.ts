import type { CriteriaVersionView, RegimeView } from '@ocop/contracts/evaluation';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CriteriaVersionSummaryView } from '@ocop/contracts/evaluation';
import { api } from '../../../lib/api-client';

export const CRITERIA_QUERY_KEY = ['criteria'] as const;

export type RegimeSets = { regime: RegimeView; items: CriteriaVersionSummaryView[] };

// Regime codes hold a slash ('26/2026'): the path segment carries it encoded.
export const regimePath = (regimeCode: string) => `/api/evaluation/regimes/${encodeURIComponent(regimeCode)}`;
export const versionPath = (versionId: string) => `/api/evaluation/criteria-versions/${encodeURIComponent(versionId)}`;

export function regimesQueryOptions() {
  return queryOptions({
    queryKey: [...CRITERIA_QUERY_KEY, 'regimes'],
    queryFn: () => api.get<RegimeView[]>('/api/evaluation/regimes'),
  });
}

export function useRegimes() {
  return useQuery(regimesQueryOptions());
}

export function regimeSetsQueryOptions(regimeCode: string) {
  return queryOptions({
    queryKey: [...CRITERIA_QUERY_KEY, 'sets', regimeCode],
    queryFn: () => api.get<RegimeSets>(`${regimePath(regimeCode)}/sets`),
  });
}

export function useRegimeSets(regimeCode: string | null) {
  return useQuery({ ...regimeSetsQueryOptions(regimeCode ?? ''), enabled: Boolean(regimeCode) });
}

export function versionQueryOptions(versionId: string) {
  return queryOptions({
    queryKey: [...CRITERIA_QUERY_KEY, 'version', versionId],
    queryFn: () => api.get<CriteriaVersionView>(versionPath(versionId)),
  });
}

export function useCriteriaVersion(versionId: string | undefined) {
  return useQuery({ ...versionQueryOptions(versionId ?? ''), enabled: Boolean(versionId) });
}

/** Plain links: the server answers with an attachment named after the set. */
export function versionExportUrl(versionId: string, format: 'xlsx' | 'json'): string {
  return `${versionPath(versionId)}/export.${format}`;
}
