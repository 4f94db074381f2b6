import type { ProducerView } from '@ocop/contracts/registry';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

type ProducerPage = { items: ProducerView[]; total: number };

/** Producers of a province matching a name or tax code (diacritics ignored), to pick for a producer-member grant. */
export function searchProducers(provinceCode: string, q: string): Promise<ProducerPage> {
  return api.get<ProducerPage>('/api/producers', { query: { provinceCode, q: q || undefined, pageSize: 20 } });
}

export function useProducerSearch(provinceCode: string, q: string) {
  return useQuery({
    queryKey: ['users', 'producer-search', provinceCode, q],
    queryFn: () => searchProducers(provinceCode, q),
    placeholderData: keepPreviousData,
  });
}
