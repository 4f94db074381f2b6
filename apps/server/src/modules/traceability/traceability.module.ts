import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../platform/clock';
import type { Transactions } from '../../platform/database/transaction';
import type { AuditService } from '../identity';
import { createLotRepository } from './lots/lot.repository';
import { lotRoutes } from './lots/lot.routes';
import { createLotService } from './lots/lot.service';
import { createPortalExportRepository } from './national-portal/national-portal.repository';
import { nationalPortalRoutes } from './national-portal/national-portal.routes';
import { createPortalExportService, type PortalExportLimits } from './national-portal/national-portal.service';
import type { TraceabilityCertificates, TraceabilityMap, TraceabilityRegistry } from './traceability-ports';

export type TraceabilityDeps = {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  registry: TraceabilityRegistry;
  map: TraceabilityMap;
  certificates: TraceabilityCertificates;
  /** The national portal export's bounds (tests lower them). */
  portalExportLimits?: PortalExportLimits;
};

/** Traceability (issue 13): production lots so far; EPCIS events, stamps and the scan page follow. */
export function createTraceabilityModule(deps: TraceabilityDeps) {
  const repository = createLotRepository({ transactions: deps.transactions });
  const lots = createLotService({ ...deps, repository });
  const portalExport = createPortalExportService({
    ...deps,
    repository: createPortalExportRepository({ transactions: deps.transactions }),
    ...(deps.portalExportLimits ? { limits: deps.portalExportLimits } : {}),
  });
  const routes: FastifyPluginAsyncZod[] = [lotRoutes(lots), nationalPortalRoutes(portalExport)];
  return { lots, portalExport, routes };
}

export type TraceabilityModule = ReturnType<typeof createTraceabilityModule>;
