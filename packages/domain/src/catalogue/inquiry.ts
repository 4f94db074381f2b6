import { DomainError } from '../shared/domain-error';

/** Where an inquiry stands in the producer's inbox. */
export const INQUIRY_STATUSES = ['new', 'read', 'answered', 'closed'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

/** Bounds of what a buyer may write (characters, after trimming). */
export const INQUIRY_LIMITS = { name: 100, contact: 120, quantity: 100, message: 2000 } as const;

/** The form token's age window: a person needs a few seconds to fill the form; a page is cached at most a day. */
export const INQUIRY_TOKEN_MIN_AGE_MS = 3_000;
export const INQUIRY_TOKEN_MAX_AGE_MS = 24 * 3_600_000;

export type InquiryFields = { name: string; contact: string; quantity: string; message: string };
export type InquiryField = keyof InquiryFields;
export type InquiryFieldProblem = 'required' | 'too_long' | 'contact_shape';

// A Vietnamese phone number (0…, +84…) with spaces, dots or dashes between digits, 9–11 digits in all.
const PHONE = /^(\+84|0)[\d .-]{8,14}$/;
const EMAIL = /^[^\s@<>"]{1,64}@[^\s@<>"]+\.[^\s@<>".]{2,}$/;

/** Whether a contact looks like a phone number or an e-mail address. */
export function isContactShape(contact: string): boolean {
  if (EMAIL.test(contact)) return true;
  if (!PHONE.test(contact)) return false;
  const digits = contact.replace(/\D/g, '').replace(/^84/, '0');
  return digits.length >= 10 && digits.length <= 11;
}

/**
 * Trims the fields and finds each one's problem: name, contact and message are required, each has
 * its bound, and the contact must look like a phone number or an e-mail address.
 */
export function checkInquiryFields(input: InquiryFields): {
  fields: InquiryFields;
  problems: Partial<Record<InquiryField, InquiryFieldProblem>>;
} {
  const fields: InquiryFields = {
    name: input.name.trim(),
    contact: input.contact.trim(),
    quantity: input.quantity.trim(),
    message: input.message.trim(),
  };
  const problems: Partial<Record<InquiryField, InquiryFieldProblem>> = {};
  for (const field of ['name', 'contact', 'quantity', 'message'] as const) {
    if (field !== 'quantity' && fields[field] === '') problems[field] = 'required';
    else if ([...fields[field]].length > INQUIRY_LIMITS[field]) problems[field] = 'too_long';
  }
  if (!problems.contact && !isContactShape(fields.contact)) problems.contact = 'contact_shape';
  return { fields, problems };
}

/** What a form token's age says: fine, sent too soon after the page was made, or too old (or from the future). */
export function formTokenAge(issuedAtMs: number, nowMs: number): 'ok' | 'too_fast' | 'expired' {
  const age = nowMs - issuedAtMs;
  // A clock a little behind another process's (a few seconds) must not make a token "from the future" expired.
  if (age < -60_000 || age > INQUIRY_TOKEN_MAX_AGE_MS) return 'expired';
  if (age < INQUIRY_TOKEN_MIN_AGE_MS) return 'too_fast';
  return 'ok';
}

const ORDER: Record<InquiryStatus, number> = { new: 0, read: 1, answered: 2, closed: 3 };

/**
 * The producer's step on an inquiry: it only moves forward (new → read → answered → closed, steps
 * may be skipped); the same status again changes nothing; no way back to "new".
 */
export function nextInquiryStatus(from: InquiryStatus, to: InquiryStatus): InquiryStatus {
  if (to === 'new' || ORDER[to] < ORDER[from]) {
    throw new DomainError('conflict', 'inquiry.status_not_allowed', `An inquiry that is ${from} cannot become ${to}.`, { from, to });
  }
  return to;
}
