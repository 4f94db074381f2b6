import type { ErrorCode } from '@ocop/domain/shared';
import type { Language } from './common';

import type { ErrorText as Text } from './common';
import { CERTIFICATION_ERROR_MESSAGES } from './errors-certification';
import { EVALUATION_ERROR_MESSAGES } from './errors-evaluation';
import { NOTIFICATION_ERROR_MESSAGES } from './errors-notifications';
import { FILE_ERROR_MESSAGES } from './errors-files';
import { TRACEABILITY_ERROR_MESSAGES } from './errors-traceability';
import { API_KEY_ERROR_MESSAGES } from './errors-api-keys';
import { SALES_POINT_ERROR_MESSAGES } from './errors-sales-points';
import { INQUIRY_ERROR_MESSAGES } from './errors-inquiries';
import { CONTENT_ERROR_MESSAGES } from './errors-content';

/**
 * The words users read for each error code, in both languages. The server answers with the
 * text in the request's language; the web app looks the same code up when it renders a form.
 * `{name}` placeholders are filled from the error's details. Typed by the code union of the
 * domain: a code without its two texts, or a text for no code, does not compile.
 */
export const ERROR_MESSAGES: Record<ErrorCode, Text> = {
  ...EVALUATION_ERROR_MESSAGES,
  ...CERTIFICATION_ERROR_MESSAGES,
  ...CONTENT_ERROR_MESSAGES,
  ...NOTIFICATION_ERROR_MESSAGES,
  ...FILE_ERROR_MESSAGES,
  ...TRACEABILITY_ERROR_MESSAGES,
  ...API_KEY_ERROR_MESSAGES,
  ...SALES_POINT_ERROR_MESSAGES,
  ...INQUIRY_ERROR_MESSAGES,
  internal: {
    vi: 'Đã có lỗi không mong muốn. Lỗi đã được ghi lại, vui lòng thử lại sau.',
    en: 'Unexpected error; it has been logged. Please try again later.',
  },
  'request.invalid': { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request is not valid.' },
  'request.malformed_json': { vi: 'Nội dung gửi lên không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' },
  'request.malformed_url': {
    vi: 'Địa chỉ không hợp lệ: một ký tự mã hóa phần trăm (%) bị sai trong "{url}".',
    en: 'The address is malformed: a percent-encoded (%) character is broken in "{url}".',
  },
  'request.invalid_utf8': { vi: 'Nội dung gửi lên không phải văn bản UTF-8 hợp lệ.', en: 'The request body is not valid UTF-8 text.' },
  'request.invalid_character': {
    vi: 'Trường "{field}" chứa ký tự không thể lưu ({character}); hãy xóa ký tự đó rồi gửi lại.',
    en: 'The field "{field}" holds a character that cannot be stored ({character}); remove it and send again.',
  },
  'request.invalid_utf8_field': {
    vi: 'Trường "{field}" không phải văn bản UTF-8 hợp lệ; hãy nhập lại nội dung trường này.',
    en: 'The field "{field}" is not valid UTF-8 text; type its content again.',
  },
  'request.unstorable_text': {
    vi: 'Dữ liệu gửi lên chứa ký tự không thể lưu (ký tự NUL hoặc ký tự Unicode không hợp lệ).',
    en: 'The request holds a character that cannot be stored (NUL or an invalid Unicode character).',
  },
  'request.body_too_large': { vi: 'Nội dung gửi lên quá lớn (tối đa {limit}).', en: 'The request body is too large (at most {limit}).' },
  'request.unsupported_media_type': {
    vi: 'Kiểu nội dung "{contentType}" không được hỗ trợ.',
    en: 'Content type "{contentType}" is not supported.',
  },
  'request.empty_body': { vi: 'Thiếu nội dung yêu cầu.', en: 'The request body is missing.' },
  'route.not_found': { vi: 'Không tìm thấy địa chỉ {method} {url}.', en: 'No such address: {method} {url}.' },
  'auth.required': { vi: 'Bạn cần đăng nhập để tiếp tục.', en: 'Please log in to continue.' },
  'auth.session_expired': {
    vi: 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
    en: 'Your session has expired. Please log in again.',
  },
  'auth.invalid_credentials': { vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong login or password.' },
  'auth.throttled': {
    vi: 'Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {minutes} phút (sau {retryAtLocal}).',
    en: 'Too many failed logins. Please try again in {minutes} minutes (after {retryAtLocal}).',
  },
  'auth.password_change_throttled': {
    vi: 'Bạn đã nhập sai mật khẩu hiện tại quá nhiều lần. Vui lòng thử lại sau {minutes} phút (sau {retryAtLocal}).',
    en: 'Too many wrong current passwords. Please try again in {minutes} minutes (after {retryAtLocal}).',
  },
  'auth.csrf_invalid': {
    vi: 'Thiếu hoặc sai mã bảo vệ (CSRF). Vui lòng tải lại trang.',
    en: 'Missing or wrong CSRF token. Please reload the page.',
  },
  'auth.forbidden': { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  'auth.password_change_required': {
    vi: 'Bạn cần đổi mật khẩu trước khi tiếp tục.',
    en: 'You must change your password before continuing.',
  },
  'auth.wrong_current_password': { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
  'auth.user_disabled': {
    vi: 'Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên.',
    en: 'This account is disabled. Please contact your administrator.',
  },
  'user.invalid_email': { vi: 'Địa chỉ email không hợp lệ.', en: 'The email address is not valid.' },
  'user.invalid_phone': {
    vi: 'Số điện thoại không hợp lệ (cần 10–11 chữ số, bắt đầu bằng 0 hoặc +84).',
    en: 'The phone number is not valid (10–11 digits, starting with 0 or +84).',
  },
  'user.login_required': { vi: 'Cần có email hoặc số điện thoại.', en: 'An email or a phone number is required.' },
  'user.password_too_short': { vi: 'Mật khẩu phải có ít nhất {min} ký tự.', en: 'The password must have at least {min} characters.' },
  'user.password_too_long': { vi: 'Mật khẩu không được dài quá {max} ký tự.', en: 'The password must have at most {max} characters.' },
  'user.password_same_as_login': { vi: 'Mật khẩu không được trùng với tên đăng nhập.', en: 'The password must differ from the login.' },
  'user.login_taken': {
    vi: 'Email hoặc số điện thoại này đã được dùng cho tài khoản khác.',
    en: 'This email or phone number is already used by another account.',
  },
  'user.not_found': { vi: 'Không tìm thấy người dùng.', en: 'No such user.' },
  'user.cannot_disable_self': { vi: 'Bạn không thể tự khóa tài khoản của mình.', en: 'You cannot disable your own account.' },
  'role.scope_missing': { vi: 'Vai trò {role} cần có phạm vi ({field}).', en: 'The role {role} needs a scope ({field}).' },
  'role.scope_not_supported': { vi: 'Chưa thể cấp vai trò {role} trên hệ thống này.', en: 'The role {role} cannot be granted yet.' },
  'role.grant_not_allowed': { vi: 'Bạn không được cấp vai trò này trong phạm vi này.', en: 'You may not grant this role in this scope.' },
  'province.not_served': {
    vi: 'Tỉnh {provinceCode} chưa được phục vụ trên hệ thống này.',
    en: 'Province {provinceCode} is not served by this system.',
  },
  'province.outside_scope': { vi: 'Bạn không có quyền với dữ liệu của tỉnh này.', en: 'You have no access to this province.' },
  'admin_unit.not_found': { vi: 'Không tìm thấy đơn vị hành chính mã {code}.', en: 'No administrative unit has code {code}.' },
  'admin_unit.commune_not_found': {
    vi: 'Không có xã/phường mã {code} thuộc tỉnh {provinceCode}.',
    en: 'No commune {code} in province {provinceCode}.',
  },
  'admin_unit.query_too_short': { vi: 'Nhập ít nhất 2 ký tự để tìm kiếm.', en: 'Type at least 2 characters to search.' },
  // Registry: classification
  'classification.version_not_found': {
    vi: 'Không có phiên bản phân loại sản phẩm "{version}".',
    en: 'No product classification "{version}".',
  },
  'product_set.not_found': { vi: 'Không tìm thấy bộ sản phẩm.', en: 'No such product set.' },
  'product_set.update_empty': { vi: 'Chưa có thay đổi nào để lưu.', en: 'There is nothing to change.' },
  'product_set.effective_dates_inverted': {
    vi: 'Ngày hết hiệu lực ({effectiveTo}) phải sau ngày có hiệu lực ({effectiveFrom}).',
    en: 'The end date ({effectiveTo}) must come after the start date ({effectiveFrom}).',
  },
  // Registry: producers
  'producer.not_found': { vi: 'Không tìm thấy chủ thể OCOP.', en: 'No such OCOP producer.' },
  'producer.edit_not_allowed': { vi: 'Bạn không được sửa thông tin chủ thể này.', en: 'You may not change this producer.' },
  'producer.create_not_allowed': {
    vi: 'Bạn không được thêm chủ thể tại xã/phường {communeCode} của tỉnh {provinceCode}.',
    en: 'You may not add a producer in commune {communeCode} of province {provinceCode}.',
  },
  'producer.move_not_allowed': {
    vi: 'Bạn không được chuyển chủ thể sang xã/phường {communeCode} (ngoài phạm vi quản lý của bạn).',
    en: 'You may not move the producer to commune {communeCode}, outside your area.',
  },
  'producer.field_reserved': {
    vi: 'Loại hình, mã số thuế / số ĐKKD và xã/phường của chủ thể do cán bộ quản lý thay đổi; hãy liên hệ cán bộ xã hoặc tỉnh.',
    en: 'A producer’s type, tax code / registration number and commune are changed by officers; please ask your commune or province officer.',
  },
  'producer.status_change_forbidden': {
    vi: 'Chỉ cán bộ cấp tỉnh được thay đổi trạng thái hoạt động của chủ thể.',
    en: 'Only provincial staff may change a producer’s status.',
  },
  'producer.province_required': { vi: 'Cần chọn tỉnh của chủ thể.', en: 'Choose the producer’s province.' },
  'producer.registration_number_required': {
    vi: 'Cần nhập mã số thuế hoặc số đăng ký kinh doanh.',
    en: 'The tax code or business registration number is required.',
  },
  'producer.tax_code_invalid': {
    vi: 'Mã số thuế "{value}" không hợp lệ: mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số (chi nhánh).',
    en: 'Tax code "{value}" is not valid: a tax code has 10 digits, or 10 digits, a dash and 3 digits (branch).',
  },
  'producer.registration_number_invalid': {
    vi: 'Số đăng ký "{value}" không hợp lệ: chỉ dùng chữ, số và các dấu / - .',
    en: 'Registration number "{value}" is not valid: use letters, digits and / - . only.',
  },
  'producer.registration_number_in_use': {
    vi: 'Mã số thuế / số ĐKKD {registrationNumber} đã được một chủ thể khác trong tỉnh sử dụng.',
    en: 'Tax code / registration number {registrationNumber} is already used by another producer in this province.',
  },
  'producer.registration_number_taken': {
    vi: 'Mã số thuế / số ĐKKD {registrationNumber} đã được dùng cho chủ thể "{name}" trong tỉnh.',
    en: 'Tax code / registration number {registrationNumber} is already used by the producer "{name}" in this province.',
  },
  'producer.legal_form_required': {
    vi: 'Doanh nghiệp cần có loại hình doanh nghiệp (TNHH, cổ phần…).',
    en: 'An enterprise needs its legal form (LLC, joint-stock…).',
  },
  'producer.legal_form_not_applicable': {
    vi: 'Chỉ doanh nghiệp mới có loại hình doanh nghiệp.',
    en: 'Only an enterprise has a legal form.',
  },
  'producer.legacy_commune_not_found': {
    vi: 'Không có xã cũ mã {code} (trước 01/7/2025) thuộc tỉnh {provinceCode}.',
    en: 'No former commune {code} (before 1 July 2025) in province {provinceCode}.',
  },
  'producer.founding_year_invalid': { vi: 'Năm thành lập phải từ {min} đến {max}.', en: 'The founding year must be from {min} to {max}.' },
  'producer.member_count_invalid': {
    vi: 'Số thành viên/lao động phải là số nguyên không âm.',
    en: 'The number of members/workers must be a whole number from 0.',
  },
  'producer.location_incomplete': {
    vi: 'Cần nhập cả vĩ độ và kinh độ, hoặc để trống cả hai.',
    en: 'Give both latitude and longitude, or neither.',
  },
  'producer.location_outside_vietnam': {
    vi: 'Tọa độ nằm ngoài lãnh thổ Việt Nam (kiểm tra lại vĩ độ/kinh độ, có thể bị đảo ngược).',
    en: 'The location is outside Vietnam (check latitude and longitude; they may be swapped).',
  },
  'producer.phone_invalid': { vi: 'Số điện thoại "{value}" không hợp lệ.', en: 'Phone number "{value}" is not valid.' },
  'producer.email_invalid': { vi: 'Địa chỉ email "{value}" không hợp lệ.', en: 'Email address "{value}" is not valid.' },
  'producer.stale_version': {
    vi: 'Thông tin chủ thể vừa được người khác thay đổi. Vui lòng tải lại và thử lại.',
    en: 'Someone else has just changed this producer. Please reload and try again.',
  },
  'producer.status_change_not_allowed': {
    vi: 'Không thể chuyển chủ thể từ trạng thái "{from}" sang "{to}".',
    en: 'A producer cannot go from "{from}" to "{to}".',
  },
  'producer.dissolved': {
    vi: 'Chủ thể đã giải thể; không thể thêm hoặc bán sản phẩm.',
    en: 'The producer is dissolved; products cannot be added or put on sale.',
  },
  // Registry: products
  'product.not_found': { vi: 'Không tìm thấy sản phẩm.', en: 'No such product.' },
  'product.product_set_not_found': { vi: 'Không tìm thấy bộ sản phẩm đã chọn.', en: 'The chosen product set does not exist.' },
  'product.product_set_not_current': {
    vi: 'Bộ sản phẩm "{name}" thuộc phân loại cũ; hãy chọn bộ sản phẩm theo phân loại hiện hành.',
    en: 'Product set "{name}" belongs to an earlier classification; choose a set of the one in force.',
  },
  'product.legacy_product_set_invalid': {
    vi: 'Bộ sản phẩm cũ phải là một bộ sản phẩm theo QĐ 1048/QĐ-TTg.',
    en: 'The former product set must be a set of QĐ 1048/QĐ-TTg.',
  },
  'product.gtin_invalid': {
    vi: 'Mã GTIN "{value}" không hợp lệ (cần 8, 12, 13 hoặc 14 chữ số với số kiểm tra GS1 đúng).',
    en: 'GTIN "{value}" is not valid (8, 12, 13 or 14 digits with a correct GS1 check digit).',
  },
  'product.gtin_in_use': {
    vi: 'Mã GTIN {gtin} đã được gán cho một sản phẩm khác.',
    en: 'GTIN {gtin} already belongs to another product.',
  },
  'product.gtin_taken': {
    vi: 'Mã GTIN {gtin} đã được gán cho sản phẩm khác ({productCode}).',
    en: 'GTIN {gtin} already belongs to another product ({productCode}).',
  },
  'product.price_invalid': { vi: 'Giá phải là số nguyên đồng, không âm.', en: 'A price must be a whole, non-negative number of đồng.' },
  'product.price_range_inverted': {
    vi: 'Giá thấp nhất ({min}) lớn hơn giá cao nhất ({max}).',
    en: 'The lowest price ({min}) is above the highest ({max}).',
  },
  'product.code_invalid': {
    vi: 'Mã sản phẩm "{value}" không hợp lệ (3–40 ký tự: chữ, số, dấu . - /).',
    en: 'Product code "{value}" is not valid (3–40 letters, digits, dots, dashes or slashes).',
  },
  'product.code_taken': { vi: 'Mã sản phẩm {code} đã được dùng.', en: 'Product code {code} is already used.' },
  'product.code_not_allowed': {
    vi: 'Chỉ cán bộ cấp tỉnh được nhập mã sản phẩm đã cấp trước đây.',
    en: 'Only provincial staff may enter a product code issued earlier.',
  },
  'product.stale_version': {
    vi: 'Thông tin sản phẩm vừa được người khác thay đổi. Vui lòng tải lại và thử lại.',
    en: 'Someone else has just changed this product. Please reload and try again.',
  },
  'product.status_change_not_allowed': {
    vi: 'Không thể chuyển sản phẩm từ trạng thái "{from}" sang "{to}".',
    en: 'A product cannot go from "{from}" to "{to}".',
  },
  'product.seasons_invalid': {
    vi: 'Tháng mùa vụ "{value}" không hợp lệ: mỗi tháng là số từ 1 đến 12 và chỉ ghi một lần.',
    en: 'Season month "{value}" is not valid: each month is a number from 1 to 12, given once.',
  },
};

/** Details that are sums of money, written the way the app shows prices: "90.000 ₫". */
const MONEY_DETAILS: Readonly<Record<string, readonly string[]>> = {
  'product.price_range_inverted': ['min', 'max'],
};

function formatDong(value: unknown): string {
  const amount = Number(value);
  if (!Number.isFinite(amount)) return String(value);
  return `${String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}\u00a0₫`;
}

/** The text for a code in a language, with `{placeholders}` filled from details. */
export function errorMessage(code: string, language: Language, details: Record<string, unknown> = {}): string {
  // A code from outside (an older server, a stored problem) may be unknown: it reads as "internal".
  // The table's own keys are the codes (errors.test.ts holds them equal to ERROR_CODES); asking the
  // domain's list instead would put all of it in the web app's first load.
  const text = Object.hasOwn(ERROR_MESSAGES, code) ? ERROR_MESSAGES[code as ErrorCode] : ERROR_MESSAGES.internal;
  const template = text[language];
  const money = MONEY_DETAILS[code] ?? [];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = details[name];
    if (value === undefined || value === null) return whole;
    return money.includes(name) ? formatDong(value) : String(value);
  });
}
