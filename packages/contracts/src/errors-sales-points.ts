import type { ErrorCode } from '@ocop/domain/shared';
import type { ErrorText } from './common';

/** The texts of the sales points' error codes; `errors.ts` joins them into ERROR_MESSAGES. */
export const SALES_POINT_ERROR_MESSAGES = {
  'sales_point.not_found': { vi: 'Không tìm thấy điểm giới thiệu và bán sản phẩm.', en: 'No such sales point.' },
  'sales_point.location_required': {
    vi: 'Điểm bán có địa chỉ thực cần vị trí trên bản đồ (vĩ độ, kinh độ).',
    en: 'A point people walk into needs its place on the map (latitude, longitude).',
  },
  'sales_point.location_outside': {
    vi: 'Vị trí nằm ngoài lãnh thổ Việt Nam: có thể đã nhập nhầm hoặc đảo vĩ độ và kinh độ.',
    en: 'The location lies outside Vietnam: latitude and longitude may be mistyped or swapped.',
  },
  'sales_point.website_required': {
    vi: 'Cửa hàng trực tuyến cần địa chỉ trang web.',
    en: 'An online store needs its web address.',
  },
  'sales_point.district_required': {
    vi: 'Xã/phường này được hợp nhất từ nhiều huyện cũ; hãy chọn huyện cũ nơi điểm bán đặt (một trong: {candidates}).',
    en: 'This commune joined parts of several former districts; choose the one the point is in (one of: {candidates}).',
  },
  'sales_point.stale_revision': {
    vi: 'Điểm bán vừa được người khác sửa; hãy tải lại rồi sửa tiếp.',
    en: 'Someone changed the sales point meanwhile; reload it and edit again.',
  },
  'sales_point.closed': {
    vi: 'Điểm bán đã đóng cửa nên không cập nhật hàng bày bán.',
    en: 'The sales point is closed; its stock cannot be changed.',
  },
  'sales_point.product_not_certified': {
    vi: 'Có sản phẩm không nằm trong danh mục sản phẩm OCOP đang được chứng nhận: {productIds}.',
    en: 'Some products are not in the catalogue of certified OCOP products: {productIds}.',
  },
} as const satisfies Partial<Record<ErrorCode, ErrorText>>;
