export { createCertificationModule, type CertificationModule } from './certification.module';
export type { CertificationEvaluation, CertificationRegistry, ReEvaluationRules } from './certification-ports';
