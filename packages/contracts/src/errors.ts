import type { Language } from './common';

type Text = { vi: string; en: string };

/**
 * The words users read for each error code, in both languages. The server answers with the
 * text in the request's language; the web app looks the same code up when it renders a form.
 * `{name}` placeholders are filled from the error's details.
 */
export const ERROR_MESSAGES: Record<string, Text> = {
  internal: { vi: 'Đã có lỗi không mong muốn. Lỗi đã được ghi lại, vui lòng thử lại sau.', en: 'Unexpected error; it has been logged. Please try again later.' },
  'request.invalid': { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request is not valid.' },
  'request.malformed_json': { vi: 'Nội dung gửi lên không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' },
  'request.invalid_utf8': { vi: 'Nội dung gửi lên không phải văn bản UTF-8 hợp lệ.', en: 'The request body is not valid UTF-8 text.' },
  'request.body_too_large': { vi: 'Nội dung gửi lên quá lớn (tối đa {limit}).', en: 'The request body is too large (at most {limit}).' },
  'request.unsupported_media_type': { vi: 'Kiểu nội dung "{contentType}" không được hỗ trợ.', en: 'Content type "{contentType}" is not supported.' },
  'request.empty_body': { vi: 'Thiếu nội dung yêu cầu.', en: 'The request body is missing.' },
  'route.not_found': { vi: 'Không tìm thấy địa chỉ {method} {url}.', en: 'No such address: {method} {url}.' },
  'auth.required': { vi: 'Bạn cần đăng nhập để tiếp tục.', en: 'Please log in to continue.' },
  'auth.session_expired': { vi: 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.', en: 'Your session has expired. Please log in again.' },
  'auth.invalid_credentials': { vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong login or password.' },
  'auth.throttled': { vi: 'Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {minutes} phút (sau {retryAtLocal}).', en: 'Too many failed logins. Please try again in {minutes} minutes (after {retryAtLocal}).' },
  'auth.csrf_invalid': { vi: 'Thiếu hoặc sai mã bảo vệ (CSRF). Vui lòng tải lại trang.', en: 'Missing or wrong CSRF token. Please reload the page.' },
  'auth.forbidden': { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  'auth.password_change_required': { vi: 'Bạn cần đổi mật khẩu trước khi tiếp tục.', en: 'You must change your password before continuing.' },
  'auth.wrong_current_password': { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
  'auth.user_disabled': { vi: 'Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên.', en: 'This account is disabled. Please contact your administrator.' },
  'user.invalid_email': { vi: 'Địa chỉ email không hợp lệ.', en: 'The email address is not valid.' },
  'user.invalid_phone': { vi: 'Số điện thoại không hợp lệ (cần 10–11 chữ số, bắt đầu bằng 0 hoặc +84).', en: 'The phone number is not valid (10–11 digits, starting with 0 or +84).' },
  'user.login_required': { vi: 'Cần có email hoặc số điện thoại.', en: 'An email or a phone number is required.' },
  'user.password_too_short': { vi: 'Mật khẩu phải có ít nhất {min} ký tự.', en: 'The password must have at least {min} characters.' },
  'user.password_too_long': { vi: 'Mật khẩu không được dài quá {max} ký tự.', en: 'The password must have at most {max} characters.' },
  'user.password_same_as_login': { vi: 'Mật khẩu không được trùng với tên đăng nhập.', en: 'The password must differ from the login.' },
  'user.login_taken': { vi: 'Email hoặc số điện thoại này đã được dùng cho tài khoản khác.', en: 'This email or phone number is already used by another account.' },
  'user.not_found': { vi: 'Không tìm thấy người dùng.', en: 'No such user.' },
  'user.cannot_disable_self': { vi: 'Bạn không thể tự khóa tài khoản của mình.', en: 'You cannot disable your own account.' },
  'role.scope_missing': { vi: 'Vai trò {role} cần có phạm vi ({field}).', en: 'The role {role} needs a scope ({field}).' },
  'role.scope_not_supported': { vi: 'Chưa thể cấp vai trò {role} trên hệ thống này.', en: 'The role {role} cannot be granted yet.' },
  'role.grant_not_allowed': { vi: 'Bạn không được cấp vai trò này trong phạm vi này.', en: 'You may not grant this role in this scope.' },
  'province.not_served': { vi: 'Tỉnh {provinceCode} chưa được phục vụ trên hệ thống này.', en: 'Province {provinceCode} is not served by this system.' },
  'province.outside_scope': { vi: 'Bạn không có quyền với dữ liệu của tỉnh này.', en: 'You have no access to this province.' },
  'admin_unit.not_found': { vi: 'Không tìm thấy đơn vị hành chính mã {code}.', en: 'No administrative unit has code {code}.' },
  'admin_unit.commune_not_found': { vi: 'Không có xã/phường mã {code} thuộc tỉnh {provinceCode}.', en: 'No commune {code} in province {provinceCode}.' },
  'admin_unit.query_too_short': { vi: 'Nhập ít nhất 2 ký tự để tìm kiếm.', en: 'Type at least 2 characters to search.' },
};

/** The text for a code in a language, with `{placeholders}` filled from details. */
export function errorMessage(code: string, language: Language, details: Record<string, unknown> = {}): string {
  const text = ERROR_MESSAGES[code] ?? ERROR_MESSAGES.internal;
  const template = text ? text[language] : code;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = details[name];
    return value === undefined || value === null ? whole : String(value);
  });
}
