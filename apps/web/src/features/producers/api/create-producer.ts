import type { CreateProducerBody, ProducerView } from '@ocop/contracts/registry';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';
import { PRODUCERS_QUERY_KEY } from './list-producers';

export function createProducer(body: CreateProducerBody): Promise<ProducerView> {
  return api.post<ProducerView>('/api/producers', body);
}

export function useCreateProducer() {
  const queryClient = useQueryClient();
  return useMutation<ProducerView, ApiError, CreateProducerBody>({
    mutationFn: createProducer,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PRODUCERS_QUERY_KEY }),
  });
}
