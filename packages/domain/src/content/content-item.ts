import { DomainError } from '../shared/domain-error';

/** News articles of the programme and legal texts (decisions, guides, plans) the secretariat publishes. */
export const CONTENT_KINDS = ['news', 'legal'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

/** What a legal text is; the public list of legal texts filters on it. */
export const LEGAL_KINDS = ['law', 'decree', 'decision', 'circular', 'plan', 'guide', 'other'] as const;
export type LegalKind = (typeof LEGAL_KINDS)[number];

export const CONTENT_STATUSES = ['draft', 'published', 'unpublished'] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];

export const CONTENT_ACTIONS = ['publish', 'unpublish'] as const;
export type ContentAction = (typeof CONTENT_ACTIONS)[number];

/** Every bound of an item, in one place: the contracts, the sanitiser and the web form read these. */
export const CONTENT_LIMITS = {
  titleLength: 300,
  summaryLength: 1_000,
  slugLength: 80,
  /** The sanitised HTML of the body, in UTF-8 bytes; the request body may be larger only by its JSON quoting. */
  bodyBytes: 200 * 1024,
  documentNumberLength: 100,
  issuingBodyLength: 300,
  /** Attachments and pictures of one item. */
  filesPerItem: 20,
  attachmentBytes: 20 * 1024 * 1024,
  imageBytes: 10 * 1024 * 1024,
  /** Items on a public list page and in the RSS feed. */
  publicPageSize: 10,
  feedItems: 20,
} as const;

/**
 * draft → published ⇄ unpublished. Publishing a published item or unpublishing what is not public is
 * refused (409), so two secretaries pressing the same button learn the other came first.
 */
const STEPS: Readonly<Record<ContentAction, readonly ContentStatus[]>> = {
  publish: ['draft', 'unpublished'],
  unpublish: ['published'],
};

export function nextContentStatus(status: ContentStatus, action: ContentAction): ContentStatus {
  if (!STEPS[action].includes(status)) {
    throw new DomainError('conflict', 'content.step_not_allowed', `Cannot ${action} an item that is ${status}.`, { status, action });
  }
  return action === 'publish' ? 'published' : 'unpublished';
}

/**
 * When a publication counts as published: the first publication's time stays, so unpublishing and
 * publishing again to fix a typo does not move an article to the top of the news or the feed.
 */
export function publishedAtAfter(action: ContentAction, previous: Date | null, now: Date): Date | null {
  if (action === 'publish') return previous ?? now;
  return previous;
}

/** A legal text must say what it is, who issued it and when it was signed; its effective date is not before that. */
export function checkLegalFields(fields: {
  legalKind: LegalKind | null;
  documentNumber: string | null;
  issuingBody: string | null;
  signedOn: string | null;
  effectiveOn: string | null;
}) {
  const missing = (['legalKind', 'documentNumber', 'issuingBody', 'signedOn'] as const).find((key) => !fields[key]);
  if (missing) throw new DomainError('invalid', 'content.legal_field_required', 'A legal text needs this field.', { field: missing });
  if (fields.effectiveOn && fields.signedOn && fields.effectiveOn < fields.signedOn) {
    throw new DomainError('invalid', 'content.effective_before_signed', 'The effective date is before the signing date.', {
      field: 'effectiveOn',
    });
  }
}
