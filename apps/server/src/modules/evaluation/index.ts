export { createEvaluationModule, type EvaluationModule } from './evaluation.module';
export { loadEvaluationReference, type EvaluationLoadReport } from './reference/evaluation-reference.loader';
export type { AssessedProduct, AssessedProducts, EvaluationActor } from './self-assessment/self-assessment.service';
export type { CouncilOutcome, SealReport } from './councils/scoring.service';
export type { DossierRegistry } from './dossiers/dossier-ports';
export type { EvaluationEvents } from './evaluation-events';
export type { DossierRecognition, PendingReEvaluationRow } from './dossiers/dossier-recognition.repository';
