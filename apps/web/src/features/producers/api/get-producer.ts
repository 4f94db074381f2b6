import type { ProducerView } from '@ocop/contracts/registry';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { PRODUCERS_QUERY_KEY } from './list-producers';

export function getProducer(producerId: string): Promise<ProducerView> {
  return api.get<ProducerView>(`/api/producers/${encodeURIComponent(producerId)}`);
}

export function producerQueryOptions(producerId: string) {
  return queryOptions({
    queryKey: [...PRODUCERS_QUERY_KEY, 'detail', producerId],
    queryFn: () => getProducer(producerId),
  });
}

export function useProducer(producerId: string | null | undefined) {
  return useQuery({ ...producerQueryOptions(producerId ?? ''), enabled: Boolean(producerId) });
}
