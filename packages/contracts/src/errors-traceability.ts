import type { ErrorCode } from '@ocop/domain/shared';
import type { ErrorText } from './common';

/** The texts of the traceability's error codes; `errors.ts` joins them into ERROR_MESSAGES. */
export const TRACEABILITY_ERROR_MESSAGES = {
  'lot.not_found': { vi: 'Không tìm thấy lô sản xuất.', en: 'No such lot.' },
  'lot.code_invalid': {
    vi: 'Mã lô không hợp lệ: cần từ 1 đến 20 ký tự, chỉ gồm chữ không dấu, chữ số và các dấu ! " % & \' ( ) * + , - . / : ; < = > ? _ (không có khoảng trắng).',
    en: 'The lot code is not valid: 1 to 20 characters, only letters without diacritics, digits and ! " % & \' ( ) * + , - . / : ; < = > ? _ (no spaces).',
  },
  'lot.code_taken': {
    vi: 'Sản phẩm này đã có lô mã "{lotCode}"; mỗi lô của một sản phẩm cần một mã riêng.',
    en: 'This product already has a lot "{lotCode}"; each lot of a product needs its own code.',
  },
  'lot.produced_in_future': {
    vi: 'Ngày sản xuất ({producedOn}) không được sau ngày hôm nay ({today}).',
    en: 'The production date ({producedOn}) cannot be after today ({today}).',
  },
  'lot.expiry_not_after_production': {
    vi: 'Hạn sử dụng ({expiresOn}) phải sau ngày sản xuất ({producedOn}).',
    en: 'The expiry date ({expiresOn}) must be after the production date ({producedOn}).',
  },
  'lot.best_before_not_after_production': {
    vi: 'Ngày "sử dụng tốt nhất trước" ({bestBefore}) phải sau ngày sản xuất ({producedOn}).',
    en: 'The best-before date ({bestBefore}) must be after the production date ({producedOn}).',
  },
  'lot.both_end_dates': {
    vi: 'Chỉ ghi một trong hai: hạn sử dụng hoặc "sử dụng tốt nhất trước", như trên nhãn hàng hóa.',
    en: 'Give only one of the two: the expiry date or the best-before date, as the label shows it.',
  },
  'lot.quantity_invalid': {
    vi: 'Số lượng phải là một số lớn hơn 0, tối đa 3 chữ số thập phân và 12 chữ số phần nguyên.',
    en: 'The quantity must be a number above 0, with at most 3 decimals and 12 whole digits.',
  },
  'lot.growing_area_code_invalid': {
    vi: 'Mã số vùng trồng không hợp lệ: tối đa 40 ký tự, gồm chữ không dấu, chữ số, khoảng trắng và các dấu . _ / -.',
    en: 'The growing area code is not valid: at most 40 characters of letters without diacritics, digits, spaces and . _ / -.',
  },
  'lot.stale_revision': {
    vi: 'Lô sản xuất vừa được sửa ở nơi khác (lần sửa {revision}). Hãy tải lại để xem bản mới nhất.',
    en: 'The lot was just changed elsewhere (revision {revision}). Reload to see the latest.',
  },
  'lot.code_locked': {
    vi: 'Lô "{lotCode}" đã có sự kiện truy xuất (thu hoạch, chế biến, đóng gói…) nên không đổi được mã lô; các trường khác vẫn sửa được.',
    en: 'Lot "{lotCode}" already has traceability events, so its code cannot change; its other fields still can.',
  },
  'epcis.document_invalid': {
    vi: 'Tài liệu EPCIS không hợp lệ ({count} lỗi); không sự kiện nào được lưu. Xem danh sách lỗi.',
    en: 'The EPCIS document is not valid ({count} problems); no event was stored. See the list of problems.',
  },
  'epcis.capture_forbidden': {
    vi: 'Có sự kiện nằm ngoài phạm vi của bạn ({count} lỗi); không sự kiện nào được lưu. Xem danh sách lỗi.',
    en: 'Some events are outside your scope ({count} problems); no event was stored. See the list of problems.',
  },
  'epcis.capture_not_found': { vi: 'Không tìm thấy lần ghi nhận (capture job) này.', en: 'No such capture job.' },
  'epcis.event_not_found': { vi: 'Không tìm thấy sự kiện EPCIS này.', en: 'No such EPCIS event.' },
  'epcis.query_invalid': {
    vi: 'Tham số truy vấn không hợp lệ: {parameter} ({reason}).',
    en: 'Query parameter not valid: {parameter} ({reason}).',
  },
  'epcis.page_token_invalid': {
    vi: 'Mã trang tiếp theo (nextPageToken) không hợp lệ hoặc không thuộc truy vấn này; hãy truy vấn lại từ đầu.',
    en: 'The nextPageToken is not valid or belongs to another query; start the query again.',
  },
  'epcis.header_invalid': {
    vi: 'Tiêu đề {header} không hợp lệ; giá trị được nhận: {allowed}.',
    en: 'Header {header} is not valid; accepted values: {allowed}.',
  },
} satisfies Partial<Record<ErrorCode, ErrorText>>;
