export { createTraceabilityModule, type TraceabilityModule } from './traceability.module';
export type {
  PortalProductFacts,
  TraceabilityCertificates,
  TraceabilityMap,
  TraceabilityPublicFacts,
  ScanCertificate,
  TraceabilityNotifier,
  TraceabilityPeople,
  TraceabilityRegistry,
  TracedProducerPlace,
  TracedProductFacts,
} from './traceability-ports';
export type { LotService } from './lots/lot.service';
export type { ApiKeyService } from './api-keys/api-key.service';
export type { SiteService } from './sites/site.service';
export type { StepService } from './steps/step.service';
export type { CaptureActor, CaptureJobView, EpcisCaptureService } from './epcis/epcis-capture.service';
export type { EpcisQueryService } from './epcis/epcis-query.service';
export type { JourneyService } from './journeys/journey.service';
export { createPortalExportService, PORTAL_EXPORT_LIMITS, type PortalExportLimits } from './national-portal/national-portal.service';
export type { ScanService, ScanSettings } from './scans/scan.service';
export type { ScannedStamp } from './scans/scan.repository';
export { DEFAULT_SCAN_RATE_LIMITS, type ScanRateLimits } from './scans/scan.pages';
