import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantProvinces, users } from '../../identity/identity.tables';

export const IMPORT_KINDS = ['producers', 'products'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_MODES = ['dry_run', 'commit'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/**
 * queued → running → completed (a dry run that ran to the end, with or without problems; an
 * import that was applied) | rejected (an import refused because of problems: nothing stored) |
 * failed (an unexpected error: nothing stored).
 */
export const IMPORT_STATUSES = ['queued', 'running', 'completed', 'rejected', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** One problem of one cell (or of a whole row when `column` is null), as the dry run reports it. */
export type ImportIssue = { row: number; column: string | null; header: string | null; code: string; details: Record<string, unknown> };

export type ImportReport = {
  format: 'xlsx' | 'csv';
  sheetName: string | null;
  headerRow: number | null;
  dataRows: number;
  blankRows: number;
  rowsWithProblems: number;
  problemCount: number;
  /** Problems beyond this many are counted but not listed; the xlsx report names them all. */
  problems: ImportIssue[];
  problemsTruncated: boolean;
  created: number;
  updated: number;
  unchanged: number;
  /** Notes that are not problems, e.g. a formula whose saved result was used. */
  notices: ImportIssue[];
  /**
   * A digest of which stored record each row matched (or none): a commit of a dry run compares
   * it with its own, and stops when the records matched changed in between.
   */
  matchDigest?: string;
};

/** A spreadsheet import, run in the background; the upload is kept in the file store under `uploadKey`. */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid().primaryKey().defaultRandom(),
    provinceCode: text()
      .notNull()
      .references(() => tenantProvinces.code),
    kind: text({ enum: IMPORT_KINDS }).notNull(),
    mode: text({ enum: IMPORT_MODES }).notNull(),
    status: text({ enum: IMPORT_STATUSES }).notNull(),
    uploadKey: text().notNull(),
    uploadName: text().notNull(),
    uploadFormat: text({ enum: ['xlsx', 'csv'] }).notNull(),
    uploadSizeBytes: integer().notNull(),
    processedRows: integer().notNull().default(0),
    totalRows: integer(),
    report: jsonb().$type<ImportReport>(),
    /** Set when the job itself failed (not the data): the error code shown to the user. */
    failureCode: text(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('import_jobs_province_created_idx').on(t.provinceCode, t.createdAt)],
);

export type ImportJobRow = typeof importJobs.$inferSelect;

/**
 * The stored records an applied import changed, so that its history links to them for good (a
 * later import does not take them away). The records it created need no row here: they carry
 * the import's id as their own `import_id`. The record's kind is the import's.
 */
export const importChanges = pgTable(
  'import_changes',
  {
    importId: uuid()
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    recordId: uuid().notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.recordId] })],
);
