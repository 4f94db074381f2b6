import type { LotJourney } from '@ocop/contracts/traceability';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { LOTS_QUERY_KEY, lotPath } from './lot-queries';

/** The lot's steps in time order, with the steps of the lots it was made from through processing. */
export function useLotJourney(lotId: string) {
  return useQuery({
    queryKey: [...LOTS_QUERY_KEY, 'journey', lotId],
    queryFn: () => api.get<LotJourney>(`${lotPath(lotId)}/journey`),
  });
}
