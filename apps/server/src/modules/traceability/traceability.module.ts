import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../platform/clock';
import type { Transactions } from '../../platform/database/transaction';
import type { AuditService } from '../identity';
import { ANY_EPC_CLASS_ROLES, canonicalKey } from './epcis/epcis-keys';
import { createEpcisCaptureService } from './epcis/epcis-capture.service';
import { createEpcisQueryService } from './epcis/epcis-query.service';
import { createEpcisRepository } from './epcis/epcis.repository';
import { epcisRoutes } from './epcis/epcis.routes';
import { journeyRoutes } from './journeys/journey.routes';
import { createJourneyService } from './journeys/journey.service';
import { createLotRepository } from './lots/lot.repository';
import { lotRoutes } from './lots/lot.routes';
import { createLotService } from './lots/lot.service';
import { createSiteRepository } from './sites/site.repository';
import { siteRoutes } from './sites/site.routes';
import { createSiteService } from './sites/site.service';
import { createStepRepository } from './steps/step.repository';
import { stepRoutes } from './steps/step.routes';
import { createStepService } from './steps/step.service';
import type { TraceabilityMap, TraceabilityRegistry } from './traceability-ports';

export type TraceabilityDeps = {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  registry: TraceabilityRegistry;
  map: TraceabilityMap;
};

/**
 * Traceability (issue 13): production lots, producer sites, the phone forms' steps, lot journeys
 * and the EPCIS 2.0 repository. `routes` go under `/api`; `epcisRoutes` are mounted at the root (`/epcis/…`, the GS1 REST binding's paths).
 */
export function createTraceabilityModule(deps: TraceabilityDeps) {
  const repository = createLotRepository({ transactions: deps.transactions });
  const epcisRepository = createEpcisRepository({ transactions: deps.transactions });
  const lotInEvents = async (classUri: string) =>
    (await epcisRepository.eventsNamingKeys([canonicalKey(classUri)], ANY_EPC_CLASS_ROLES, 1)).length > 0;
  const lots = createLotService({ ...deps, repository, lotInEvents });
  const epcis = {
    capture: createEpcisCaptureService({ ...deps, repository: epcisRepository }),
    query: createEpcisQueryService({ repository: epcisRepository, clock: deps.clock }),
  };
  const siteRepository = createSiteRepository({ transactions: deps.transactions });
  const sites = createSiteService({ ...deps, repository: siteRepository });
  const steps = createStepService({
    ...deps,
    lots: repository,
    sites: siteRepository,
    steps: createStepRepository({ transactions: deps.transactions }),
    capture: (actor, events, audit) => epcis.capture.captureEvents(actor, events, audit),
  });
  // Read points and business locations are named after the producers' sites.
  const journeys = createJourneyService({ ...deps, lots: repository, epcis: epcisRepository, placeNames: siteRepository.namesOfPlaces });
  const routes: FastifyPluginAsyncZod[] = [lotRoutes(lots), journeyRoutes(lots, journeys), siteRoutes(sites), stepRoutes(steps)];
  const rootRoutes: FastifyPluginAsyncZod[] = [epcisRoutes(epcis.capture, epcis.query)];
  return { lots, sites, steps, epcis, journeys, routes, epcisRoutes: rootRoutes };
}

export type TraceabilityModule = ReturnType<typeof createTraceabilityModule>;
