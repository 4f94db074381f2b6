import { DOCUMENT_KINDS } from '@ocop/domain/registry';
import { z } from 'zod';

// ————— Files —————

/** Upload limits, shown in forms and enforced by the server. */
export const UPLOAD_LIMITS = {
  documentBytes: 20 * 1024 * 1024,
  imageBytes: 10 * 1024 * 1024,
  spreadsheetBytes: 20 * 1024 * 1024,
} as const;

export const IMAGE_VARIANT_NAMES = ['thumb', 'medium'] as const;

export const storedFileView = z.object({
  id: z.uuid(),
  originalName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  /** Download address; images also answer `?variant=thumb|medium`. */
  url: z.string(),
  /** Small (320 px) and medium (1024 px) WebP versions of a picture; null for other files. */
  thumbUrl: z.string().nullable(),
  mediumUrl: z.string().nullable(),
  uploadedAt: z.iso.datetime(),
});
export type StoredFileView = z.infer<typeof storedFileView>;

export const fileParams = z.object({ fileId: z.uuid() });
export const fileQuery = z.object({ variant: z.enum(IMAGE_VARIANT_NAMES).optional(), download: z.enum(['1', 'true']).optional() }).strict();

// ————— Product images —————

export const productImageView = z.object({
  id: z.uuid(),
  productId: z.uuid(),
  position: z.number().int(),
  isPrimary: z.boolean(),
  altText: z.string().nullable(),
  file: storedFileView,
});
export type ProductImageView = z.infer<typeof productImageView>;

export const productImageParams = z.object({ productId: z.uuid(), imageId: z.uuid() });

/** The new order of all of a product's images, first to last. */
export const reorderProductImagesBody = z.object({ imageIds: z.array(z.uuid()).min(1).max(100) });

export const updateProductImageBody = z
  .object({
    altText: z.string().trim().max(300).nullish(),
    isPrimary: z.literal(true).optional(),
  })
  .strict();

// ————— Documents —————

const isoDateOrEmpty = z
  .string()
  .trim()
  .transform((value) => (value === '' ? null : value))
  .pipe(z.iso.date().nullable());

/** The text fields sent with a document upload (multipart) or in an update (JSON). */
export const documentFields = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  number: z.string().trim().max(100).nullish(),
  issuer: z.string().trim().max(300).nullish(),
  validFrom: isoDateOrEmpty.nullish(),
  validTo: isoDateOrEmpty.nullish(),
  note: z.string().trim().max(2000).nullish(),
  /** Only on `POST /api/producers/:producerId/documents`: a product of that producer the document is about. */
  productId: z.uuid().nullish(),
});
export type DocumentFields = z.infer<typeof documentFields>;

/** A change of a document's details names the version it read (409 `document.stale_version` when another change came first). */
export const updateDocumentBody = documentFields.omit({ productId: true }).extend({ version: z.number().int().positive() }).strict();

export const documentView = z.object({
  id: z.uuid(),
  producerId: z.uuid(),
  productId: z.uuid().nullable(),
  kind: z.enum(DOCUMENT_KINDS),
  number: z.string().nullable(),
  issuer: z.string().nullable(),
  validFrom: z.iso.date().nullable(),
  validTo: z.iso.date().nullable(),
  /** True when the last valid day is before today (Vietnam time). */
  expired: z.boolean(),
  note: z.string().nullable(),
  version: z.number().int().positive(),
  file: storedFileView,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type DocumentView = z.infer<typeof documentView>;

export const documentParams = z.object({ documentId: z.uuid() });

// ————— Spreadsheet imports —————

export const IMPORT_KIND_VALUES = ['producers', 'products'] as const;
export const IMPORT_STATUS_VALUES = ['queued', 'running', 'completed', 'rejected', 'failed'] as const;

export const importKindParams = z.object({ kind: z.enum(IMPORT_KIND_VALUES) });
export const importParams = z.object({ importId: z.uuid() });
export const templateParams = z.object({ file: z.enum(['producers.xlsx', 'products.xlsx']) });

export const importStartQuery = z
  .object({
    mode: z.enum(['dry-run', 'commit']).default('dry-run'),
    /** Needed only by a system administrator; others import into their own province. */
    provinceCode: z
      .string()
      .regex(/^\d{2}$/)
      .optional(),
  })
  .strict();

/** A problem of one cell (`column` set) or of a row or the file (`column` null), with its Vietnamese text. */
export const importProblemView = z.object({
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  header: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type ImportProblemView = z.infer<typeof importProblemView>;

export const importJobView = z.object({
  id: z.uuid(),
  provinceCode: z.string(),
  kind: z.enum(IMPORT_KIND_VALUES),
  mode: z.enum(['dry-run', 'commit']),
  status: z.enum(IMPORT_STATUS_VALUES),
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']),
  processedRows: z.number().int(),
  /** Known once the whole file has been read. */
  totalRows: z.number().int().nullable(),
  /** The problem that stopped the job, when it failed for a reason other than the data. */
  failure: importProblemView.nullable(),
  summary: z
    .object({
      sheetName: z.string().nullable(),
      headerRow: z.number().int().nullable(),
      dataRows: z.number().int(),
      blankRows: z.number().int(),
      rowsWithProblems: z.number().int(),
      problemCount: z.number().int(),
      problemsTruncated: z.boolean(),
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
    })
    .nullable(),
  problems: z.array(importProblemView),
  notices: z.array(importProblemView),
  /** The upload with a problem column added; present once the job has finished reading. */
  reportUrl: z.string().nullable(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type ImportJobView = z.infer<typeof importJobView>;
