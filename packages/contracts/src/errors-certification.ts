import type { ErrorCode } from '@ocop/domain/shared';
import type { ErrorText } from './common';

/** The texts of the certification's error codes; `errors.ts` joins them into ERROR_MESSAGES. */
export const CERTIFICATION_ERROR_MESSAGES = {
  'certificate.not_found': { vi: 'Không tìm thấy giấy chứng nhận.', en: 'No such certificate.' },
  'certificate.dossier_not_recognised': {
    vi: 'Hồ sơ chưa được công nhận bằng quyết định (trạng thái: {state}); chỉ sản phẩm đã được công nhận mới được cấp giấy chứng nhận.',
    en: 'The dossier has not been recognised by a decision (state: {state}); only recognised products get a certificate.',
  },
  'certificate.stars_not_certified': {
    vi: 'Sản phẩm {stars} sao không được cấp giấy chứng nhận; chỉ sản phẩm đạt 3 đến 5 sao được cấp (Điều 4, QĐ 26/2026/QĐ-TTg).',
    en: 'A {stars}-star product gets no certificate; only 3 to 5 stars are certified (Art. 4, Decision 26/2026/QĐ-TTg).',
  },
  'certificate.already_issued': {
    vi: 'Hồ sơ này đã được cấp giấy chứng nhận số {number}.',
    en: 'This dossier already has certificate {number}.',
  },
  'certificate.number_taken': { vi: 'Số giấy chứng nhận "{number}" đã được dùng.', en: 'Certificate number "{number}" is taken.' },
  'certificate.already_revoked': {
    vi: 'Giấy chứng nhận đã bị thu hồi theo quyết định số {decisionNumber}; không thể thu hồi lần nữa.',
    en: 'The certificate was already revoked by decision {decisionNumber}; it cannot be revoked twice.',
  },
  'certificate.finding_in_future': {
    vi: 'Ngày phát hiện vi phạm ({findingOn}) không được sau ngày hôm nay.',
    en: 'The finding date ({findingOn}) cannot be after today.',
  },
  'certificate.decision_before_finding': {
    vi: 'Ngày quyết định thu hồi ({decidedOn}) không được trước ngày phát hiện vi phạm ({findingOn}).',
    en: 'The revocation decision ({decidedOn}) cannot precede the finding ({findingOn}).',
  },
  'certificate.pattern_invalid': {
    vi: 'Mẫu số giấy chứng nhận không hợp lệ ({problem}): cần có {seq}, chỉ dùng {seq}, {province}, {year}, {stars}, chữ, số và các dấu / . _ -, tối đa 48 ký tự.',
    en: 'The certificate number pattern is not valid ({problem}): it needs {seq}, may use only {seq}, {province}, {year}, {stars}, letters, digits and / . _ -, at most 48 characters.',
  },
  'certificate.number_malformed': {
    vi: 'Số giấy chứng nhận không đúng định dạng (chữ, số và các dấu / . _ -, tối đa 64 ký tự).',
    en: 'The certificate number is malformed (letters, digits and / . _ -, at most 64 characters).',
  },
  'certificate.settings_changed_concurrently': {
    vi: 'Cấu hình đã được người khác thay đổi; hãy tải lại trang.',
    en: 'The settings were changed meanwhile; reload the page.',
  },
  'certificate.legacy_district_unknown': {
    vi: 'Huyện "{district}" không có trong danh mục đơn vị hành chính của tỉnh trước 01/07/2025.',
    en: 'District "{district}" did not exist in the province before 1 July 2025.',
  },
  'certificate.legacy_commune_unknown': {
    vi: 'Xã "{commune}" không thuộc huyện đã ghi trong danh mục trước 01/07/2025.',
    en: 'Commune "{commune}" is not in the given district on the map before 1 July 2025.',
  },
  'certificate.legacy_date_in_future': {
    vi: '"{field}" ({value}) ở sau ngày hôm nay ({today}).',
    en: '"{field}" ({value}) is after today ({today}).',
  },
  'certificate.legacy_date_invalid': {
    vi: '"{field}": "{value}" không phải là ngày hợp lệ (ghi dd/mm/yyyy, ví dụ 15/06/2023).',
    en: '"{field}": "{value}" is not a valid date (write dd/mm/yyyy, e.g. 15/06/2023).',
  },
  'certificate.legacy_dates_out_of_order': {
    vi: 'Ngày hết hạn ({expiresOn}) phải sau ngày cấp ({issuedOn}).',
    en: 'The expiry ({expiresOn}) must come after the issue date ({issuedOn}).',
  },
  'certificate.legacy_number_duplicate': {
    vi: 'Số giấy chứng nhận "{number}" trùng (đã có trong hệ thống hoặc lặp lại trong tệp).',
    en: 'Certificate number "{number}" is a duplicate (already in the system or repeated in the file).',
  },
  'certificate.legacy_stars_invalid': {
    vi: 'Số sao "{value}" không hợp lệ: giấy chứng nhận chỉ có 3, 4 hoặc 5 sao.',
    en: 'Stars "{value}" is not valid: certificates have 3, 4 or 5 stars.',
  },
  'certificate.legacy_regime_unknown': {
    vi: 'Bộ tiêu chí "{value}" không rõ: ghi 1048 (QĐ 1048/QĐ-TTg) hoặc 148 (QĐ 148/QĐ-TTg).',
    en: 'Criteria regime "{value}" unknown: write 1048 (Decision 1048) or 148 (Decision 148).',
  },
  'certificate.legacy_required': { vi: 'Thiếu "{field}".', en: '"{field}" is missing.' },
  'certificate.legacy_product_not_found': {
    vi: 'Không tìm thấy sản phẩm có mã "{code}" trong tỉnh.',
    en: 'No product with code "{code}" in the province.',
  },
  'certificate.legacy_too_many_rows': {
    vi: 'Tệp có quá nhiều dòng (tối đa {max} giấy chứng nhận một lần).',
    en: 'The file has too many rows (at most {max} certificates at once).',
  },
  'certificate.legacy_no_rows': { vi: 'Tệp không có dòng dữ liệu nào.', en: 'The file has no data rows.' },
  'certificate.legacy_header_missing': {
    vi: 'Tệp thiếu cột "{column}" ở dòng tiêu đề.',
    en: 'The file lacks the column "{column}" in its header row.',
  },
  'certificate.legacy_import_rejected': {
    vi: 'Tệp có {problems} lỗi ở {rows} dòng; chưa nhập giấy chứng nhận nào. Hãy sửa các lỗi trong báo cáo rồi tải lên lại.',
    en: 'The file has {problems} problems in {rows} rows; no certificate was imported. Fix the problems in the report and upload again.',
  },
} satisfies Partial<Record<ErrorCode, ErrorText>>;
