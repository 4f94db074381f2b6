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
  'site.not_found': { vi: 'Không tìm thấy địa điểm.', en: 'No such site.' },
  'site.gln_invalid': {
    vi: 'Mã GLN không hợp lệ: cần đúng 13 chữ số và chữ số kiểm tra đúng.',
    en: 'The GLN is not valid: it needs exactly 13 digits with a correct check digit.',
  },
  'site.gln_taken': {
    vi: 'Mã GLN {gln} đã được gán cho một địa điểm khác; mỗi GLN chỉ chỉ một địa điểm.',
    en: 'The GLN {gln} already names another site; one GLN names one place.',
  },
  'site.stale_revision': {
    vi: 'Địa điểm vừa được sửa ở nơi khác (lần sửa {revision}). Hãy tải lại để xem bản mới nhất.',
    en: 'The site was just changed elsewhere (revision {revision}). Reload to see the latest.',
  },
  'step.lot_forbidden': {
    vi: 'Bạn không được ghi công đoạn cho lô này: lô thuộc một chủ thể khác.',
    en: 'You may not record steps of this lot: it belongs to another producer.',
  },
  'step.site_unknown': {
    vi: 'Không tìm thấy địa điểm này trong các địa điểm của chủ thể sở hữu lô.',
    en: 'This site is not one of the sites of the lot’s producer.',
  },
  'step.time_in_future': {
    vi: 'Thời điểm ({eventTime}) không được muộn hơn hiện tại quá 10 phút. Hãy kiểm tra đồng hồ của điện thoại.',
    en: 'The time ({eventTime}) cannot be more than 10 minutes ahead of now. Check the phone’s clock.',
  },
  'step.time_too_early': {
    vi: 'Thời điểm ({eventTime}) sớm hơn ngày sản xuất của lô ({producedOn}) quá một năm.',
    en: 'The time ({eventTime}) is more than a year before the lot’s production date ({producedOn}).',
  },
  'step.quantity_invalid': {
    vi: 'Số lượng phải là một số lớn hơn 0, tối đa 3 chữ số thập phân và 12 chữ số phần nguyên.',
    en: 'The quantity must be a number above 0, with at most 3 decimals and 12 whole digits.',
  },
  'step.quantity_exceeds_lot': {
    vi: 'Số lượng ({quantity}) vượt quá số lượng của lô {lotCode} ({lotQuantity}).',
    en: 'The quantity ({quantity}) is more than the lot {lotCode} has ({lotQuantity}).',
  },
  'step.input_count': {
    vi: 'Một công đoạn chế biến cần từ {min} đến {max} lô nguyên liệu đầu vào (đang có {count}).',
    en: 'A processing step needs {min} to {max} input lots (it has {count}).',
  },
  'step.input_lot_unknown': { vi: 'Không tìm thấy lô nguyên liệu đầu vào.', en: 'No such input lot.' },
  'step.input_lot_other_producer': {
    vi: 'Lô nguyên liệu đầu vào phải là lô của cùng chủ thể với lô thành phẩm.',
    en: 'An input lot must belong to the same producer as the output lot.',
  },
  'step.input_lot_repeated': {
    vi: 'Mỗi lô nguyên liệu chỉ được ghi một lần trong một công đoạn chế biến.',
    en: 'Each input lot may appear only once in a processing step.',
  },
  'step.input_is_output': {
    vi: 'Lô thành phẩm không thể là nguyên liệu của chính nó.',
    en: 'The output lot cannot be an input of itself.',
  },
  'step.carton_limit': {
    vi: 'Một lô có tối đa {max} thùng; lô này đã có {packed} thùng.',
    en: 'A lot has at most {max} cartons; this lot already has {packed}.',
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
