import { foldVietnamese } from '@ocop/domain/shared';
import type { CellInput } from '../../../platform/spreadsheets/cells';
import type { ImportColumn } from '../../../platform/spreadsheets/sheet-rows';

/** A column of the legacy certificate template: its header (what the reader matches) and its help. */
export type LegacyColumn = ImportColumn & { key: LegacyKey; width: number; note: string; text?: boolean };

export type LegacyKey =
  | 'number'
  | 'productName'
  | 'productCode'
  | 'producerName'
  | 'producerAddress'
  | 'stars'
  | 'issuerLevel'
  | 'district'
  | 'commune'
  | 'decisionNumber'
  | 'decisionDate'
  | 'issuedOn'
  | 'expiresOn'
  | 'regime'
  | 'productSet';

const DATE_NOTE = 'Ghi dd/mm/yyyy (ví dụ 15/06/2023); ô ngày của Excel cũng được.';

/** The columns in template order; a file may order them otherwise or leave out optional ones. */
export const LEGACY_COLUMNS: readonly LegacyColumn[] = [
  { key: 'number', header: 'Số giấy chứng nhận', required: true, width: 22, text: true, note: 'Ghi đúng như trên giấy chứng nhận.' },
  { key: 'productName', header: 'Tên sản phẩm', required: true, width: 32, note: 'Tên sản phẩm như trên giấy chứng nhận.' },
  {
    key: 'productCode',
    header: 'Mã sản phẩm',
    required: false,
    width: 16,
    text: true,
    note: 'Mã của sản phẩm trong hệ thống (nếu đã có), để gắn giấy chứng nhận với sản phẩm.',
  },
  { key: 'producerName', header: 'Chủ thể', required: true, width: 32, note: 'Tên chủ thể như trên giấy chứng nhận.' },
  { key: 'producerAddress', header: 'Địa chỉ chủ thể', required: false, width: 36, note: 'Địa chỉ như trên giấy chứng nhận.' },
  { key: 'stars', header: 'Số sao', required: true, width: 8, note: '3, 4 hoặc 5.' },
  { key: 'issuerLevel', header: 'Cấp cấp', required: true, width: 10, note: 'Tỉnh hoặc Huyện: cấp đã cấp giấy chứng nhận.' },
  {
    key: 'district',
    header: 'Huyện cũ',
    required: false,
    width: 22,
    note: 'Tên hoặc mã huyện trước 01/07/2025 (xem trang "Huyện cũ"), ghi như tên cơ quan cấp, ví dụ "Huyện Mộc Châu". Bắt buộc khi cấp huyện cấp; khi tỉnh cấp: huyện của chủ thể (không bắt buộc).',
  },
  {
    key: 'commune',
    header: 'Xã cũ',
    required: false,
    width: 22,
    note: 'Tên hoặc mã xã trước 01/07/2025 thuộc huyện cũ (xem trang "Xã cũ"); không bắt buộc.',
  },
  { key: 'decisionNumber', header: 'Số quyết định', required: true, width: 18, text: true, note: 'Số quyết định công nhận.' },
  { key: 'decisionDate', header: 'Ngày quyết định', required: true, width: 14, text: true, note: DATE_NOTE },
  { key: 'issuedOn', header: 'Ngày cấp', required: true, width: 14, text: true, note: DATE_NOTE },
  {
    key: 'expiresOn',
    header: 'Ngày hết hạn',
    required: false,
    width: 14,
    text: true,
    note: `${DATE_NOTE} Để trống: 36 tháng kể từ ngày cấp (hết ngày trước ngày cùng số của tháng thứ 36).`,
  },
  {
    key: 'regime',
    header: 'Bộ tiêu chí',
    required: true,
    width: 12,
    note: '1048 (QĐ 1048/QĐ-TTg năm 2019) hoặc 148 (QĐ 148/QĐ-TTg năm 2023).',
  },
  { key: 'productSet', header: 'Bộ sản phẩm', required: false, width: 28, note: 'Bộ sản phẩm như trên giấy chứng nhận (không bắt buộc).' },
];

export const LEGACY_COLUMN_KEYS: readonly LegacyKey[] = LEGACY_COLUMNS.map((column) => column.key);

export const LEGACY_SHEET_NAME = 'Giấy chứng nhận';

/** What marks the template's example row, in front of its certificate number; the import skips such a row. */
export const EXAMPLE_MARK = '(Ví dụ)';

/** The cell as trimmed text ('' for empty); numbers without exponent, dates as dd/mm/yyyy. */
export function cellText(cell: CellInput): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    return `${String(cell.getUTCDate()).padStart(2, '0')}/${String(cell.getUTCMonth() + 1).padStart(2, '0')}/${cell.getUTCFullYear()}`;
  }
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return cell.replace(/\s+/g, ' ').trim();
}

/** The example row: its certificate number starts with the mark, "(Ví dụ)" in any case or without marks. */
export function isExampleNumber(cell: CellInput): boolean {
  return /^\(?\s*vi du\b/.test(foldVietnamese(cellText(cell)));
}
