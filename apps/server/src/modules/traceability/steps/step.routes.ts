import { recordStepBody, stepRecordedView } from '@ocop/contracts/traceability';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { capability, requireActor } from '../../../platform/http/access';
import { auditContextOf } from '../../identity';
import type { StepService } from './step.service';

const TAG = ['Truy xuất nguồn gốc / Traceability'];
const params = z.object({ lotId: z.uuid() });

/** The phone forms' steps over HTTP: one POST per step, stored as EPCIS events. */
export function stepRoutes(steps: StepService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/traceability/lots/:lotId/steps',
      {
        config: { access: capability('epcis.capture') },
        schema: {
          tags: TAG,
          summary: 'Record a step of a lot (harvest, processing, packing, shipping, receiving) as EPCIS 2.0 events, without writing JSON',
          params,
          body: recordStepBody,
          response: { 201: stepRecordedView },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const recorded = await steps.recordStep(
          { userId: actor.userId, grants: actor.grants },
          request.params.lotId,
          request.body,
          auditContextOf(request),
        );
        return reply.status(201).send(recorded);
      },
    );
  };
}
