import type { ErrorCode } from '@ocop/domain/shared';
import type { ErrorText } from './common';

/** The texts of buyers' inquiries (public form and the producer's inbox); `errors.ts` joins them into ERROR_MESSAGES. */
export const INQUIRY_ERROR_MESSAGES = {
  'inquiry.not_found': { vi: 'Không tìm thấy yêu cầu hỏi mua.', en: 'No such inquiry.' },
  'inquiry.status_not_allowed': {
    vi: 'Yêu cầu hỏi mua chỉ chuyển tiếp (mới → đã xem → đã trả lời → đã đóng), không quay lại trạng thái trước.',
    en: 'An inquiry only moves forward (new → read → answered → closed), never back.',
  },
  'inquiry.rate_limited': {
    vi: 'Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau {retryAfterSeconds} giây.',
    en: 'You have sent too many inquiries in a short time. Please try again in {retryAfterSeconds} seconds.',
  },
  'inquiry.producer_daily_cap': {
    vi: 'Chủ thể này đã nhận đủ số yêu cầu hỏi mua trong hôm nay. Vui lòng gửi lại vào ngày mai.',
    en: 'This producer has received as many inquiries as it can today. Please send yours tomorrow.',
  },
  'inquiry.form_expired': {
    vi: 'Biểu mẫu đã quá hạn hoặc không hợp lệ. Vui lòng gửi lại từ biểu mẫu bên dưới.',
    en: 'The form has expired or is not valid. Please send again from the form below.',
  },
  'inquiry.too_fast': {
    vi: 'Biểu mẫu được gửi quá nhanh. Vui lòng kiểm tra lại nội dung rồi gửi lại.',
    en: 'The form was sent too quickly. Please check what you wrote and send again.',
  },
  'inquiry.fields_invalid': {
    vi: 'Vui lòng sửa các trường được đánh dấu rồi gửi lại.',
    en: 'Please correct the marked fields and send again.',
  },
} satisfies Partial<Record<ErrorCode, ErrorText>>;
