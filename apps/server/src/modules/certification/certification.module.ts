import type { FastifyPluginAsync } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../platform/clock';
import type { Transactions } from '../../platform/database/transaction';
import type { JobQueue } from '../../platform/jobs/job-queue';
import type { ShortMessageChannel } from '../../platform/messaging/short-message-channel';
import type { AuditService } from '../identity';
import { createCertificateChangeToken } from './certificates/certificate-change-token';
import { createCertificateDocuments } from './certificates/certificate-documents';
import { createCertificateIssuing } from './certificates/certificate-issuing';
import { createCertificateRevocation } from './certificates/certificate-revocation';
import { certificatePages } from './certificates/certificate.pages';
import { createCertificateRepository } from './certificates/certificate.repository';
import { certificateRoutes } from './certificates/certificate.routes';
import { createCertificateService } from './certificates/certificate.service';
import type { CertificationEvaluation, CertificationNotifier, CertificationPeople, CertificationRegistry } from './certification-ports';
import { createLegacyImport } from './legacy/legacy-import.service';
import { legacyRoutes } from './legacy/legacy.routes';
import { supervisionRoutes } from './supervision/supervision.routes';
import { createCertificateSupervision } from './supervision/supervision.service';
import { createCertificateReminders } from './reminders/certificate-reminders';
import { createReminderChannels } from './reminders/reminder-channels';
import { createReminderJobs } from './reminders/reminder-job';
import { reminderRoutes } from './reminders/reminder.routes';

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
  /** How long a public verification answer is reused (0: never). */
  verifyCacheMs: number;
  /** Where the daily reminder job and the reminders' short messages run. */
  jobs: JobQueue;
  /** SMS and Zalo: every reminder goes out through each (logging defaults until a provider is configured). */
  shortMessages: readonly ShortMessageChannel[];
  logger?: { error: (details: object, message: string) => void };
};

/** OCOP certificates: issued on recognition, status derived from dates and events, revocation, public verification. */
export function createCertificationModule(deps: CertificationDeps) {
  const repository = createCertificateRepository({ transactions: deps.transactions });
  const certificates = createCertificateService({ ...deps, repository });
  const issuing = createCertificateIssuing({ ...deps, repository, onChange: certificates.forgetCached });
  const revocation = createCertificateRevocation({ ...deps, repository, certificates });
  const documents = createCertificateDocuments({ repository, certificates });
  const legacy = createLegacyImport({ ...deps, repository, certificates });
  const supervision = createCertificateSupervision({ repository, certificates });
  const reminders = createCertificateReminders({ ...deps, repository, certificates });
  const reminderJobs = createReminderJobs({
    clock: deps.clock,
    reminders,
    channels: createReminderChannels({ ...deps, repository, certificates, channels: deps.shortMessages }),
  });
  const routes: FastifyPluginAsyncZod[] = [
    certificateRoutes({ certificates, issuing, revocation, documents }),
    legacyRoutes(legacy),
    supervisionRoutes(supervision),
    reminderRoutes(reminders),
  ];
  const publicRoutes: FastifyPluginAsync[] = [certificatePages(certificates)];
  return {
    certificates,
    issuing,
    revocation,
    documents,
    /** Certificates issued before the system, imported from the legacy template. */
    legacy,
    supervision,
    reminders,
    /** Registers the daily job and the reminders' short messages on the queue; app.ts calls it before the worker starts. */
    registerJobs: reminderJobs.register,
    /** Queues the daily job unless one is queued (at every start). */
    ensureDailyJob: reminderJobs.ensureQueued,
    /** The question every other module asks: may this product show the OCOP mark today, with how many stars? */
    markOf: certificates.markOf,
    marksOf: certificates.marksOf,
    /** Changes whenever the marks may have changed, the day in Vietnam included (the public catalogue rebuilds on it). */
    marksChangeToken: createCertificateChangeToken({ transactions: deps.transactions, today: certificates.today }),
    routes,
    publicRoutes,
  };
}

export type CertificationModule = ReturnType<typeof createCertificationModule>;
