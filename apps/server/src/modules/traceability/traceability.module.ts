import type { FastifyPluginAsync } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../platform/clock';
import type { Transactions } from '../../platform/database/transaction';
import type { JobQueue } from '../../platform/jobs/job-queue';
import type { AuditService } from '../identity';
import { createApiKeyRepository } from './api-keys/api-key.repository';
import { apiKeyRoutes } from './api-keys/api-key.routes';
import { createApiKeyService } from './api-keys/api-key.service';
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
import { createPortalExportRepository } from './national-portal/national-portal.repository';
import { nationalPortalRoutes } from './national-portal/national-portal.routes';
import { createPortalExportService, type PortalExportLimits } from './national-portal/national-portal.service';
import { resolverPages } from './resolver/resolver.pages';
import { createResolverService } from './resolver/resolver.service';
import { createStampIssuer, STAMP_ISSUE_QUEUE } from './stamps/stamp-issuing';
import { createStampRepository } from './stamps/stamp.repository';
import { stampRoutes } from './stamps/stamp.routes';
import { createStampService } from './stamps/stamp.service';
import { createStampSheets } from './stamps/stamp-sheet';
import { createStampSteps } from './stamps/stamp-steps';
import { createScanAnalyticsService } from './scans/scan-analytics.service';
import { createScanRepository } from './scans/scan.repository';
import { type ScanRateLimits, scanPages } from './scans/scan.pages';
import { scanRoutes } from './scans/scan.routes';
import { createScanService, type ScanSettings } from './scans/scan.service';
import type {
  TraceabilityCertificates,
  TraceabilityMap,
  TraceabilityNotifier,
  TraceabilityPeople,
  TraceabilityPublicFacts,
  TraceabilityRegistry,
} from './traceability-ports';

export type TraceabilityDeps = {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  registry: TraceabilityRegistry;
  map: TraceabilityMap;
  certificates: TraceabilityCertificates;
  /** The national portal export's bounds (tests lower them). */
  portalExportLimits?: PortalExportLimits;
  jobs: JobQueue;
  /** The address printed in every stamp's QR code. */
  publicUrl: string;
  /** What the public scan page shows of the product, its producer and its certificate. */
  publicFacts: TraceabilityPublicFacts;
  /** Who hears of a fake report (the inbox); none: reports are only listed. */
  notifier?: TraceabilityNotifier;
  people?: TraceabilityPeople;
  /** The scan page's place header, address salt, suspicion rules and reuse time. */
  scanSettings: ScanSettings;
  /** The scan page's rate limits per address (tests lower them). */
  scanRateLimits?: ScanRateLimits;
};

/**
 * Traceability (issue 13): production lots, producer sites, the phone forms' steps, lot journeys,
 * the EPCIS 2.0 repository and the API keys of producers' software. `routes` go under `/api`;
 * `epcisRoutes` are mounted at the root (`/epcis/…`, the GS1 REST binding's paths).
 * `apiKeys.authenticator` is what app.ts hands the back office's access hook for `Authorization: Bearer ocop_…`.
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
  const portalExport = createPortalExportService({
    ...deps,
    repository: createPortalExportRepository({ transactions: deps.transactions }),
    ...(deps.portalExportLimits ? { limits: deps.portalExportLimits } : {}),
  });
  const apiKeys = createApiKeyService({ ...deps, repository: createApiKeyRepository({ transactions: deps.transactions }) });
  const stampRepository = createStampRepository({ transactions: deps.transactions });
  const stampOrders = createStampService({ ...deps, repository: stampRepository, lots: repository });
  const stampSteps = createStampSteps({ ...deps, repository: stampRepository, lots: repository });
  const stampSheets = createStampSheets({ ...deps, repository: stampRepository, orders: stampOrders });
  const stampIssuer = createStampIssuer({ ...deps, repository: stampRepository });
  const scanRepository = createScanRepository({ transactions: deps.transactions });
  const scans = createScanService({
    ...deps,
    repository: scanRepository,
    lots: repository,
    journeys,
    settings: deps.scanSettings,
  });
  const scanAnalytics = createScanAnalyticsService({ ...deps, repository: scanRepository, lots: repository });
  const routes: FastifyPluginAsyncZod[] = [
    lotRoutes(lots),
    journeyRoutes(lots, journeys),
    nationalPortalRoutes(portalExport),
    apiKeyRoutes(apiKeys),
    siteRoutes(sites),
    stepRoutes(steps),
    stampRoutes({ orders: stampOrders, steps: stampSteps, sheets: stampSheets, publicUrl: deps.publicUrl }),
    scanRoutes(scanAnalytics),
  ];
  const rootRoutes: FastifyPluginAsyncZod[] = [epcisRoutes(epcis.capture, epcis.query)];
  // The GS1 Digital Link resolver (`/01/…`, `/.well-known/gs1resolver`).
  const resolver = createResolverService(deps);
  // On the public edge: the scan page (`/s/:serial`) and the resolver.
  const publicRoutes: FastifyPluginAsync[] = [
    scanPages(scans, { settings: deps.scanSettings, ...(deps.scanRateLimits ? { limits: deps.scanRateLimits } : {}) }),
    resolverPages(resolver, deps.publicUrl),
  ];
  return {
    lots,
    sites,
    steps,
    epcis,
    journeys,
    portalExport,
    apiKeys,
    stamps: { orders: stampOrders, steps: stampSteps, sheets: stampSheets, issuer: stampIssuer },
    scans,
    scanAnalytics,
    /**
     * The stamp of a serial as stored (20 characters), with its order's product and lot; undefined
     * when none (or still being issued). For the Digital Link resolver: it records no scan.
     */
    stampBySerial: scanRepository.findStamp,
    routes,
    publicRoutes,
    epcisRoutes: rootRoutes,
    resolver,
    /** Registers the stamp issuing queue; app.ts calls it before the worker starts. */
    registerJobs: (jobs: JobQueue) =>
      jobs.register(STAMP_ISSUE_QUEUE, stampIssuer.handler, { maxAttempts: 10, retryDelayMs: (attempt) => 5_000 * attempt }),
  };
}

export type TraceabilityModule = ReturnType<typeof createTraceabilityModule>;
