import type { ProducerListQuery, ProducerView } from '@ocop/contracts/registry';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, buildUrl } from '../../../lib/api-client';

export type ProducerListFilter = ProducerListQuery;
export type ProducerPage = { items: ProducerView[]; total: number; page: number; pageSize: number };
export type ExportFormat = 'xlsx' | 'csv';

/** The server folds diacritics and case in `q`, so "bich thao" finds "Bích Thảo". */
export function listProducers(filter: ProducerListFilter): Promise<ProducerPage> {
  return api.get<ProducerPage>('/api/producers', { query: filter });
}

export const PRODUCERS_QUERY_KEY = ['producers'] as const;

export function producersQueryOptions(filter: ProducerListFilter) {
  return queryOptions({
    queryKey: [...PRODUCERS_QUERY_KEY, 'list', filter],
    queryFn: () => listProducers(filter),
  });
}

export function useProducers(filter: ProducerListFilter, options: { enabled?: boolean } = {}) {
  return useQuery({ ...producersQueryOptions(filter), placeholderData: keepPreviousData, enabled: options.enabled ?? true });
}

/** The address of the filtered list as a spreadsheet (the import template's columns); the browser downloads it. */
export function producerExportUrl(filter: Omit<ProducerListFilter, 'page' | 'pageSize'>, format: ExportFormat): string {
  const { sort: _sort, ...filters } = filter;
  return buildUrl('/api/producers/export', { ...filters, format });
}
