/**
 * A certificate's status is derived, every time it is asked, from its dates and the events that
 * touched it (a revocation, a newer certificate, a re-evaluation filed): never a stored flag that
 * can go stale overnight. Rules: Art. 4 (36 months), 8 (revocation 15 days after the finding),
 * 12.3 (a late re-evaluation keeps the certificate valid until the result, at most 180 days).
 */

export const CERTIFICATE_STATUSES = ['valid', 'expiring', 'in_re_evaluation', 'extended', 'expired', 'revoked', 'superseded'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** A re-evaluation dossier filed for the certificate's product and not yet decided. */
export type PendingReEvaluation = { dossierId: string; filedOn: string; lateFiling: boolean };

export type CertificateFacts = {
  issuedOn: string;
  /** Last day of validity (inclusive). */
  expiresOn: string;
  /** The day a revocation takes effect (finding + 15 days), when one was recorded. */
  revokedFrom: string | null;
  /** The day of the decision that issued the newer certificate, when one did. */
  supersededFrom: string | null;
  pendingReEvaluation: PendingReEvaluation | null;
};

export type StatusPolicy = {
  /** Days before expiry from which the certificate counts as expiring (180 by default). */
  expiringWindowDays: number;
  /** Art. 12.3: the most days past expiry a late re-evaluation keeps the certificate valid. */
  lateExtensionMaxDays: number;
};

export const DEFAULT_STATUS_POLICY: StatusPolicy = { expiringWindowDays: 180, lateExtensionMaxDays: 180 };

export type DerivedStatus = {
  status: CertificateStatus;
  /** The first day of this status (when the dates tell it). */
  since: string | null;
  /** The last day the product may show the mark under this certificate, if it still may. */
  validUntil: string | null;
  /** Whole days left to `validUntil` (0 on the last day), null when not valid. */
  daysLeft: number | null;
};

/** Whether a product may show the OCOP mark under a certificate in this status. */
export function mayShowMark(status: CertificateStatus): boolean {
  return status === 'valid' || status === 'expiring' || status === 'in_re_evaluation' || status === 'extended';
}

export function certificateStatus(facts: CertificateFacts, today: string, policy: StatusPolicy = DEFAULT_STATUS_POLICY): DerivedStatus {
  if (facts.revokedFrom !== null && today >= facts.revokedFrom) return ended('revoked', facts.revokedFrom);
  if (facts.supersededFrom !== null && today >= facts.supersededFrom) return ended('superseded', facts.supersededFrom);
  if (today < facts.issuedOn) return ended('valid', facts.issuedOn, facts.expiresOn, today);
  const pending = facts.pendingReEvaluation;
  if (today <= facts.expiresOn) {
    const validUntil = facts.expiresOn;
    if (pending && pending.filedOn <= today) return live('in_re_evaluation', pending.filedOn, validUntil, today);
    const windowStart = addDays(facts.expiresOn, -policy.expiringWindowDays);
    if (today >= windowStart) return live('expiring', windowStart, validUntil, today);
    return live('valid', facts.issuedOn, validUntil, today);
  }
  // Past expiry: a re-evaluation filed (late, or in time but not yet decided) keeps it valid until
  // the result, at most lateExtensionMaxDays past expiry (Art. 12.3).
  const extensionEnd = addDays(facts.expiresOn, policy.lateExtensionMaxDays);
  if (pending && pending.filedOn <= today && today <= extensionEnd)
    return live('extended', addDays(facts.expiresOn, 1), extensionEnd, today);
  return ended('expired', addDays(pending && pending.filedOn <= extensionEnd ? extensionEnd : facts.expiresOn, 1));
}

function live(status: CertificateStatus, since: string, validUntil: string, today: string): DerivedStatus {
  return { status, since, validUntil, daysLeft: daysBetween(today, validUntil) };
}

function ended(status: CertificateStatus, since: string, validUntil: string | null = null, today?: string): DerivedStatus {
  return { status, since, validUntil, daysLeft: validUntil && today ? daysBetween(today, validUntil) : null };
}

function parse(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`not an ISO day: ${day}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

export function addDays(day: string, days: number): string {
  return new Date(parse(day) + days * 86_400_000).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to) - parse(from)) / 86_400_000);
}

/** Last day of a term of `months` starting on `from` (the day before the same date `months` on). */
export function termEnd(from: string, months: number): string {
  const start = new Date(parse(from));
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, start.getUTCDate() - 1)).toISOString().slice(0, 10);
}
