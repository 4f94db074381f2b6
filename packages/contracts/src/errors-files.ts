import type { ErrorCode } from '@ocop/domain/shared';
import type { ErrorText } from './common';

/** The texts of the error codes of files and imports (uploads, documents, product images, spreadsheet cells and rows); `errors.ts` joins them into ERROR_MESSAGES. */
export const FILE_ERROR_MESSAGES = {
  'cell.required': { vi: 'Ô này không được để trống.', en: 'This cell must not be empty.' },
  'cell.too_long': { vi: 'Nội dung quá dài ({length} ký tự, tối đa {max}).', en: 'Too long ({length} characters, at most {max}).' },
  'cell.not_a_number': { vi: '"{value}" không phải là số.', en: '"{value}" is not a number.' },
  'cell.not_whole_number': { vi: '"{value}" phải là số nguyên.', en: '"{value}" must be a whole number.' },
  'cell.out_of_range': { vi: 'Giá trị {value} phải từ {min} đến {max}.', en: 'The value {value} must be from {min} to {max}.' },
  'cell.not_a_year': { vi: '"{value}" không phải là một năm (ví dụ 2015).', en: '"{value}" is not a year (e.g. 2015).' },
  'cell.unknown_option': { vi: '"{value}" không có trong danh sách: {options}.', en: '"{value}" is not one of: {options}.' },
  'cell.unknown_commune': { vi: 'Không tìm thấy xã/phường "{value}" trong tỉnh.', en: 'No commune "{value}" in the province.' },
  'cell.unknown_product_set': { vi: 'Không tìm thấy bộ sản phẩm "{value}".', en: 'No product set "{value}".' },
  'cell.ambiguous': { vi: '"{value}" khớp với nhiều mục; hãy ghi kèm mã.', en: '"{value}" matches several entries; write its code too.' },
  'cell.not_months': {
    vi: '"{value}" không phải là danh sách tháng (ví dụ "5-6", "10-1", "5, 6, 9" hoặc "quanh năm"; tháng từ 1 đến 12).',
    en: '"{value}" is not a list of months (e.g. "5-6", "10-1", "5, 6, 9" or "quanh năm"; months 1 to 12).',
  },
  // Registry: files, documents and images
  'file.missing': { vi: 'Chưa có tệp nào được gửi lên.', en: 'No file was sent.' },
  'file.empty': { vi: 'Tệp rỗng, không có nội dung.', en: 'The file is empty.' },
  'file.malformed_upload': {
    vi: 'Dữ liệu tải lên bị hỏng hoặc bị cắt ngang; vui lòng gửi lại.',
    en: 'The upload is malformed or was cut off; please send it again.',
  },
  'file.one_at_a_time': { vi: 'Mỗi lần chỉ gửi một tệp.', en: 'Send one file at a time.' },
  'file.too_large': {
    vi: 'Tệp quá lớn: tối đa {limit}. Không có gì được lưu.',
    en: 'The file is too large: at most {limit}. Nothing was stored.',
  },
  'file.type_not_allowed': {
    vi: 'Loại tệp không được chấp nhận: nội dung tệp là {detected}, không phải {accepted}. Hệ thống xét nội dung tệp chứ không xét tên tệp.',
    en: 'This kind of file is not accepted: its content is {detected}, not {accepted}. The content decides, not the file name.',
  },
  'file.not_an_image': {
    vi: 'Tệp không phải là ảnh JPEG, PNG hoặc WebP đọc được (nội dung: {detected}).',
    en: 'The file is not a readable JPEG, PNG or WebP picture (content: {detected}).',
  },
  'file.image_too_many_pixels': {
    vi: 'Ảnh quá lớn ({width} × {height} điểm ảnh; tối đa {maxMegapixels} triệu điểm ảnh).',
    en: 'The picture is too large ({width} × {height} pixels; at most {maxMegapixels} megapixels).',
  },
  'file.not_found': { vi: 'Không tìm thấy tệp.', en: 'No such file.' },
  'file.variant_not_found': { vi: 'Tệp này không có bản "{variant}".', en: 'This file has no "{variant}" version.' },
  'file.content_missing': {
    vi: 'Nội dung tệp không còn trong kho lưu trữ. Vui lòng báo quản trị viên.',
    en: 'The file’s content is missing from storage. Please tell the administrator.',
  },
  'product_image.not_found': { vi: 'Không tìm thấy ảnh này của sản phẩm.', en: 'No such image of this product.' },
  'product_image.order_mismatch': {
    vi: 'Thứ tự ảnh phải liệt kê đủ mỗi ảnh của sản phẩm đúng một lần (có {expected} ảnh, nhận được {given}).',
    en: 'The new order must name each image of the product exactly once ({expected} images, {given} given).',
  },
  'document.not_found': { vi: 'Không tìm thấy tài liệu.', en: 'No such document.' },
  'document.stale_version': {
    vi: 'Giấy tờ vừa được người khác thay đổi. Vui lòng tải lại và thử lại.',
    en: 'The document was changed by someone else meanwhile. Please reload and try again.',
  },
  'document.validity_inverted': {
    vi: 'Ngày hết hiệu lực ({validTo}) không được trước ngày có hiệu lực ({validFrom}).',
    en: 'The expiry date ({validTo}) must not be before the start date ({validFrom}).',
  },
  'document.product_of_other_producer': {
    vi: 'Sản phẩm được chọn thuộc chủ thể khác.',
    en: 'The chosen product belongs to another producer.',
  },
  // Registry: spreadsheet imports
  'import.not_allowed': {
    vi: 'Chỉ cán bộ cấp tỉnh được nhập dữ liệu từ bảng tính cho tỉnh {provinceCode}.',
    en: 'Only provincial staff may import spreadsheets for province {provinceCode}.',
  },
  'import.province_required': { vi: 'Cần chọn tỉnh để nhập dữ liệu.', en: 'Choose the province to import into.' },
  'import.not_found': { vi: 'Không tìm thấy lượt nhập dữ liệu.', en: 'No such import.' },
  'import.not_a_dry_run': { vi: 'Chỉ có thể nhập tiếp từ một lượt kiểm tra thử.', en: 'Only a dry run can be imported this way.' },
  'import.not_finished': { vi: 'Lượt nhập chưa chạy xong; vui lòng đợi.', en: 'The import has not finished yet; please wait.' },
  'import.interrupted': {
    vi: 'Lượt nhập bị dừng giữa chừng (máy chủ khởi động lại). Không có gì được lưu; hãy chạy lại.',
    en: 'The import was interrupted (the server restarted). Nothing was stored; please run it again.',
  },
  'import.failed': {
    vi: 'Lượt nhập gặp lỗi không mong muốn. Không có gì được lưu; lỗi đã được ghi lại.',
    en: 'The import failed unexpectedly. Nothing was stored; the error has been logged.',
  },
  'import.changed_meanwhile': {
    vi: 'Trong lúc nhập, một sản phẩm khác vừa được thêm trùng tên đường dẫn hoặc mã. Không có gì được lưu; hãy chạy lại lượt nhập.',
    en: 'While the import ran, another product took the same link name or code. Nothing was stored; please run the import again.',
  },
  'import.changed_since_dry_run': {
    vi: 'Từ lúc kiểm tra thử, dữ liệu mà tệp này khớp đã thay đổi (ví dụ có người vừa thêm hoặc sửa một bản ghi trùng). Không có gì được lưu; hãy kiểm tra thử lại rồi nhập.',
    en: 'Since the dry run, the records this file matches have changed (someone added or changed a matching record). Nothing was stored; run the dry run again, then import.',
  },
  'import.file_not_spreadsheet': {
    vi: 'Tệp phải là bảng tính .xlsx hoặc tệp .csv (nội dung tệp là {detected}).',
    en: 'The file must be an .xlsx workbook or a .csv file (its content is {detected}).',
  },
  'import.header_not_found': {
    vi: 'Không tìm thấy dòng tiêu đề của mẫu nhập trong tệp (trang "{sheet}"). Cần có các cột: {headers}.',
    en: 'The template’s header row was not found (sheet "{sheet}"). These columns are needed: {headers}.',
  },
  'import.missing_column': { vi: 'Thiếu cột bắt buộc "{header}".', en: 'The required column "{header}" is missing.' },
  'import.legacy_encoding': {
    vi: 'Chữ "{value}" đang dùng bảng mã cũ {encoding}, không phải Unicode; có lẽ là "{suggestion}". Hãy chuyển sang Unicode (ví dụ bằng Unikey) rồi tải lên lại.',
    en: 'The text "{value}" is in the legacy {encoding} encoding, not Unicode; it probably reads "{suggestion}". Convert it to Unicode (e.g. with Unikey) and upload again.',
  },
  'import.formula_without_result': {
    vi: 'Ô có công thức {formula} nhưng không lưu kết quả. Hãy mở tệp bằng Excel, lưu lại, hoặc thay công thức bằng giá trị.',
    en: 'The cell holds the formula {formula} without a saved result. Open and save the file in Excel, or replace the formula with its value.',
  },
  'import.cell_error_value': {
    vi: 'Ô đang báo lỗi ({value}); hãy sửa công thức hoặc nhập giá trị.',
    en: 'The cell shows an error ({value}); fix the formula or type the value.',
  },
  'import.cell_unreadable': { vi: 'Không đọc được nội dung ô này.', en: 'This cell cannot be read.' },
  'import.unstorable_character': {
    vi: 'Ô chứa ký tự không thể lưu ({character}); hãy xóa ký tự đó rồi tải lên lại.',
    en: 'The cell holds a character that cannot be stored ({character}); remove it and upload again.',
  },
  'import.file_unpacks_too_large': {
    vi: 'Tệp .xlsx khi giải nén vượt quá giới hạn {limit}. Không có gì được lưu; hãy chia tệp thành nhiều tệp nhỏ hơn.',
    en: 'The .xlsx file unpacks to more than the {limit} limit. Nothing was stored; split it into smaller files.',
  },
  'import.too_many_entries': {
    vi: 'Tệp .xlsx chứa quá {limit} thành phần, vượt giới hạn của một bảng tính. Không có gì được lưu.',
    en: 'The .xlsx file holds more than {limit} parts, beyond the limit for a workbook. Nothing was stored.',
  },
  'import.too_many_rows': {
    vi: 'Tệp có quá {limit} dòng, vượt giới hạn số dòng của một lượt nhập. Không có gì được lưu; hãy chia tệp thành nhiều tệp nhỏ hơn.',
    en: 'The file has more than {limit} rows, the limit for one import. Nothing was stored; split it into smaller files.',
  },
  'import.cell_too_long': {
    vi: 'Tệp có ô dài quá {limit} ký tự, vượt giới hạn độ dài một ô (với tệp .csv, có thể do dấu ngoặc kép không được đóng). Không có gì được lưu.',
    en: 'A cell is longer than {limit} characters, the limit for one cell (in a .csv file, perhaps a quote that is never closed). Nothing was stored.',
  },
  'import.too_many_shared_strings': {
    vi: 'Tệp .xlsx có quá {limit} chuỗi văn bản dùng chung, vượt giới hạn của một lượt nhập. Không có gì được lưu.',
    en: 'The .xlsx file has more than {limit} shared strings, the limit for one import. Nothing was stored.',
  },
  'import.duplicate_row': {
    vi: '"{value}" đã có ở dòng {firstRow} của tệp; mỗi bản ghi chỉ ghi một dòng.',
    en: '"{value}" is already on row {firstRow} of the file; give each record one row.',
  },
  'import.duplicate_gtin': {
    vi: 'Mã GTIN {gtin} đã dùng cho sản phẩm ở dòng {firstRow} của tệp.',
    en: 'GTIN {gtin} is already given to the product on row {firstRow} of the file.',
  },
  'import.producer_not_found': {
    vi: 'Chưa có chủ thể mã số thuế / số ĐKKD "{value}" trong tỉnh; hãy nhập chủ thể trước.',
    en: 'No producer with tax code / registration number "{value}" in the province; import the producer first.',
  },
  'import.product_other_province': {
    vi: 'Mã sản phẩm {value} thuộc một tỉnh khác.',
    en: 'Product code {value} belongs to another province.',
  },
  'import.product_of_other_producer': {
    vi: 'Sản phẩm {code} thuộc chủ thể khác, không phải chủ thể "{value}".',
    en: 'Product {code} belongs to another producer, not "{value}".',
  },
  'import.product_ambiguous': {
    vi: 'Chủ thể có nhiều sản phẩm tên "{value}" ({codes}); hãy ghi mã sản phẩm.',
    en: 'The producer has several products named "{value}" ({codes}); write the product code.',
  },
  'import.example_row_skipped': { vi: 'Dòng ví dụ của mẫu được bỏ qua.', en: 'The template’s example row was skipped.' },
} satisfies Partial<Record<ErrorCode, ErrorText>>;
