import type { ScanVerdict } from '@ocop/domain/traceability';

/** The scan page's words, Vietnamese and English; the page speaks one, with a plain link to the other. */
export type ScanLanguage = 'vi' | 'en';

export const VERDICT_TEXTS: Record<ScanVerdict, { vi: string; en: string; detailVi: string; detailEn: string }> = {
  genuine: {
    vi: 'Chính hãng',
    en: 'Genuine',
    detailVi: 'Tem do chủ thể phát hành và đã kích hoạt khi đóng gói.',
    detailEn: 'This stamp was issued by the producer and activated at packing.',
  },
  not_activated: {
    vi: 'Tem chưa kích hoạt',
    en: 'Stamp not activated',
    detailVi: 'Tem có thật nhưng chủ thể chưa kích hoạt khi đóng gói: sản phẩm này chưa được xác nhận. Hãy hỏi người bán.',
    detailEn: 'The stamp exists but the producer has not activated it at packing: this product is not confirmed. Ask the seller.',
  },
  void: {
    vi: 'Tem đã hủy',
    en: 'Stamp void',
    detailVi: 'Chủ thể đã hủy tem này (mất, hỏng hoặc bị đánh cắp). Sản phẩm mang tem này có thể là hàng giả.',
    detailEn: 'The producer has voided this stamp (lost, damaged or stolen). A product bearing it may be counterfeit.',
  },
  unknown: {
    vi: 'Không tìm thấy tem',
    en: 'Unknown stamp',
    detailVi:
      'Không có tem truy xuất nào mang mã này. Hãy quét lại mã QR hoặc kiểm tra mã in trên tem; sản phẩm mang tem không có ở đây có thể là hàng giả.',
    detailEn:
      'No trace stamp has this code. Scan the QR code again or check the code printed on the stamp; a product whose stamp is not found here may be counterfeit.',
  },
  suspicious: {
    vi: 'Tem đáng ngờ',
    en: 'Suspicious stamp',
    detailVi:
      'Mã tem này được quét bất thường (quá nhiều lần hoặc ở những nơi quá xa nhau): tem có thể đã bị sao chép. Hãy kiểm tra người bán trước khi mua.',
    detailEn:
      'This stamp has been scanned abnormally (too often, or in places too far apart): it may have been copied. Check the seller before buying.',
  },
};

export const VERDICT_TONES: Record<ScanVerdict, { color: string; background: string }> = {
  genuine: { color: '#0f5c2e', background: '#dcf3e3' },
  not_activated: { color: '#7a4b00', background: '#fff1c7' },
  void: { color: '#8a1c1c', background: '#fde2e2' },
  unknown: { color: '#8a1c1c', background: '#fde2e2' },
  suspicious: { color: '#8a1c1c', background: '#fde2e2' },
};

export const TEXTS = {
  vi: {
    title: 'Kiểm tra tem OCOP',
    producer: 'Chủ thể',
    commune: 'Xã, phường',
    ocop: 'Hạng OCOP',
    stars: (n: number) => `${n} sao`,
    noCertificate: 'Chưa có giấy chứng nhận OCOP',
    certificate: 'Giấy chứng nhận',
    validUntil: (day: string) => `còn hiệu lực đến ${day}`,
    revokedOn: (day: string) => `thu hồi từ ngày ${day}: sản phẩm không được dùng nhãn OCOP`,
    expiredOn: (day: string) => `hết hiệu lực từ ngày ${day}`,
    lot: 'Lô sản xuất',
    producedOn: 'Ngày sản xuất',
    expiresOn: 'Hạn sử dụng',
    bestBefore: 'Sử dụng tốt nhất trước',
    journey: 'Hành trình sản phẩm',
    moreSteps: (n: number) => `và ${n} bước trước đó`,
    noJourney: 'Chưa có bước nào được ghi lại.',
    scans: (n: number, since: string) => `Tem này đã được quét ${n} lần, lần đầu lúc ${since}.`,
    report: 'Báo tem giả',
    reportHint: 'Nghi ngờ sản phẩm là hàng giả? Hãy cho chúng tôi biết; chủ thể và cơ quan quản lý OCOP của tỉnh sẽ nhận được.',
    message: 'Nội dung (bắt buộc, tối đa 1.000 ký tự)',
    contact: 'Số điện thoại hoặc email để liên hệ (không bắt buộc)',
    where: 'Nơi mua',
    send: 'Gửi báo cáo',
    thanks: 'Cảm ơn bạn đã báo. Chủ thể và cơ quan quản lý OCOP của tỉnh sẽ xem xét.',
    back: 'Quay lại trang tem',
    problems: {
      message_missing: 'Hãy nhập nội dung báo cáo.',
      message_too_long: 'Nội dung dài quá 1.000 ký tự.',
      contact_too_long: 'Thông tin liên hệ dài quá 200 ký tự.',
    },
    limited: 'Bạn quét quá nhanh',
    limitedDetail: 'Lượt quét đã được ghi nhận. Hãy chờ một phút rồi thử lại.',
    unavailable: 'Tạm thời không kiểm tra được',
    unavailableDetail: 'Hệ thống đang bận, lượt quét chưa được ghi nhận. Hãy thử lại sau ít phút.',
    retry: 'Thử lại',
    switchLabel: 'English',
    about: 'Giới thiệu',
    footer: 'Chương trình OCOP — Mỗi xã một sản phẩm',
  },
  en: {
    title: 'OCOP stamp check',
    producer: 'Producer',
    commune: 'Commune',
    ocop: 'OCOP rating',
    stars: (n: number) => `${n} star${n === 1 ? '' : 's'}`,
    noCertificate: 'No OCOP certificate yet',
    certificate: 'Certificate',
    validUntil: (day: string) => `valid until ${day}`,
    revokedOn: (day: string) => `revoked from ${day}: the product may not show the OCOP mark`,
    expiredOn: (day: string) => `expired on ${day}`,
    lot: 'Lot',
    producedOn: 'Produced on',
    expiresOn: 'Use by',
    bestBefore: 'Best before',
    journey: 'Product journey',
    moreSteps: (n: number) => `and ${n} earlier step${n === 1 ? '' : 's'}`,
    noJourney: 'No step recorded yet.',
    scans: (n: number, since: string) => `This stamp has been scanned ${n} time${n === 1 ? '' : 's'}, first at ${since}.`,
    report: 'Report a fake',
    reportHint: 'Do you think this product is counterfeit? Tell us; the producer and the province’s OCOP office will receive it.',
    message: 'What happened (required, at most 1,000 characters)',
    contact: 'Phone or email to reach you (optional)',
    where: 'Where you bought it',
    send: 'Send the report',
    thanks: 'Thank you for your report. The producer and the province’s OCOP office will look into it.',
    back: 'Back to the stamp',
    problems: {
      message_missing: 'Please write what happened.',
      message_too_long: 'The text is longer than 1,000 characters.',
      contact_too_long: 'The contact is longer than 200 characters.',
    },
    limited: 'Too many scans',
    limitedDetail: 'Your scan was recorded. Please wait a minute and try again.',
    unavailable: 'Cannot check right now',
    unavailableDetail: 'The system is busy and your scan was not recorded. Please try again in a few minutes.',
    retry: 'Try again',
    switchLabel: 'Tiếng Việt',
    about: 'About',
    footer: 'OCOP programme — One Commune One Product',
  },
} as const;

export type ScanTexts = (typeof TEXTS)[ScanLanguage];
