import { useQuery } from '@tanstack/react-query';
import type { LotView } from '@ocop/contracts/traceability';
import { api } from '../../../lib/api-client';
import { LOTS_QUERY_KEY, lotPath } from './lot-queries';

export type JourneyStepKind = 'harvest' | 'processing' | 'packing' | 'shipping' | 'receiving' | 'other';

/** One step of a lot's journey as GET /api/traceability/lots/:lotId/journey answers it. */
export type JourneyStep = {
  eventId: string;
  kind: JourneyStepKind;
  bizStep: string | null;
  labelVi: string;
  labelEn: string;
  /** ISO date-time. */
  eventTime: string;
  lotCode: string;
  productName: string;
  placeName: string | null;
  /** The input lot codes of a processing step. */
  fromLots: string[];
};

export type LotJourney = { lot: LotView; steps: JourneyStep[] };

/** The lot's steps in time order, with the steps of its input lots through processing. */
export function useLotJourney(lotId: string) {
  return useQuery({
    queryKey: [...LOTS_QUERY_KEY, 'journey', lotId],
    queryFn: () => api.get<LotJourney>(`${lotPath(lotId)}/journey`),
  });
}
