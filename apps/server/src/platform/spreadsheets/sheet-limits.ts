import { DomainError, type ErrorCode } from '@ocop/domain/shared';

/**
 * The most work one uploaded spreadsheet may cause. A file of a few hundred KB can otherwise
 * unpack to gigabytes (a 300 MB shared string, 20,000 rows reaching column XFD, a quote that
 * never closes) and take the server down for every province; each limit stops the job instead.
 */

/** Bytes an .xlsx may unpack to in all (its central directory is checked before inflating, and the inflated bytes while streaming). */
export const MAX_XLSX_UNPACKED_BYTES = 100 * 1024 * 1024;
/** Entries of an .xlsx archive; a workbook has a few dozen. */
export const MAX_XLSX_ENTRIES = 2_000;
/** Data rows read from one file (rows with at least one cell), header and titles included. */
export const MAX_SHEET_ROWS = 100_000;
/** Columns read per row: the templates use fewer than 40; cells beyond are skipped unread. */
export const MAX_SHEET_COLUMNS = 64;
/** Characters in one cell: Excel's own limit. */
export const MAX_CELL_CHARS = 32_767;
/** Entries in the shared-string table of an .xlsx. */
export const MAX_SHARED_STRINGS = 500_000;
/** Characters of XML text between two tags: a cell of MAX_CELL_CHARS characters, each written as an entity such as &amp;quot;. */
export const MAX_XML_TEXT_RUN = MAX_CELL_CHARS * 6;
/** Characters in one CSV field: a quote that never closes ends here. */
export const MAX_CSV_FIELD_CHARS = MAX_CELL_CHARS;

/** The limit each failure code names, as its message shows it. */
export const LIMIT_DETAILS = {
  'import.file_unpacks_too_large': { limit: `${MAX_XLSX_UNPACKED_BYTES / 1024 / 1024} MB` },
  'import.too_many_entries': { limit: MAX_XLSX_ENTRIES.toLocaleString('vi-VN') },
  'import.too_many_rows': { limit: MAX_SHEET_ROWS.toLocaleString('vi-VN') },
  'import.cell_too_long': { limit: MAX_CELL_CHARS.toLocaleString('vi-VN') },
  'import.too_many_shared_strings': { limit: MAX_SHARED_STRINGS.toLocaleString('vi-VN') },
} as const satisfies Partial<Record<ErrorCode, { limit: string }>>;

export type SheetLimitCode = keyof typeof LIMIT_DETAILS;

/** The details of a failure code's message: the limit it names, if it is one of these. */
export function limitDetailsOf(code: string): Record<string, string> {
  return (LIMIT_DETAILS as Record<string, { limit: string }>)[code] ?? {};
}

export function sheetLimitError(code: SheetLimitCode, message: string): DomainError {
  return new DomainError('invalid', code, message, LIMIT_DETAILS[code]);
}
