import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../platform/clock';
import type { Transactions } from '../../platform/database/transaction';
import type { JobQueue } from '../../platform/jobs/job-queue';
import type { MailTransport } from '../../platform/mail/mail-transport';
import { createDigestJob, DIGEST_QUEUE_OPTIONS, type RecipientDirectory } from './notification-digest';
import { createNotificationRepository } from './notification.repository';
import { notificationRoutes } from './notification.routes';
import { createNotificationService, DIGEST_QUEUE, type Notifier } from './notification.service';

export type NotificationsDeps = {
  transactions: Transactions;
  clock: Clock;
  jobs: JobQueue;
  mail: MailTransport;
  /** Who a user is for the mail (address, name); identity answers it, through app.ts. */
  recipients: RecipientDirectory;
  /** The address users reach; links in mails are made absolute with it. */
  publicUrl: string;
  /** How long notifications gather before their digest is mailed (NOTIFY_DIGEST_MINUTES). */
  digestMinutes: number;
};

/**
 * Notifications to whoever must act next: an inbox in the app and a digest mail from a durable
 * job (one mail per user per window, not one per click). Other modules get the `notifier`.
 */
export function createNotificationsModule(deps: NotificationsDeps) {
  const records = createNotificationRepository(deps);
  const service = createNotificationService({ ...deps, records });
  const notifier: Notifier = { notify: service.notify };
  const digest = createDigestJob({
    transactions: deps.transactions,
    clock: deps.clock,
    records,
    mail: deps.mail,
    recipients: deps.recipients,
    publicUrl: deps.publicUrl,
    windowMs: service.windowMs,
    ensureDigestQueued: service.ensureDigestQueued,
  });

  /** Registers the digest handler on the job queue; app.ts calls it before the worker starts. */
  const registerJobs = (jobs: JobQueue) => jobs.register(DIGEST_QUEUE, digest, DIGEST_QUEUE_OPTIONS);

  const routes: FastifyPluginAsyncZod[] = [notificationRoutes(service)];
  return { notifier, service, routes, registerJobs };
}

export type NotificationsModule = ReturnType<typeof createNotificationsModule>;
