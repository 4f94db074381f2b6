import type { ErrorCode } from '@ocop/domain/shared';
import type { ErrorText } from './common';

/** The texts of the content module's error codes (news, legal texts, attachments); `errors.ts` joins them into ERROR_MESSAGES. */
export const CONTENT_ERROR_MESSAGES = {
  'content.not_found': { vi: 'Không tìm thấy bài viết hoặc văn bản này.', en: 'No such article or legal text.' },
  'content.file_not_found': { vi: 'Không tìm thấy tệp đính kèm này.', en: 'No such attachment.' },
  'content.slug_taken': {
    vi: 'Đường dẫn "{slug}" đã được dùng cho bài khác; hãy chọn đường dẫn khác.',
    en: 'The address "{slug}" is already used by another item; choose another.',
  },
  'content.body_too_large': {
    vi: 'Nội dung bài quá dài ({size}, tối đa {limit}).',
    en: 'The body is too long ({size}, at most {limit}).',
  },
  'content.stale_version': {
    vi: 'Bài này vừa được người khác thay đổi. Vui lòng tải lại và thử lại.',
    en: 'Someone else has just changed this item. Please reload and try again.',
  },
  'content.step_not_allowed': {
    vi: 'Không thể thực hiện thao tác này khi bài đang ở trạng thái "{status}".',
    en: 'This cannot be done while the item is "{status}".',
  },
  'content.province_required': {
    vi: 'Hãy chọn tỉnh của bài viết.',
    en: 'Choose the province of the item.',
  },
  'content.legal_field_required': {
    vi: 'Văn bản pháp lý cần có trường "{field}" (loại, số hiệu, cơ quan ban hành, ngày ký).',
    en: 'A legal text needs its "{field}" (kind, number, issuing body, date signed).',
  },
  'content.effective_before_signed': {
    vi: 'Ngày hiệu lực không được trước ngày ký.',
    en: 'The effective date cannot be before the date signed.',
  },
  'content.too_many_files': {
    vi: 'Mỗi bài có tối đa {limit} tệp đính kèm và ảnh.',
    en: 'An item has at most {limit} attachments and pictures.',
  },
} satisfies Partial<Record<ErrorCode, ErrorText>>;
