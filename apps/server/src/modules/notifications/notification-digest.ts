import type { Clock } from '../../platform/clock';
import type { Transactions } from '../../platform/database/transaction';
import type { JobContext, QueueOptions } from '../../platform/jobs/job-queue';
import { PermanentJobError } from '../../platform/jobs/job-queue';
import type { MailTransport } from '../../platform/mail/mail-transport';
import type { NotificationRepository } from './notification.repository';
import type { NotificationRow } from './notification.tables';

/** Most notifications one digest mail lists; more go in the next mail, queued at once. */
export const DIGEST_MAX_ITEMS = 200;
/** A long body is cut in the mail (the inbox shows it whole). */
const BODY_CHARS_IN_MAIL = 500;

/** Who a digest goes to: null when the user no longer exists. */
export type RecipientContact = { email: string | null; fullName: string; disabled: boolean };
export type RecipientDirectory = { contactOf: (userId: string) => Promise<RecipientContact | null> };

/** SMTP outages are retried for about a day: 1, 2, 4 … minutes, at most an hour apart. */
export const DIGEST_QUEUE_OPTIONS: Required<QueueOptions> = {
  maxAttempts: 12,
  retryDelayMs: (attempt) => Math.min(60_000 * 2 ** (attempt - 1), 3_600_000),
};

type DigestPayload = { userId: string };

/**
 * The digest job: one mail listing a user's notifications still waiting to be mailed.
 *
 * Delivery is at least once. The mail is sent before the rows are marked `sent`; if the process
 * dies between the two, or the marking fails, the job runs again and the same items are mailed a
 * second time. The other order could lose a mail, which is worse for work someone must do.
 * A transport failure fails the attempt and the job queue retries it with back-off
 * (DIGEST_QUEUE_OPTIONS); after the last attempt the rows stay `pending` and the user's next
 * notification queues a digest that carries them too.
 */
export function createDigestJob(deps: {
  transactions: Transactions;
  clock: Clock;
  records: NotificationRepository;
  mail: MailTransport;
  recipients: RecipientDirectory;
  publicUrl: string;
  windowMs: number;
  ensureDigestQueued: (userId: string, runAfter: Date) => Promise<void>;
}) {
  const { transactions, clock, records, mail } = deps;

  /** Marks the rows and, under the user's digest lock, queues the next digest if some are still pending. */
  async function finish(userId: string, ids: string[], state: 'sent' | 'skipped', full: boolean) {
    await transactions.run(async () => {
      await records.lockDigestOf(userId);
      await records.settleEmail(ids, state, clock.now());
      if ((await records.countEmailPending(userId)) > 0) {
        // A full mail leaves older items behind: send them now; otherwise they arrived meanwhile and get their own window.
        await deps.ensureDigestQueued(userId, new Date(clock.now().getTime() + (full ? 0 : deps.windowMs)));
      }
    });
  }

  return async (payload: unknown, _context: JobContext) => {
    const userId = (payload as Partial<DigestPayload> | null)?.userId;
    if (typeof userId !== 'string') throw new PermanentJobError('notification.bad_payload', 'A digest job needs a userId.');
    const items = await records.listEmailPending(userId, DIGEST_MAX_ITEMS);
    if (items.length === 0) return { mailed: 0 };
    const full = items.length === DIGEST_MAX_ITEMS;
    const ids = items.map((item) => item.id);
    const contact = await deps.recipients.contactOf(userId);
    if (!contact?.email || contact.disabled) {
      await finish(userId, ids, 'skipped', full);
      return { mailed: 0, skipped: items.length };
    }
    await mail.send({ to: contact.email, ...composeDigest(items, contact.fullName, deps.publicUrl) });
    await finish(userId, ids, 'sent', full);
    return { mailed: items.length };
  };
}

/** The digest's subject and plain-text body: Vietnamese first, then English. */
export function composeDigest(items: readonly NotificationRow[], fullName: string, publicUrl: string) {
  const n = items.length;
  const subject = `OCOP: ${n} việc cần làm / ${n} ${n === 1 ? 'thing' : 'things'} to do`;
  const lines = [
    `Kính gửi ${fullName},`,
    `Bạn có ${n} thông báo mới trên hệ thống OCOP.`,
    `You have ${n} new ${n === 1 ? 'notification' : 'notifications'} in the OCOP system.`,
    '',
  ];
  items.forEach((item, index) => {
    lines.push(`${index + 1}. ${oneLine(item.subject)}`);
    const body = item.body.length > BODY_CHARS_IN_MAIL ? `${item.body.slice(0, BODY_CHARS_IN_MAIL)}…` : item.body;
    for (const line of body.split(/\r?\n/)) lines.push(`   ${line}`);
    if (item.link) lines.push(`   ${publicUrl}${item.link}`);
    lines.push('');
  });
  lines.push(
    `Xem tất cả thông báo / See all notifications: ${publicUrl}/notifications`,
    '',
    'Thư được gửi tự động, vui lòng không trả lời.',
    'This message was sent automatically; please do not reply.',
  );
  return { subject, text: `${lines.join('\n')}\n` };
}

function oneLine(text: string) {
  return text.replace(/\s+/g, ' ').trim();
}
