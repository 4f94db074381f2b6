export { createTraceabilityModule, type TraceabilityModule } from './traceability.module';
export type { TraceabilityMap, TraceabilityRegistry, TracedProducerPlace, TracedProductFacts } from './traceability-ports';
export type { LotService } from './lots/lot.service';
export type { SiteService } from './sites/site.service';
export type { StepService } from './steps/step.service';
export type { CaptureActor, CaptureJobView, EpcisCaptureService } from './epcis/epcis-capture.service';
export type { EpcisQueryService } from './epcis/epcis-query.service';
export type { JourneyService } from './journeys/journey.service';
