import { lotJourney } from '@ocop/contracts/traceability';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { capability, requireActor } from '../../../platform/http/access';
import type { LotService } from '../lots/lot.service';
import type { JourneyService } from './journey.service';

const TAG = ['Truy xuất nguồn gốc / Traceability'];

/** The journey of a lot for the back office: whoever may read the lot may read its story. */
export function journeyRoutes(lots: LotService, journeys: JourneyService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/traceability/lots/:lotId/journey',
      {
        config: { access: capability('lots.read') },
        schema: {
          tags: TAG,
          summary: 'The journey of a lot: its steps (and those of the lots it was made from) in time order',
          params: z.object({ lotId: z.uuid() }),
          response: { 200: lotJourney },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await lots.getLot({ userId: actor.userId, grants: actor.grants }, request.params.lotId);
        return journeys.journeyOfLot(request.params.lotId);
      },
    );
  };
}
