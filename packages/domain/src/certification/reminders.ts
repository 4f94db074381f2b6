import { addDays } from './certificate-status';

/** Reminders before a certificate expires (days before the last valid day), and at expiry (0). */
export const REMINDER_OFFSETS = [180, 120, 30, 0] as const;
export type ReminderOffset = (typeof REMINDER_OFFSETS)[number];

/** How long after expiry the expiry notice is still sent (a job that was down catches up). */
export const EXPIRY_NOTICE_DAYS = 30;

/** The reminders by kind, in the order they fall due. */
export const REMINDER_KINDS = ['before_180', 'before_120', 'before_30', 'expired'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const reminderKind = (offset: ReminderOffset): ReminderKind => (offset === 0 ? 'expired' : `before_${offset}`);

/** The day a reminder falls due: `offset` days before the last valid day; the day after it for the expiry notice. */
export function reminderDueOn(expiresOn: string, offset: ReminderOffset): string {
  return offset === 0 ? addDays(expiresOn, 1) : addDays(expiresOn, -offset);
}

/**
 * The one reminder due today for a certificate, if any: the latest whose day has come, so a job that
 * did not run for a week sends the one that matters now, not four stale ones. `sent` are the kinds
 * already sent; a reminder older than the next one is never sent late.
 */
export function reminderDue(expiresOn: string, today: string, sent: ReadonlySet<ReminderKind>): ReminderOffset | null {
  let due: ReminderOffset | null = null;
  for (const offset of REMINDER_OFFSETS) if (today >= reminderDueOn(expiresOn, offset)) due = offset;
  if (due === null || sent.has(reminderKind(due))) return null;
  // The expiry notice is news for a month; a certificate found long expired (an import) gets none.
  if (due === 0 && today > addDays(expiresOn, EXPIRY_NOTICE_DAYS)) return null;
  return due;
}
