import type { CertificateView } from '@ocop/contracts/certification';
import {
  addDays,
  EXPIRY_NOTICE_DAYS,
  REMINDER_KINDS,
  REMINDER_OFFSETS,
  type ReminderKind,
  reminderDue,
  reminderDueOn,
  reminderKind,
} from '@ocop/domain/certification';
import { reachOf, type RoleGrant } from '@ocop/domain/shared';
import type { Clock } from '../../../platform/clock';
import type { Transactions } from '../../../platform/database/transaction';
import type { JobQueue } from '../../../platform/jobs/job-queue';
import type { AuditContext, AuditService } from '../../identity';
import type { CertificateJoined, CertificateRepository } from '../certificates/certificate.repository';
import { certificateNotFound, type CertificateService } from '../certificates/certificate.service';
import type { CertificationEvaluation, CertificationNotifier, CertificationPeople, ReEvaluationRules } from '../certification-ports';
import { reminderNotice } from './reminder-message';

/** The durable queue of a reminder's short messages (SMS, Zalo); payload `{ certificateId, kind }`. */
export const CHANNELS_QUEUE = 'certification.reminder_channels';
/** Certificates read per page of the sweep. */
export const SWEEP_PAGE_SIZE = 500;

/** What a sweep did; `failed` counts certificates whose reminder could not be written (logged; the next run tries again). */
export type SweepCounts = { today: string; scanned: number; sent: Record<ReminderKind, number>; failed: number };
export type ChannelsPayload = { certificateId: string; kind: ReminderKind };

const noneSent = () => Object.fromEntries(REMINDER_KINDS.map((kind) => [kind, 0])) as Record<ReminderKind, number>;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The reminder due today for a certificate as it stands, if any: the before-expiry reminders go to
 * a valid or expiring certificate, the expiry notice to an expired one; none to a certificate with
 * a revocation (even one not yet in effect), superseded, in re-evaluation or extended.
 */
export function reminderDueFor(view: CertificateView, today: string, sent: ReadonlySet<ReminderKind>): ReminderKind | null {
  if (view.revocation) return null;
  const offset = reminderDue(view.expiresOn, today, sent);
  if (offset === null) return null;
  const kind = reminderKind(offset);
  const eligible = kind === 'expired' ? view.status === 'expired' : view.status === 'valid' || view.status === 'expiring';
  return eligible ? kind : null;
}

/**
 * Expiry reminders (issue 12 item 6): 180, 120 and 30 days before expiry and at expiry, to the
 * producer's members and the province's secretariat, in the app and by the digest mail, and by
 * SMS and Zalo through a job of their own. Each reminder is recorded once per certificate and kind
 * (`certificate_reminders`, primary key), in the transaction that writes its notifications and
 * queues its short messages: a crash leaves all three or none, and no run sends one twice.
 */
