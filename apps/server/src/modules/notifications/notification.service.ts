import { DomainError } from '@ocop/domain/shared';
import type { Clock } from '../../platform/clock';
import type { Transactions } from '../../platform/database/transaction';
import type { JobQueue } from '../../platform/jobs/job-queue';
import { sqlStateOf } from '../../platform/database/sql';
import type { NotificationRepository } from './notification.repository';

/** The durable queue the digests run on; one queued job per user at a time, payload `{ userId }`. */
export const DIGEST_QUEUE = 'notifications.digest';
/** Most recipients one `notify` call takes; a larger audience is a bulk job of its own. */
export const MAX_RECIPIENTS = 500;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FOREIGN_KEY_VIOLATION = '23503';

/** What a notification says; the caller writes subject and body in the words users read (Vietnamese first). */
export type NotificationMessage = {
  /** What happened, e.g. 'dossier.submitted'. */
  kind: string;
  subject: string;
  body: string;
  /** The app's path that acts on it, starting with '/' (e.g. '/dossiers/…'); the mail adds PUBLIC_URL. */
  link?: string;
  entityType?: string;
  entityId?: string;
  provinceCode?: string;
};

/** What other modules receive by injection to tell users what they must do next. */
export type Notifier = {
  /**
   * Writes one notification per distinct recipient (user ids) inside the caller's ambient
   * transaction (or its own), and queues each recipient's digest mail unless one is already
   * queued: the notification and its mail exist exactly when the caller's change commits.
   * At most MAX_RECIPIENTS recipients ('notification.too_many_recipients' otherwise).
   */
  notify: (recipients: readonly string[], message: NotificationMessage) => Promise<void>;
};

export type NotificationService = ReturnType<typeof createNotificationService>;

export function createNotificationService(deps: {
  transactions: Transactions;
  clock: Clock;
  jobs: JobQueue;
  records: NotificationRepository;
  /** How long a digest waits to gather more notifications before it is mailed. */
  digestMinutes: number;
}) {
  const { transactions, clock, jobs, records } = deps;
  const windowMs = deps.digestMinutes * 60_000;

  const notFound = () => new DomainError('not_found', 'notification.not_found', 'No such notification.');

  /** Queues the user's digest unless one is waiting; the caller holds the user's digest lock. */
  async function ensureDigestQueued(userId: string, runAfter: Date) {
    if (await jobs.findQueued(DIGEST_QUEUE, { userId })) return;
    await jobs.enqueue(DIGEST_QUEUE, { userId }, { runAfter });
  }

  const notify: Notifier['notify'] = async (recipients, message) => {
    const distinct = [...new Set(recipients)];
    if (distinct.length > MAX_RECIPIENTS) {
      throw new DomainError('invalid', 'notification.too_many_recipients', 'Too many recipients for one notification.', {
        max: MAX_RECIPIENTS,
        count: distinct.length,
      });
    }
    if (distinct.some((id) => !UUID.test(id))) {
      throw new DomainError('invalid', 'notification.unknown_recipient', 'A recipient is not a user id.');
    }
    if (message.link !== undefined && !message.link.startsWith('/')) throw new Error('A notification link is a path starting with /.');
    if (distinct.length === 0) return;
    // Sorted, so two transactions notifying overlapping groups take the users' locks in one order.
    distinct.sort();
    await transactions.run(async () => {
      const now = clock.now();
      try {
        await records.insertMany(
          distinct.map((userId) => ({
            userId,
            provinceCode: message.provinceCode ?? null,
            kind: message.kind,
            subject: message.subject,
            body: message.body,
            link: message.link ?? null,
            entityType: message.entityType ?? null,
            entityId: message.entityId ?? null,
            createdAt: now,
          })),
        );
      } catch (error) {
        if (sqlStateOf(error) === FOREIGN_KEY_VIOLATION)
          throw new DomainError('invalid', 'notification.unknown_recipient', 'A recipient is not a user.');
        throw error;
      }
      const runAfter = new Date(now.getTime() + windowMs);
      for (const userId of distinct) {
        await records.lockDigestOf(userId);
        await ensureDigestQueued(userId, runAfter);
      }
    });
  };

  return {
    notify,
    ensureDigestQueued,
    windowMs,

    /** A page of the user's own inbox, newest first, with the unread count. */
    list: async (userId: string, query: { unread: boolean; page: number; pageSize: number }) =>
      transactions.run(async () => {
        const { rows, total } = await records.listPage(userId, { unreadOnly: query.unread, page: query.page, pageSize: query.pageSize });
        return { rows, total, unreadCount: await records.countUnread(userId) };
      }),

    /** Marks one of the user's notifications read; another user's answers not found. */
    markRead: async (userId: string, notificationId: string) => {
      const row = await records.markRead(userId, notificationId, clock.now());
      if (!row) throw notFound();
      return row;
    },

    markAllRead: async (userId: string) =>
      transactions.run(async () => {
        const marked = await records.markAllRead(userId, clock.now());
        return { marked, unreadCount: await records.countUnread(userId) };
      }),
  };
}
