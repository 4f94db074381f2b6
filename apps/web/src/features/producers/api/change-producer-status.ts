import type { ChangeProducerStatusBody, ProducerView } from '@ocop/contracts/registry';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';
import { producerQueryOptions } from './get-producer';
import { PRODUCERS_QUERY_KEY } from './list-producers';

export type ChangeProducerStatusInput = { producerId: string; body: ChangeProducerStatusBody };

/** Suspend, re-activate or dissolve (provincial staff only). */
export function changeProducerStatus({ producerId, body }: ChangeProducerStatusInput): Promise<ProducerView> {
  return api.post<ProducerView>(`/api/producers/${encodeURIComponent(producerId)}/status`, body);
}

export function useChangeProducerStatus() {
  const queryClient = useQueryClient();
  return useMutation<ProducerView, ApiError, ChangeProducerStatusInput>({
    mutationFn: changeProducerStatus,
    onSuccess: (producer) => {
      queryClient.setQueryData(producerQueryOptions(producer.id).queryKey, producer);
      return queryClient.invalidateQueries({ queryKey: [...PRODUCERS_QUERY_KEY, 'list'] });
    },
  });
}
