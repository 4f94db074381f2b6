export { createTraceabilityModule, type TraceabilityModule } from './traceability.module';
export type { TraceabilityMap, TraceabilityRegistry, TracedProductFacts } from './traceability-ports';
export type { LotService } from './lots/lot.service';
