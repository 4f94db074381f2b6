import type { FastifyBaseLogger } from 'fastify';
import { DomainError, isDomainError } from '@ocop/domain/shared';
import { join } from 'node:path';
import { type AppSettings, scanSettingsOf } from './app-settings';
import { catalogueSourcesPort, salesPointMapPort } from './catalogue-ports';
import { certificationEvaluationPort, certificationRegistryPort } from './certification-ports';
import { evaluationRegistryPort } from './evaluation-registry-port';
import { createCatalogueModule } from './modules/catalogue';
import { createCertificationModule } from './modules/certification';
import { createContentModule } from './modules/content';
import { createEvaluationModule, type EvaluationEvents } from './modules/evaluation';
import { createGeographyModule } from './modules/geography';
import { createIdentityModule, SYSTEM_CONTEXT } from './modules/identity';
import { createNotificationsModule } from './modules/notifications';
import { createRegistryModule, type RegistryEvents } from './modules/registry';
import { createTraceabilityModule } from './modules/traceability';
import type { Clock } from './platform/clock';
import type { DatabaseHandle } from './platform/database/database';
import { createTransactions } from './platform/database/transaction';
import { createDomainEvents } from './platform/domain-events';
import type { FileStore } from './platform/files/file-store';
import { createLocalFileStore } from './platform/files/local-file-store';
import { createJobQueue } from './platform/jobs/job-queue';
import { createLoggingTransport } from './platform/mail/logging-transport';
import type { MailTransport } from './platform/mail/mail-transport';
import { createSmtpTransport } from './platform/mail/smtp-transport';
import { createLoggingChannel, type ShortMessageChannel } from './platform/messaging/short-message-channel';
import {
  traceabilityCertificatesPort,
  traceabilityMapPort,
  traceabilityPublicFactsPort,
  traceabilityRegistryPort,
} from './traceability-ports';

/** Every module's events; a module publishes its own and subscribes, here, to any. */
export type AppEvents = RegistryEvents & EvaluationEvents;

export type ModuleDeps = {
  database: DatabaseHandle;
  settings: AppSettings;
  clock: Clock;
  logger: FastifyBaseLogger;
  store?: FileStore | undefined;
  mail?: MailTransport | undefined;
  shortMessages?: ShortMessageChannel[] | undefined;
};

/**
 * The composition root of the modules: creates each one with what it needs from the others (ports, the
 * notifier, the audit log), subscribes the reactions between them, and registers their jobs. Nothing here
 * knows HTTP; `app.ts` registers the routes the modules return. `close` stops what runs in the background,
 * in order (the job worker, the scan writer's last batch, the mail connection), before the database closes.
 */
