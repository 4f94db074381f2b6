import type { ProducerView, UpdateProducerBody } from '@ocop/contracts/registry';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';
import { producerQueryOptions } from './get-producer';
import { PRODUCERS_QUERY_KEY } from './list-producers';

export type UpdateProducerInput = { producerId: string; body: UpdateProducerBody };

/** `body.version` is the version read; the server answers 409 `producer.stale_version` if it moved on. */
export function updateProducer({ producerId, body }: UpdateProducerInput): Promise<ProducerView> {
  return api.patch<ProducerView>(`/api/producers/${encodeURIComponent(producerId)}`, body);
}

export function useUpdateProducer() {
  const queryClient = useQueryClient();
  return useMutation<ProducerView, ApiError, UpdateProducerInput>({
    mutationFn: updateProducer,
    onSuccess: (producer) => {
      queryClient.setQueryData(producerQueryOptions(producer.id).queryKey, producer);
      return queryClient.invalidateQueries({ queryKey: [...PRODUCERS_QUERY_KEY, 'list'] });
    },
  });
}
