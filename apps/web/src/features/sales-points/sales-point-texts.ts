import { useCallback } from 'react';
import { fillPlaceholders, type TranslateValues, useI18n } from '../../lib/i18n';
import type { MessageKey } from '../../messages/vi';

const vi = {
  'salesPoints.title': 'Điểm giới thiệu và bán sản phẩm OCOP',
  'salesPoints.intro':
    'Sổ đăng ký các điểm bán của tỉnh: cửa hàng giới thiệu, góc OCOP tại bưu điện, gian hàng hội chợ, cửa hàng trực tuyến.',
  'salesPoints.new': 'Đăng ký điểm bán',
  'salesPoints.empty': 'Chưa có điểm bán nào.',
  'salesPoints.publicMap': 'Xem bản đồ công khai',
  'salesPoints.products': '{count} sản phẩm OCOP đang bày bán',
  'salesPoints.closed': 'Đã đóng cửa',
  'salesPoints.stock': 'Hàng bày bán',
  'salesPoint.createTitle': 'Đăng ký điểm bán',
  'salesPoint.editTitle': 'Sửa thông tin điểm bán',
  'salesPoint.edit': 'Sửa',
  'salesPoint.name': 'Tên điểm bán',
  'salesPoint.nameRequired': 'Nhập tên điểm bán.',
  'salesPoint.kind': 'Loại điểm bán',
  'salesPoint.commune': 'Xã, phường (từ 7/2025)',
  'salesPoint.communeRequired': 'Chọn xã, phường.',
  'salesPoint.legacyDistrict': 'Huyện cũ (chỉ cần khi xã mới gồm phần của nhiều huyện)',
  'salesPoint.address': 'Địa chỉ',
  'salesPoint.hours': 'Giờ mở cửa',
  'salesPoint.latitude': 'Vĩ độ',
  'salesPoint.longitude': 'Kinh độ',
  'salesPoint.locationHint': 'Lấy từ bản đồ trên điện thoại (ví dụ 21.3268, 103.9148). Cửa hàng trực tuyến không cần.',
  'salesPoint.websiteUrl': 'Trang web',
  'salesPoint.phone': 'Điện thoại',
  'salesPoint.operatorName': 'Đơn vị vận hành',
  'salesPoint.status': 'Trạng thái',
  'salesPoint.status.active': 'Đang hoạt động',
  'salesPoint.status.closed': 'Đã đóng cửa',
  'salesPoint.saved': 'Đã lưu điểm bán “{name}”.',
  'stock.title': 'Sản phẩm OCOP bày bán tại điểm',
  'stock.intro': 'Đánh dấu các sản phẩm OCOP đang có trên kệ; trang sản phẩm công khai sẽ ghi điểm bán này ở mục “Nơi mua”.',
  'stock.add': 'Thêm sản phẩm',
  'stock.search': 'Tìm sản phẩm OCOP (không cần dấu)',
  'stock.remove': 'Bỏ khỏi kệ',
  'stock.save': 'Lưu hàng bày bán',
  'stock.saved': 'Đã lưu {count} sản phẩm bày bán.',
  'stock.empty': 'Chưa có sản phẩm nào trên kệ.',
  'stock.updatedAt': 'Cập nhật lần cuối: {at}',
  'stock.unsaved': 'Có thay đổi chưa lưu.',
  'stock.back': '← Danh sách điểm bán',
} as const;

const en: Record<keyof typeof vi, string> = {
  'salesPoints.title': 'OCOP showcases and sales points',
  'salesPoints.intro': 'The province’s register of sales points: showcase shops, OCOP corners in post offices, fair booths, online stores.',
  'salesPoints.new': 'Register a point',
  'salesPoints.empty': 'No sales point yet.',
  'salesPoints.publicMap': 'Open the public map',
  'salesPoints.products': '{count} OCOP products on sale',
  'salesPoints.closed': 'Closed',
  'salesPoints.stock': 'Stock',
  'salesPoint.createTitle': 'Register a sales point',
  'salesPoint.editTitle': 'Edit the sales point',
  'salesPoint.edit': 'Edit',
  'salesPoint.name': 'Name',
  'salesPoint.nameRequired': 'Enter the point’s name.',
  'salesPoint.kind': 'Kind',
  'salesPoint.commune': 'Commune or ward (since July 2025)',
  'salesPoint.communeRequired': 'Choose the commune.',
  'salesPoint.legacyDistrict': 'Former district (only when the new commune joined parts of several)',
  'salesPoint.address': 'Address',
  'salesPoint.hours': 'Opening hours',
  'salesPoint.latitude': 'Latitude',
  'salesPoint.longitude': 'Longitude',
  'salesPoint.locationHint': 'From a phone’s map (e.g. 21.3268, 103.9148). An online store needs none.',
  'salesPoint.websiteUrl': 'Website',
  'salesPoint.phone': 'Phone',
  'salesPoint.operatorName': 'Run by',
  'salesPoint.status': 'Status',
  'salesPoint.status.active': 'Open',
  'salesPoint.status.closed': 'Closed',
  'salesPoint.saved': 'Sales point “{name}” saved.',
  'stock.title': 'OCOP products on sale at the point',
  'stock.intro': 'Tick the OCOP products on the shelf; the public product pages then name this point under “Where to buy”.',
  'stock.add': 'Add a product',
  'stock.search': 'Search OCOP products (diacritics optional)',
  'stock.remove': 'Take off the shelf',
  'stock.save': 'Save the stock',
  'stock.saved': '{count} products on sale saved.',
  'stock.empty': 'No product on the shelf yet.',
  'stock.updatedAt': 'Last updated: {at}',
  'stock.unsaved': 'There are unsaved changes.',
  'stock.back': '← Sales points',
};

export type SalesPointTextKey = keyof typeof vi;
export const salesPointTexts = { vi, en };

/** `t` for the sales-point screens: their own texts first, the shared ones (`common.*`) otherwise. */
export function useSalesPointTexts() {
  const { language, t } = useI18n();
  return useCallback(
    (key: SalesPointTextKey | MessageKey, values?: TranslateValues) =>
      Object.hasOwn(vi, key)
        ? fillPlaceholders((language === 'en' ? en : vi)[key as SalesPointTextKey], values)
        : t(key as MessageKey, values),
    [language, t],
  );
}