export async function createAppModules(deps: ModuleDeps) {
  const { database, settings, clock, logger } = deps;
  // One ambient-transaction runner for the whole app: every module's use cases open or join it.
  const transactions = createTransactions(database.db);
  const sessionPolicy = { idleMs: settings.sessionIdleMinutes * 60_000, absoluteMs: settings.sessionAbsoluteHours * 3_600_000 };
  const geography = createGeographyModule({ transactions });
  const identity = createIdentityModule({
    transactions,
    clock,
    adminUnits: geography.adminUnits,
    sessionPolicy,
    secureCookies: settings.publicUrl.startsWith('https://'),
    // The registry and catalogue are created below; a checker is only called later, when a user is given a scoped role.
    scopeCheckers: {
      producer: (id, provinceCode) => registry.producers.assertExistsInProvince(id, provinceCode),
      salesPoint: (id, provinceCode) => catalogue.salesPoints.assertExistsInProvince(id, provinceCode),
    },
  });
  // Durable background jobs: modules register their queues on it; this process's worker starts once the
  // app is ready and, on close, stops its running job at the next safe point (it is run again later).
  const jobs = createJobQueue({ transactions, clock, logger });
  const mail =
    deps.mail ??
    (settings.smtpUrl
      ? createSmtpTransport({ url: settings.smtpUrl, from: settings.mailFrom ?? 'OCOP <no-reply@localhost>' })
      : createLoggingTransport(logger));
  // Notifications: an inbox and digest mails from the job queue; other modules receive `notifications.notifier`.
  const notifications = createNotificationsModule({
    transactions,
    clock,
    jobs,
    mail,
    publicUrl: settings.publicUrl,
    digestMinutes: settings.notifyDigestMinutes ?? 10,
    recipients: {
      contactOf: async (userId) => {
        try {
          const user = await identity.users.getSelf(userId);
          return { email: user.email, fullName: user.fullName, disabled: user.disabledAt !== null };
        } catch (error) {
          if (error instanceof DomainError && error.code === 'user.not_found') return null;
          throw error;
        }
      },
    },
  });
  notifications.registerJobs(jobs);
  // Domain events: published inside the changing transaction; after-commit work goes through the jobs table (an outbox).
  const events = createDomainEvents<AppEvents>({ transactions, clock, jobs });
  const store = deps.store ?? (await createLocalFileStore(settings.filesDir));
  const people = { holders: identity.users.holders };
  const registry = createRegistryModule({
    transactions,
    clock,
    audit: identity.audit,
    adminUnits: geography.adminUnits,
    store,
    jobs,
    events,
    logger,
    // The content module is created below; the registry's blob cleanup asks it only later, after a removal commits.
    blobUsedElsewhere: (key) => content.files.keyInUse(key),
  });
  const evaluation = createEvaluationModule({
    transactions,
    clock,
    audit: identity.audit,
    councilPeople: {
      // Councils seat users by their grants; a missing user is simply not eligible.
      find: async (userId) => {
        const user = await identity.users.getSelf(userId).catch((error: unknown) => {
          if (isDomainError(error) && error.kind === 'not_found') return null;
          throw error;
        });
        return user && { id: user.id, fullName: user.fullName, disabled: user.disabledAt !== null, grants: user.roles };
      },
    },
    products: evaluationRegistryPort({ registry, geography }),
    people: { holders: identity.users.holders, namesOf: identity.users.namesOf },
    notifier: notifications.notifier,
    events,
  });
  const certification = createCertificationModule({
    transactions,
    clock,
    audit: identity.audit,
    evaluation: certificationEvaluationPort(evaluation),
    registry: certificationRegistryPort({ registry, geography }),
    people,
    notifier: notifications.notifier,
    publicUrl: settings.publicUrl,
    verifyCacheMs: (settings.verifyCacheSeconds ?? 60) * 1000,
    jobs,
    shortMessages: deps.shortMessages ?? [createLoggingChannel('sms', logger), createLoggingChannel('zalo', logger)],
    logger,
  });
  const traceability = createTraceabilityModule({
    transactions,
    clock,
    audit: identity.audit,
    registry: traceabilityRegistryPort(registry),
    map: traceabilityMapPort(geography),
    certificates: traceabilityCertificatesPort(certification),
    jobs,
    publicUrl: settings.publicUrl,
    publicFacts: traceabilityPublicFactsPort({ registry, geography, certification }),
    notifier: notifications.notifier,
    people,
    ...scanSettingsOf(settings),
  });
  // The public catalogue, open data and sitemap over the registry and certification, and the showcase and
  // sales points with their shelves and map; buyers' inquiries go to the producer's members.
  const catalogue = createCatalogueModule({
    transactions,
    clock,
    audit: identity.audit,
    sources: catalogueSourcesPort({ registry, certification, geography }),
    map: salesPointMapPort(geography),
    publicUrl: settings.publicUrl,
    mapTiles: settings.mapTiles ?? null,
    notifier: notifications.notifier,
    people,
    ...(settings.inquiryLimits ? { inquiryLimits: settings.inquiryLimits } : {}),
    imageCache: { dir: settings.imageCacheDir ?? join(settings.filesDir, '.public-images') },
  });
  // News and legal texts of the programme: the secretariat writes them, the public edge shows the published ones.
  const content = createContentModule({
    transactions,
    clock,
    audit: identity.audit,
    store,
    publicUrl: settings.publicUrl,
    jobs,
    blobUsedElsewhere: registry.blobInUse,
  });

  // Jobs: the daily certificate job (expiry reminders at 06:00, Vietnam time), the reminders' SMS/Zalo sender,
  // the stamp orders and the traceability exports, the removal of news attachments' bytes.
  certification.registerJobs(jobs);
  traceability.registerJobs(jobs);
  content.registerJobs(jobs);
  await certification.ensureDailyJob(jobs);

  // Subscriptions, before the worker starts: each module's reactions to its own events, then those across modules.
  registry.subscribe(events);
  // A recognition issues its certificate in the decision's own transaction: both are recorded, or neither.
  events.inTransaction('evaluation.product_recognised', async (event) => {
    await certification.issuing.issueOnRecognition(event.payload.dossierId, {
      ...SYSTEM_CONTEXT,
      actorUserId: event.payload.actorUserId,
      actorName: null,
    });
  });
  // A product page keeps its texts as long as the catalogue; an edit here shows at once. (A page read between
  // this and the commit may keep the old text for the catalogue's refresh period, as other processes do.)
  events.inTransaction('registry.product_updated', async (event) => {
    catalogue.catalogue.forgetTexts(event.payload.productId);
  });

  return {
    modules: { geography, identity, registry, evaluation, certification, traceability, catalogue, notifications, content },
    transactions,
    jobs,
    events,
    close: async () => {
      await jobs.stop();
      // Scans waiting in the group-commit writer are written before the database closes.
      await traceability.scans.recorder.close();
      await mail.close();
    },
  };
}

export type AppModules = Awaited<ReturnType<typeof createAppModules>>['modules'];
