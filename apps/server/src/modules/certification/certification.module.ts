import type { FastifyPluginAsync } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../platform/clock';
import type { Transactions } from '../../platform/database/transaction';
import type { AuditService } from '../identity';
import { createCertificateIssuing } from './certificates/certificate-issuing';
import { createCertificateRevocation } from './certificates/certificate-revocation';
import { certificatePages } from './certificates/certificate.pages';
import { createCertificateRepository } from './certificates/certificate.repository';
import { certificateRoutes } from './certificates/certificate.routes';
import { createCertificateService } from './certificates/certificate.service';
import type { CertificationEvaluation, CertificationNotifier, CertificationPeople, CertificationRegistry } from './certification-ports';
import { supervisionRoutes } from './supervision/supervision.routes';
import { createCertificateSupervision } from './supervision/supervision.service';

export type CertificationDeps = {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  evaluation: CertificationEvaluation;
  registry: CertificationRegistry;
  people: CertificationPeople;
  notifier: CertificationNotifier;
  /** The public address the verification URLs (and QR codes) carry. */
  publicUrl: string;
};

/** OCOP certificates: issued on recognition, status derived from dates and events, revocation, public verification. */
export function createCertificationModule(deps: CertificationDeps) {
  const repository = createCertificateRepository({ transactions: deps.transactions });
  const certificates = createCertificateService({ ...deps, repository });
  const issuing = createCertificateIssuing({ ...deps, repository });
  const revocation = createCertificateRevocation({ ...deps, repository, certificates });
  const supervision = createCertificateSupervision({ repository, certificates });
  const routes: FastifyPluginAsyncZod[] = [certificateRoutes({ certificates, issuing, revocation }), supervisionRoutes(supervision)];
  const publicRoutes: FastifyPluginAsync[] = [certificatePages(certificates)];
  return {
    certificates,
    issuing,
    revocation,
    supervision,
    /** The question every other module asks: may this product show the OCOP mark today, with how many stars? */
    markOf: certificates.markOf,
    marksOf: certificates.marksOf,
    routes,
    publicRoutes,
  };
}

export type CertificationModule = ReturnType<typeof createCertificationModule>;
