export { createTraceabilityModule, type TraceabilityModule } from './traceability.module';
export type {
  PortalProductFacts,
  TraceabilityCertificates,
  TraceabilityMap,
  TraceabilityRegistry,
  TracedProductFacts,
} from './traceability-ports';
export type { LotService } from './lots/lot.service';
export { createPortalExportService, PORTAL_EXPORT_LIMITS, type PortalExportLimits } from './national-portal/national-portal.service';
