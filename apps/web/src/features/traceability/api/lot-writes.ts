import type { CreateLotBody, LotView, UpdateLotBody } from '@ocop/contracts/traceability';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';
import { LOTS_QUERY_KEY, lotPath, lotQueryOptions } from './lot-queries';

/** Records a lot; a code the product already has answers 409 `lot.code_taken`. */
export function useCreateLot() {
  const queryClient = useQueryClient();
  return useMutation<LotView, ApiError, CreateLotBody>({
    mutationFn: (body) => api.post<LotView>('/api/traceability/lots', body),
    onSuccess: (lot) => {
      queryClient.setQueryData(lotQueryOptions(lot.id).queryKey, lot);
      return queryClient.invalidateQueries({ queryKey: [...LOTS_QUERY_KEY, 'list'] });
    },
  });
}

export type UpdateLotInput = { lotId: string; body: UpdateLotBody };

/** `body.revision` is the revision read; 409 `lot.stale_revision` when someone saved meanwhile. */
export function useUpdateLot() {
  const queryClient = useQueryClient();
  return useMutation<LotView, ApiError, UpdateLotInput>({
    mutationFn: ({ lotId, body }) => api.put<LotView>(lotPath(lotId), body),
    onSuccess: (lot) => {
      queryClient.setQueryData(lotQueryOptions(lot.id).queryKey, lot);
      return queryClient.invalidateQueries({ queryKey: [...LOTS_QUERY_KEY, 'list'] });
    },
  });
}
