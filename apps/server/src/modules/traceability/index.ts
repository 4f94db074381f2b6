export { createTraceabilityModule, type TraceabilityModule } from './traceability.module';
export type { TraceabilityMap, TraceabilityRegistry, TracedProducerPlace, TracedProductFacts } from './traceability-ports';
export type { LotService } from './lots/lot.service';
export type { SiteService } from './sites/site.service';
