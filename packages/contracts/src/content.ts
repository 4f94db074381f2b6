import { CONTENT_KINDS, CONTENT_LIMITS, CONTENT_STATUSES, LEGAL_KINDS } from '@ocop/domain/content';
import { z } from 'zod';
import { isoDate, pageOf } from './common';

export { CONTENT_KINDS, CONTENT_LIMITS, CONTENT_STATUSES, LEGAL_KINDS };

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullish();
const slug = z
  .string()
  .max(CONTENT_LIMITS.slugLength)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'chữ thường không dấu, số và dấu gạch ngang / lower-case letters, digits and hyphens');

/**
 * The body is HTML from the editor; the server keeps only what its allowlist lets through. The
 * request may carry up to twice the stored bound (markup the sanitiser removes), never more.
 */
const bodyHtml = z.string().max(CONTENT_LIMITS.bodyBytes * 2);

export const contentFields = z.object({
  title: text(CONTENT_LIMITS.titleLength).min(1),
  slug: slug.nullish(),
  summary: optionalText(CONTENT_LIMITS.summaryLength),
  bodyHtml,
  legalKind: z.enum(LEGAL_KINDS).nullish(),
  documentNumber: optionalText(CONTENT_LIMITS.documentNumberLength),
  issuingBody: optionalText(CONTENT_LIMITS.issuingBodyLength),
  signedOn: isoDate.nullish(),
  effectiveOn: isoDate.nullish(),
});

export const createContentBody = contentFields.extend({
  kind: z.enum(CONTENT_KINDS),
  /** Only a system administrator names it; the province staff write for their own province. */
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .nullish(),
});
export type CreateContentBody = z.infer<typeof createContentBody>;

export const updateContentBody = contentFields.extend({
  version: z.number().int().min(1),
  /** One of the item's own pictures, or null for none; left out, the cover stays. */
  coverFileId: z.uuid().nullish(),
});
export type UpdateContentBody = z.infer<typeof updateContentBody>;

export const contentStepBody = z.object({ version: z.number().int().min(1) });

export const contentParams = z.object({ itemId: z.uuid() });
export const contentFileParams = z.object({ itemId: z.uuid(), fileId: z.uuid() });

export const contentListQuery = z.object({
  kind: z.enum(CONTENT_KINDS).optional(),
  status: z.enum(CONTENT_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ContentListQuery = z.infer<typeof contentListQuery>;

export const contentFileView = z.object({
  id: z.string(),
  purpose: z.enum(['attachment', 'image']),
  originalName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  /** The public address (answers only while the item is published) that the body's pictures use. */
  url: z.string(),
  uploadedAt: z.string(),
});
export type ContentFileView = z.infer<typeof contentFileView>;

export const contentItemView = z.object({
  id: z.string(),
  kind: z.enum(CONTENT_KINDS),
  provinceCode: z.string(),
  slug: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  bodyHtml: z.string(),
  status: z.enum(CONTENT_STATUSES),
  publishedAt: z.string().nullable(),
  coverFileId: z.string().nullable(),
  legalKind: z.enum(LEGAL_KINDS).nullable(),
  documentNumber: z.string().nullable(),
  issuingBody: z.string().nullable(),
  signedOn: z.string().nullable(),
  effectiveOn: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  files: z.array(contentFileView),
  publicUrl: z.string(),
});
export type ContentItemView = z.infer<typeof contentItemView>;

export const contentSummaryView = contentItemView.omit({ bodyHtml: true, files: true });
export type ContentSummaryView = z.infer<typeof contentSummaryView>;
export const contentPageView = pageOf(contentSummaryView);
export type ContentPageView = z.infer<typeof contentPageView>;

/** The public pages' query: `?page=` and `?lang=` for the frame texts, `?loai=` (legal kind) on the legal texts. */
export const publicContentQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  lang: z.enum(['vi', 'en']).default('vi'),
  loai: z.enum(LEGAL_KINDS).optional(),
});
export type PublicContentQuery = z.infer<typeof publicContentQuery>;
