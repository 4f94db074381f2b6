import type { RecordStepBody, StepRecordedView } from '@ocop/contracts/traceability';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';
import { LOTS_QUERY_KEY, lotPath } from './lot-queries';

/**
 * Records a step of a lot from a phone form; the server builds and stores its EPCIS events. The
 * journeys of every lot are read again: a processing step joins its input lots' journeys too.
 */
export function useRecordStep(lotId: string) {
  const queryClient = useQueryClient();
  return useMutation<StepRecordedView, ApiError, RecordStepBody>({
    mutationFn: (body) => api.post<StepRecordedView>(`${lotPath(lotId)}/steps`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...LOTS_QUERY_KEY, 'journey'] }),
  });
}
