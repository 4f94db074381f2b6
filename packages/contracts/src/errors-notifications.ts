import type { ErrorCode } from '@ocop/domain/shared';
import type { ErrorText } from './common';

/** The texts of the notifications' error codes; `errors.ts` joins them into ERROR_MESSAGES. */
export const NOTIFICATION_ERROR_MESSAGES = {
  'notification.not_found': { vi: 'Không tìm thấy thông báo.', en: 'No such notification.' },
  'notification.too_many_recipients': {
    vi: 'Một lần gửi thông báo có tối đa {max} người nhận (đang có {count}).',
    en: 'One notification goes to at most {max} recipients (this one has {count}).',
  },
  'notification.unknown_recipient': {
    vi: 'Người nhận thông báo không tồn tại.',
    en: 'A recipient of the notification does not exist.',
  },
} satisfies Partial<Record<ErrorCode, ErrorText>>;
