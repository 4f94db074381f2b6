import type { ErrorCode } from '@ocop/domain/shared';
import type { ErrorText } from './common';

/** The texts of the API keys' error codes (a producer's software calling EPCIS); `errors.ts` joins them into ERROR_MESSAGES. */
export const API_KEY_ERROR_MESSAGES = {
  'auth.api_key_invalid': {
    vi: 'Khóa API không hợp lệ, đã bị thu hồi hoặc đã hết hạn. Hãy kiểm tra lại khóa hoặc xin cấp khóa mới.',
    en: 'The API key is not valid, has been revoked or has expired. Check the key or ask for a new one.',
  },
  'api_key.not_found': { vi: 'Không tìm thấy khóa API.', en: 'No such API key.' },
  'api_key.name_invalid': {
    vi: 'Tên khóa cần từ 1 đến {max} ký tự.',
    en: 'The key’s name must have 1 to {max} characters.',
  },
  'api_key.scopes_invalid': {
    vi: 'Hãy chọn ít nhất một quyền trong số: {scopes}.',
    en: 'Choose at least one scope among: {scopes}.',
  },
  'api_key.expiry_invalid': {
    vi: 'Ngày hết hạn phải sau hôm nay ({today}) và không muộn hơn {latest}.',
    en: 'The last day must be after today ({today}) and no later than {latest}.',
  },
  'api_key.too_many': {
    vi: 'Cơ sở này đã có {max} khóa API đang dùng. Hãy thu hồi khóa không còn dùng trước khi tạo khóa mới.',
    en: 'This producer already has {max} keys in use. Revoke a key no longer used before creating a new one.',
  },
} satisfies Partial<Record<ErrorCode, ErrorText>>;
