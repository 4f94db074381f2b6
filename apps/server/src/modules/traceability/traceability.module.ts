import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../platform/clock';
import type { Transactions } from '../../platform/database/transaction';
import type { AuditService } from '../identity';
import { createLotRepository } from './lots/lot.repository';
import { lotRoutes } from './lots/lot.routes';
import { createLotService } from './lots/lot.service';
import { createSiteRepository } from './sites/site.repository';
import { siteRoutes } from './sites/site.routes';
import { createSiteService } from './sites/site.service';
import type { TraceabilityMap, TraceabilityRegistry } from './traceability-ports';

export type TraceabilityDeps = {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  registry: TraceabilityRegistry;
  map: TraceabilityMap;
};

/** Traceability (issue 13): production lots so far; EPCIS events, stamps and the scan page follow. */
export function createTraceabilityModule(deps: TraceabilityDeps) {
  const repository = createLotRepository({ transactions: deps.transactions });
  const lots = createLotService({ ...deps, repository });
  const sites = createSiteService({ ...deps, repository: createSiteRepository({ transactions: deps.transactions }) });
  const routes: FastifyPluginAsyncZod[] = [lotRoutes(lots), siteRoutes(sites)];
  return { lots, sites, routes };
}

export type TraceabilityModule = ReturnType<typeof createTraceabilityModule>;
