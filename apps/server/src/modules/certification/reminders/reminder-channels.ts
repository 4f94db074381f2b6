import { REMINDER_KINDS, type ReminderKind } from '@ocop/domain/certification';
import type { Clock } from '../../../platform/clock';
import { type JobContext, type JobQueue, PermanentJobError } from '../../../platform/jobs/job-queue';
import type { ShortMessageChannel } from '../../../platform/messaging/short-message-channel';
import { normaliseVietnamesePhone } from '../../../platform/messaging/vietnamese-phone';
import type { CertificateRepository } from '../certificates/certificate.repository';
import type { CertificateService } from '../certificates/certificate.service';
import type { CertificationEvaluation, CertificationRegistry } from '../certification-ports';
import type { ChannelsPayload } from './certificate-reminders';
import { reminderShortText } from './reminder-message';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function payloadOf(payload: unknown): ChannelsPayload {
  const { certificateId, kind } = (payload ?? {}) as Partial<ChannelsPayload>;
  if (typeof certificateId !== 'string' || !UUID.test(certificateId) || !REMINDER_KINDS.includes(kind as ReminderKind))
    throw new PermanentJobError('certificate.reminder_payload_invalid', 'Not a reminder of a certificate.');
  return { certificateId, kind: kind as ReminderKind };
}

/** The channels a retried attempt already delivered through, as the previous attempt stored them in the job's progress. */
async function deliveredBefore(jobs: Pick<JobQueue, 'get'>, context: JobContext): Promise<Set<string>> {
  if (context.attempt <= 1) return new Set();
  const progress = (await jobs.get(context.jobId))?.progress as { delivered?: unknown } | null | undefined;
  return new Set(Array.isArray(progress?.delivered) ? progress.delivered.filter((name): name is string => typeof name === 'string') : []);
}

/**
 * The job that sends a recorded reminder by SMS and Zalo to the producer's phone, once: it does
 * nothing when `channels_sent_at` is set, and sets it after the last channel delivered. Each
 * channel that delivered is noted in the job's progress at once, so a retry (after another channel
 * failed) skips it. At least once, not exactly once: a crash between a provider's acceptance and
 * that note (or the final mark) sends that one message again on the retry; providers offer no
 * idempotency key to close that window.
 */
export function createReminderChannels(deps: {
  clock: Clock;
  repository: CertificateRepository;
  certificates: CertificateService;
  evaluation: CertificationEvaluation;
  registry: CertificationRegistry;
  channels: readonly ShortMessageChannel[];
  jobs: Pick<JobQueue, 'get'>;
  publicUrl: string;
}) {
  const { clock, repository, certificates, evaluation, registry, channels, jobs } = deps;

  return async (payload: unknown, context: JobContext) => {
    const { certificateId, kind } = payloadOf(payload);
    const reminder = await repository.findReminder(certificateId, kind);
    if (!reminder) throw new PermanentJobError('certificate.reminder_not_found', 'No such reminder.');
    if (reminder.channelsSentAt) return { skipped: 'already_sent' };
    const row = (await repository.findJoined(certificateId))?.certificate;
    if (!row?.producerId) return { skipped: 'no_producer' };
    const contact = await registry.producerContact(row.producerId);
    const phone = contact?.phone ? normaliseVietnamesePhone(contact.phone) : null;
    // Left unmarked: a phone added later does not bring back an old reminder, but the column says none went out.
    if (!phone?.mobile) return { skipped: 'no_mobile_phone' };

    const text = reminderShortText(
      { kind, today: certificates.today(), rules: await evaluation.reEvaluationRules(), ...row },
      deps.publicUrl,
    );
    const delivered = await deliveredBefore(jobs, context);
    for (const channel of channels) {
      if (delivered.has(channel.name)) continue;
      context.signal.throwIfAborted();
      await channel.send(phone.e164, text);
      delivered.add(channel.name);
      await context.progress({ delivered: [...delivered] });
    }
    await repository.markChannelsSent(certificateId, kind, clock.now());
    return { delivered: [...delivered] };
  };
}
