export { createCertificationModule, type CertificationModule } from './certification.module';
export type { CertificationEvaluation, CertificationRegistry } from './certification-ports';
