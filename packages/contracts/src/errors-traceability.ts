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
  'portal_export.period_invalid': {
    vi: 'Khoảng thời gian xuất dữ liệu không hợp lệ: "từ ngày" ({from}) và "đến ngày" ({to}) phải là ngày có thật, "đến ngày" không trước "từ ngày".',
    en: 'The export period is not valid: "from" ({from}) and "to" ({to}) must be real days, "to" not before "from".',
  },
  'portal_export.period_too_long': {
    vi: 'Mỗi lần xuất dữ liệu chỉ được tối đa {maxDays} ngày; khoảng đã chọn dài {days} ngày. Hãy chia thành nhiều lần xuất.',
    en: 'One export covers at most {maxDays} days; the period chosen has {days}. Split it into several exports.',
  },
  'portal_export.too_many_events': {
    vi: 'Khoảng thời gian này có hơn {max} sự kiện truy xuất, vượt giới hạn của một lần xuất. Hãy chọn khoảng ngắn hơn hoặc xuất theo từng chủ thể.',
    en: 'This period has more than {max} traceability events, beyond what one export holds. Choose a shorter period or export one producer at a time.',
  },
  'portal_export.too_many_lots': {
    vi: 'Khoảng thời gian này có hơn {max} lô sản xuất cần xuất, vượt giới hạn của một lần xuất. Hãy chọn khoảng ngắn hơn hoặc xuất theo từng chủ thể.',
    en: 'This period has more than {max} production lots to export, beyond what one export holds. Choose a shorter period or export one producer at a time.',
  },
  'portal_export.province_required': {
    vi: 'Hãy chọn tỉnh cần xuất dữ liệu (provinceCode).',
    en: 'Choose the province to export (provinceCode).',
  },
  'stamp_order.not_found': {
    vi: 'Không tìm thấy đơn đặt tem này.',
    en: 'No such stamp order.',
  },
  'stamp_order.quantity_invalid': {
    vi: 'Số tem của một đơn phải từ {min} đến {max} (đã nhập {quantity}).',
    en: 'An order must be for {min} to {max} stamps (asked: {quantity}).',
  },
  'stamp_order.not_issued': {
    vi: 'Đơn tem đang được phát hành ({issuedCount}/{quantity} tem); hãy chờ đến khi phát hành xong rồi kích hoạt hoặc in.',
    en: 'The order is still being issued ({issuedCount}/{quantity} stamps); wait until it is done before activating or printing.',
  },
  'stamp_order.lot_not_of_product': {
    vi: 'Lô sản xuất này không thuộc sản phẩm của đơn tem.',
    en: 'This production lot is not of the order’s product.',
  },
  'stamp.not_found': {
    vi: 'Không tìm thấy {count} tem trong phạm vi của bạn (ví dụ: {serials}); không tem nào được thay đổi.',
    en: '{count} stamps were not found in your scope (e.g. {serials}); no stamp was changed.',
  },
  'stamp.serial_invalid': {
    vi: 'Số sê-ri thứ {position} ("{text}") không đúng: cần 20 ký tự và 1 ký tự kiểm tra (dạng XXXXX-XXXXX-XXXXX-XXXXX-C), và ký tự kiểm tra phải khớp. Hãy kiểm tra lại từng ký tự; không tem nào được thay đổi.',
    en: 'Serial number {position} ("{text}") is not valid: it needs 20 characters and a check character (XXXXX-XXXXX-XXXXX-XXXXX-C), and the check character must match. Check each character; no stamp was changed.',
  },
  'stamp.too_many': {
    vi: 'Mỗi lần chỉ được {max} tem (đã gửi {count}); hãy chia thành nhiều lần.',
    en: 'At most {max} stamps at a time (sent: {count}); split them into several calls.',
  },
  'stamp.range_invalid': {
    vi: 'Khoảng số thứ tự {from}–{to} không hợp lệ: cần 1 ≤ từ ≤ đến ≤ {quantity}, tối đa {max} tem một lần.',
    en: 'The range {from}–{to} is not valid: it needs 1 ≤ from ≤ to ≤ {quantity}, at most {max} stamps at a time.',
  },
  'stamp.void_cannot_activate': {
    vi: '{count} tem đã bị hủy nên không thể kích hoạt (ví dụ: {serials}); không tem nào được thay đổi.',
    en: '{count} stamps are void and cannot be activated (e.g. {serials}); no stamp was changed.',
  },
  'stamp.other_lot': {
    vi: '{count} tem đã gắn với lô khác (ví dụ: {serials}); không tem nào được thay đổi.',
    en: '{count} stamps are already attached to another lot (e.g. {serials}); no stamp was changed.',
  },
  'stamp_sheet.too_many': {
    vi: 'Mỗi tệp PDF in tối đa {max} tem (đã chọn {count}); hãy chia thành nhiều lần in bằng "từ" và "đến".',
    en: 'One PDF prints at most {max} stamps (chosen: {count}); split the printing with "from" and "to".',
  },
  'stamp_layout.module_too_small': {
    vi: 'Mẫu nhãn bị từ chối: mỗi ô của mã QR chỉ rộng {moduleMm} mm (mã {codeMm} mm, {modules} ô), nhỏ hơn mức tối thiểu {minimumMm} mm của tiêu chuẩn GS1 để điện thoại đọc được ổn định. Hãy dùng nhãn lớn hơn hoặc ít nhãn hơn trên một trang.',
    en: 'Layout refused: each QR module would be only {moduleMm} mm wide (a {codeMm} mm code of {modules} modules), under the {minimumMm} mm minimum GS1 sets so that phones read it reliably. Use larger labels or fewer per page.',
  },
  'stamp_layout.quiet_zone_too_thin': {
    vi: 'Mẫu nhãn bị từ chối: vùng trắng quanh mã QR chỉ {quietZoneModules} ô, cần ít nhất {minimum} ô để máy quét tìm thấy mã.',
    en: 'Layout refused: the quiet zone around the QR code is only {quietZoneModules} modules; scanners need at least {minimum}.',
  },
  'stamp_layout.text_too_small': {
    vi: 'Mẫu nhãn bị từ chối: chữ số sê-ri chỉ cỡ {sizePt} pt, nhỏ hơn {minimumPt} pt để người dùng đọc và gõ lại được.',
    en: 'Layout refused: the serial text would be only {sizePt} pt, under the {minimumPt} pt a person can read and type.',
  },
  'stamp_layout.does_not_fit': {
    vi: 'Mẫu nhãn bị từ chối: các nhãn cần {neededMm} mm nhưng khổ giấy chỉ có {pageMm} mm.',
    en: 'Layout refused: the labels need {neededMm} mm but the page has only {pageMm} mm.',
  },
  'scan_analytics.period_invalid': {
    vi: 'Khoảng thời gian không hợp lệ: ngày bắt đầu ({from}) phải không sau ngày kết thúc ({to}) và dài tối đa {maxDays} ngày.',
    en: 'The period is not valid: the start ({from}) must not be after the end ({to}) and it may cover at most {maxDays} days.',
  },
  'digital_link.too_long': {
    vi: 'Đường dẫn GS1 Digital Link quá dài (tối đa {max} ký tự).',
    en: 'The GS1 Digital Link path is too long (at most {max} characters).',
  },
  'digital_link.query_too_long': {
    vi: 'Phần tham số sau dấu "?" quá dài (tối đa {max} ký tự).',
    en: 'The query string is too long (at most {max} characters).',
  },
  'digital_link.bad_structure': {
    vi: 'Đường dẫn GS1 Digital Link sai cấu trúc: cần các cặp /mã AI/giá trị, bắt đầu bằng /01/ và mã GTIN.',
    en: 'The GS1 Digital Link path is malformed: it needs /AI/value pairs, starting with /01/ and a GTIN.',
  },
  'digital_link.bad_encoding': {
    vi: 'Giá trị của mã AI ({ai}) mã hóa phần trăm sai: "{value}".',
    en: 'The value of AI ({ai}) has a broken percent-encoding: "{value}".',
  },
  'digital_link.unknown_ai': {
    vi: 'Mã AI "{ai}" không phải là mã định danh bổ sung của GTIN ở đây; chỉ có /22/, /10/, /21/ (các thuộc tính khác như hạn dùng đặt sau dấu "?").',
    en: 'AI "{ai}" is not a key qualifier of a GTIN here; only /22/, /10/, /21/ are (other attributes such as the expiry date go in the query string).',
  },
  'digital_link.qualifiers_out_of_order': {
    vi: 'Mã AI ({ai}) sai thứ tự hoặc lặp lại: sau GTIN chỉ được /22/ (biến thể), rồi /10/ (lô), rồi /21/ (số sê-ri), mỗi mã một lần.',
    en: 'AI ({ai}) is out of order or repeated: after the GTIN only /22/ (variant), then /10/ (lot), then /21/ (serial) may follow, each once.',
  },
  'digital_link.bad_check_digit': {
    vi: 'Chữ số kiểm tra của mã GTIN {value} không đúng; hãy kiểm tra lại mã.',
    en: 'The check digit of GTIN {value} is wrong; check the number.',
  },
  'digital_link.bad_value': {
    vi: 'Giá trị "{value}" không hợp lệ cho mã AI ({ai}): GTIN cần 8, 12, 13 hoặc 14 chữ số; lô, sê-ri và biến thể tối đa 20 ký tự không dấu theo bộ ký tự GS1.',
    en: 'The value "{value}" is not valid for AI ({ai}): a GTIN has 8, 12, 13 or 14 digits; a lot, serial or variant at most 20 characters of the GS1 character set.',
  },
  'digital_link.gtin_unknown': {
    vi: 'Mã GTIN {gtin} không thuộc sản phẩm OCOP nào trong hệ thống này.',
    en: 'GTIN {gtin} names no OCOP product in this system.',
  },
  'digital_link.no_link': {
    vi: 'Sản phẩm mang mã GTIN {gtin} chưa có trang thông tin công khai.',
    en: 'The product with GTIN {gtin} has no public page yet.',
  },
  'digital_link.link_type_unavailable': {
    vi: 'Không có liên kết loại "{linkType}" cho mã này; các loại có: {available}.',
    en: 'There is no "{linkType}" link for this identifier; available: {available}.',
  },
} satisfies Partial<Record<ErrorCode, ErrorText>>;
