import { useCallback } from 'react';
import { fillPlaceholders, type TranslateValues, useI18n } from '../../../lib/i18n';

/**
 * The texts of the legacy certificate import, Vietnamese first. Kept beside the feature (not in
 * `messages/`) while the certificate screens are built in parallel; the type holds both languages
 * to the same keys.
 */
const vi = {
  title: 'Nhập giấy chứng nhận cấp trước khi có hệ thống',
  intro:
    'Giấy chứng nhận OCOP đã cấp trước khi có hệ thống, kể cả do Ủy ban nhân dân huyện cũ cấp (trước 01/07/2025), được nhập từ bảng tính: giữ nguyên cơ quan cấp, huyện, xã cũ và bộ tiêu chí; hiệu lực tính theo ngày cấp và ngày hết hạn.',
  'step.template': 'Tải mẫu',
  'step.file': 'Chọn tệp',
  'step.check': 'Kiểm tra',
  'step.commit': 'Nhập',
  templateHint:
    'Mẫu có dòng tiêu đề, một dòng ví dụ (số giấy chứng nhận bắt đầu bằng "(Ví dụ)", được bỏ qua khi nhập) và danh sách huyện, xã cũ của tỉnh kèm mã.',
  template: 'Tải mẫu nhập (.xlsx)',
  chooseFile: 'Chọn tệp .xlsx',
  fileHint: 'Một tệp .xlsx, tối đa {limit} và {rows} giấy chứng nhận.',
  fileWrongType: 'Chỉ nhận tệp .xlsx (bảng tính Excel).',
  fileTooLarge: 'Tệp lớn hơn {limit}.',
  check: 'Kiểm tra',
  checkHint: 'Kiểm tra không ghi gì: hệ thống báo mọi lỗi theo dòng và cột, hoặc cho xem trước các giấy chứng nhận sẽ được nhập.',
  summary: 'Trang "{sheet}", dòng tiêu đề {header}: {rows} dòng dữ liệu.',
  clean: 'Không có lỗi: {rows} giấy chứng nhận sẵn sàng để nhập.',
  hasProblems: 'Có {problems} lỗi ở {rows} dòng. Hãy sửa trong tệp rồi kiểm tra lại; chưa có gì được ghi.',
  problemsTruncated: 'Đang hiện {shown} lỗi đầu tiên.',
  notices: 'Lưu ý',
  preview: 'Xem trước',
  rowN: 'Dòng {row}',
  wholeFile: 'Cả tệp',
  'col.row': 'Dòng',
  'col.column': 'Cột',
  'col.problem': 'Lỗi',
  'col.number': 'Số giấy chứng nhận',
  'col.product': 'Sản phẩm',
  'col.stars': 'Số sao',
  'col.issuer': 'Cơ quan cấp',
  'col.regime': 'Bộ tiêu chí',
  'col.dates': 'Ngày cấp – hết hạn',
  'col.status': 'Hiệu lực hôm nay',
  linked: 'gắn với sản phẩm {code}',
  oldDistrict: 'huyện cũ: {name}',
  commit: 'Nhập',
  commitDisabled: 'Nút "Nhập" chỉ bật sau một lần kiểm tra không có lỗi của tệp đang chọn.',
  committing: 'Đang nhập…',
  done: 'Đã nhập {created} giấy chứng nhận.',
  rejected: 'Không nhập: tệp có {problems} lỗi ở {rows} dòng; không giấy chứng nhận nào được ghi.',
  toList: 'Xem danh sách giấy chứng nhận',
  startOver: 'Nhập tệp khác',
} as const;

const en: Record<keyof typeof vi, string> = {
  title: 'Import certificates issued before the system',
  intro:
    'OCOP certificates issued before the system, including those of former district committees (before 1 July 2025), are imported from a spreadsheet: they keep their issuer, old district and commune and criteria regime; their validity follows their issue and expiry dates.',
  'step.template': 'Template',
  'step.file': 'File',
  'step.check': 'Check',
  'step.commit': 'Import',
  templateHint:
    'The template has the header row, one example row (its number starts with "(Ví dụ)" and is skipped) and the province’s former districts and communes with their codes.',
  template: 'Download the template (.xlsx)',
  chooseFile: 'Choose an .xlsx file',
  fileHint: 'One .xlsx file, at most {limit} and {rows} certificates.',
  fileWrongType: 'Only .xlsx files (Excel workbooks) are accepted.',
  fileTooLarge: 'The file is larger than {limit}.',
  check: 'Check',
  checkHint: 'Checking writes nothing: every problem is listed by row and column, or the certificates to import are previewed.',
  summary: 'Sheet "{sheet}", header row {header}: {rows} data rows.',
  clean: 'No problems: {rows} certificates are ready to import.',
  hasProblems: '{problems} problems in {rows} rows. Fix them in the file and check again; nothing was written.',
  problemsTruncated: 'Showing the first {shown} problems.',
  notices: 'Notes',
  preview: 'Preview',
  rowN: 'Row {row}',
  wholeFile: 'Whole file',
  'col.row': 'Row',
  'col.column': 'Column',
  'col.problem': 'Problem',
  'col.number': 'Certificate number',
  'col.product': 'Product',
  'col.stars': 'Stars',
  'col.issuer': 'Issuer',
  'col.regime': 'Criteria',
  'col.dates': 'Issued – expires',
  'col.status': 'Validity today',
  linked: 'linked to product {code}',
  oldDistrict: 'former district: {name}',
  commit: 'Import',
  commitDisabled: 'Import turns on after a check of the chosen file finds no problem.',
  committing: 'Importing…',
  done: '{created} certificates imported.',
  rejected: 'Not imported: the file has {problems} problems in {rows} rows; no certificate was written.',
  toList: 'Open the certificate list',
  startOver: 'Import another file',
};

export type LegacyTextKey = keyof typeof vi;

export function useLegacyTexts() {
  const { language } = useI18n();
  return useCallback(
    (key: LegacyTextKey, values?: TranslateValues) => fillPlaceholders((language === 'en' ? en : vi)[key], values),
    [language],
  );
}

export const LEGACY_TEXTS = { vi, en };