export function createCertificateReminders(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  repository: CertificateRepository;
  certificates: CertificateService;
  evaluation: CertificationEvaluation;
  people: CertificationPeople;
  notifier: CertificationNotifier;
  jobs: Pick<JobQueue, 'enqueue'>;
  logger?: { error: (details: object, message: string) => void };
}) {
  const { transactions, clock, audit, repository, certificates, evaluation, people, notifier, jobs } = deps;

  /** Who hears of a certificate's reminder; the secretariat of a province is read once per sweep. */
  function recipientsFinder() {
    const secretariats = new Map<string, string[]>();
    return async (row: CertificateJoined['certificate']): Promise<string[]> => {
      let secretariat = secretariats.get(row.provinceCode);
      if (!secretariat) {
        const holders = await people.holders(['province_admin', 'province_officer'], { provinceCode: row.provinceCode });
        secretariat = holders.map((holder) => holder.id);
        secretariats.set(row.provinceCode, secretariat);
      }
      const members = row.producerId
        ? await people.holders(['producer_member'], { provinceCode: row.provinceCode, producerId: row.producerId })
        : [];
      return [...new Set([...members.map((member) => member.id), ...secretariat])];
    };
  }

  /** One reminder in one transaction: recorded, told, its short messages queued; false when it was recorded already. */
  async function remind(
    row: CertificateJoined['certificate'],
    kind: ReminderKind,
    today: string,
    recipients: string[],
    rules: ReEvaluationRules,
  ) {
    const offset = REMINDER_OFFSETS[REMINDER_KINDS.indexOf(kind)] ?? 0;
    return transactions.run(async () => {
      const saved = await repository.insertReminder({
        certificateId: row.id,
        kind,
        dueOn: reminderDueOn(row.expiresOn, offset),
        sentAt: clock.now(),
      });
      if (!saved) return false; // another run (the daily job, a manual run, another process) sent it
      const notice = reminderNotice({ kind, today, rules, ...row });
      await notifier.notify(recipients, {
        kind: kind === 'expired' ? 'certificate.expired' : 'certificate.expiring',
        ...notice,
        entityType: 'certificate',
        entityId: row.id,
        provinceCode: row.provinceCode,
      });
      const payload: ChannelsPayload = { certificateId: row.id, kind };
      await jobs.enqueue(CHANNELS_QUEUE, payload);
      return true;
    });
  }

  /**
   * Reads the current certificates whose reminder window holds today, page by page (yielding to
   * the event loop between pages), and sends each the reminder due. Stops at the next page once
   * `signal` aborts; a later run picks up where it stopped, because what was sent is recorded.
   */
  async function sweep(
    options: {
      provinceCodes?: readonly string[] | 'all';
      signal?: AbortSignal;
      onPage?: (counts: SweepCounts) => Promise<void>;
      pageSize?: number;
    } = {},
  ): Promise<SweepCounts> {
    const today = certificates.today();
    const counts: SweepCounts = { today, scanned: 0, sent: noneSent(), failed: 0 };
    // Only certificates some reminder can be due for: from 180 days before expiry to the end of the expiry notice.
    const window = {
      expiresAfter: addDays(today, -(EXPIRY_NOTICE_DAYS + 1)),
      expiresUpTo: addDays(today, Math.max(...REMINDER_OFFSETS)),
      provinceCodes: options.provinceCodes ?? 'all',
    };
    const recipientsOf = recipientsFinder();
    let rules: ReEvaluationRules | null = null;
    let afterId: string | null = null;
    for (;;) {
      options.signal?.throwIfAborted();
      const rows = await repository.pageForSweep(afterId, window, options.pageSize ?? SWEEP_PAGE_SIZE);
      if (rows.length === 0) break;
      afterId = rows[rows.length - 1]?.certificate.id ?? null;
      counts.scanned += rows.length;
      const [views, sentKinds] = await Promise.all([
        certificates.viewsOf(rows),
        repository.reminderKindsOf(rows.map((row) => row.certificate.id)),
      ]);
      for (const [index, view] of views.entries()) {
        const row = rows[index]?.certificate;
        const kind = row && reminderDueFor(view, today, sentKinds.get(view.id) ?? new Set());
        if (!row || !kind) continue;
        rules ??= await evaluation.reEvaluationRules();
        try {
          if (await remind(row, kind, today, await recipientsOf(row), rules)) counts.sent[kind]++;
        } catch (error) {
          // One certificate's failure does not hold back the others; it is due again at the next run.
          counts.failed++;
          deps.logger?.error({ err: error, certificateId: row.id, kind }, 'certificate reminder failed');
        }
      }
      await options.onPage?.(counts);
      await yieldToEventLoop();
    }
    return counts;
  }

  return {
    sweep,

    /** The sweep run now by a province's staff (their provinces) or a system admin (all), recorded in the audit. */
    runNow: async (actor: { grants: readonly RoleGrant[] }, context: AuditContext): Promise<SweepCounts> => {
      const reach = reachOf(actor.grants, 'certificates.manage');
      if (reach !== 'all' && reach.provinceCodes.length === 0) throw certificateNotFound();
      const provinceCodes = reach === 'all' ? 'all' : reach.provinceCodes;
      const counts = await sweep({ provinceCodes });
      await audit.record(context, {
        action: 'certification.reminders_run',
        entityType: 'certificate_reminders',
        entityId: null,
        provinceCode: provinceCodes !== 'all' && provinceCodes.length === 1 ? (provinceCodes[0] ?? null) : null,
        after: counts,
      });
      return counts;
    },
  };
}

export type CertificateReminders = ReturnType<typeof createCertificateReminders>;
