import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../platform/clock';
import type { Transactions } from '../../platform/database/transaction';
import type { JobQueue } from '../../platform/jobs/job-queue';
import type { AuditService } from '../identity';
import { createEpcisCaptureService } from './epcis/epcis-capture.service';
import { createEpcisQueryService } from './epcis/epcis-query.service';
import { createEpcisRepository } from './epcis/epcis.repository';
import { epcisRoutes } from './epcis/epcis.routes';
import { journeyRoutes } from './journeys/journey.routes';
import { createJourneyService, type PlaceNames } from './journeys/journey.service';
import { createLotRepository } from './lots/lot.repository';
import { lotRoutes } from './lots/lot.routes';
import { createLotService } from './lots/lot.service';
import { createStampIssuer, STAMP_ISSUE_QUEUE } from './stamps/stamp-issuing';
import { createStampRepository } from './stamps/stamp.repository';
import { stampRoutes } from './stamps/stamp.routes';
import { createStampService } from './stamps/stamp.service';
import { createStampSheets } from './stamps/stamp-sheet';
import { createStampSteps } from './stamps/stamp-steps';
import type { TraceabilityMap, TraceabilityRegistry } from './traceability-ports';

export type TraceabilityDeps = {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  registry: TraceabilityRegistry;
  map: TraceabilityMap;
  jobs: JobQueue;
  /** The address printed in every stamp's QR code. */
  publicUrl: string;
};

// Read points get names once producers' sites are registered.
const noPlaceNames: PlaceNames = async () => new Map();

/**
 * Traceability (issue 13): production lots and the EPCIS 2.0 repository. `routes` go under
 * `/api`; `epcisRoutes` are mounted at the root (`/epcis/…`, the GS1 REST binding's paths).
 */
export function createTraceabilityModule(deps: TraceabilityDeps) {
  const repository = createLotRepository({ transactions: deps.transactions });
  const lots = createLotService({ ...deps, repository });
  const epcisRepository = createEpcisRepository({ transactions: deps.transactions });
  const epcis = {
    capture: createEpcisCaptureService({ ...deps, repository: epcisRepository }),
    query: createEpcisQueryService({ repository: epcisRepository, clock: deps.clock }),
  };
  const journeys = createJourneyService({ ...deps, lots: repository, epcis: epcisRepository, placeNames: noPlaceNames });
  const stampRepository = createStampRepository({ transactions: deps.transactions });
  const stampOrders = createStampService({ ...deps, repository: stampRepository, lots: repository });
  const stampSteps = createStampSteps({ ...deps, repository: stampRepository, lots: repository });
  const stampSheets = createStampSheets({ ...deps, repository: stampRepository, orders: stampOrders });
  const stampIssuer = createStampIssuer({ ...deps, repository: stampRepository });
  const routes: FastifyPluginAsyncZod[] = [
    lotRoutes(lots),
    journeyRoutes(lots, journeys),
    stampRoutes({ orders: stampOrders, steps: stampSteps, sheets: stampSheets, publicUrl: deps.publicUrl }),
  ];
  const rootRoutes: FastifyPluginAsyncZod[] = [epcisRoutes(epcis.capture, epcis.query)];
  return {
    lots,
    epcis,
    journeys,
    stamps: { orders: stampOrders, steps: stampSteps, sheets: stampSheets, issuer: stampIssuer },
    routes,
    epcisRoutes: rootRoutes,
    /** Registers the stamp issuing queue; app.ts calls it before the worker starts. */
    registerJobs: (jobs: JobQueue) =>
      jobs.register(STAMP_ISSUE_QUEUE, stampIssuer.handler, { maxAttempts: 10, retryDelayMs: (attempt) => 5_000 * attempt }),
  };
}

export type TraceabilityModule = ReturnType<typeof createTraceabilityModule>;
