import type { SitePage, SiteView } from '@ocop/contracts/traceability';
import type { SiteKind } from '@ocop/domain/traceability';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const SITES_QUERY_KEY = ['traceability-sites'] as const;

export type SiteFilter = { producerId?: string; kind?: SiteKind; page?: number; pageSize?: number };

export const sitePath = (siteId: string) => `/api/traceability/sites/${encodeURIComponent(siteId)}`;

/** A producer's sites (where its steps happen), the reader's scope when no producer is named. */
export function useSites(filter: SiteFilter, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...SITES_QUERY_KEY, 'list', filter],
    queryFn: () => api.get<SitePage>('/api/traceability/sites', { query: filter }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export type { SiteView };
