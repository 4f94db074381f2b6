import { DomainError } from '../shared/domain-error';

/** Papers a producer or a product carries in its dossier; supervision reads their validity. */
export const DOCUMENT_KINDS = [
  'business_licence',
  'food_safety_certificate',
  'product_standard_declaration',
  'test_report',
  'label_photo',
  'trademark_certificate',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  business_licence: 'Giấy chứng nhận đăng ký kinh doanh',
  food_safety_certificate: 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
  product_standard_declaration: 'Bản công bố tiêu chuẩn / tự công bố sản phẩm',
  test_report: 'Phiếu kết quả kiểm nghiệm',
  label_photo: 'Ảnh nhãn sản phẩm',
  trademark_certificate: 'Giấy chứng nhận đăng ký nhãn hiệu',
  other: 'Tài liệu khác',
};

export type DocumentValidity = { validFrom: string | null; validTo: string | null };

/** ISO dates (yyyy-mm-dd) compare as strings; the end may not come before the start. */
export function checkDocumentValidity(validity: DocumentValidity): DocumentValidity {
  const { validFrom, validTo } = validity;
  if (validFrom && validTo && validTo < validFrom) {
    throw new DomainError('invalid', 'document.validity_inverted', 'The document expires before it starts.', {
      field: 'validTo',
      validFrom,
      validTo,
    });
  }
  return { validFrom, validTo };
}

/** A document has expired on `today` (yyyy-mm-dd, Vietnam time) when its last valid day is before it. */
export function isDocumentExpired(validTo: string | null, today: string): boolean {
  return validTo !== null && validTo < today;
}

/** Officers are warned this many days before a document's validity ends (time to renew a certificate). */
export const DOCUMENT_EXPIRY_WARNING_DAYS = 60;

/** The day `days` after an ISO date (yyyy-mm-dd), as an ISO date. */
function addDays(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** 'expired' once the last valid day has passed, 'expiring' when it falls within the warning window, else null. */
export function documentExpiry(validTo: string | null, today: string): 'expired' | 'expiring' | null {
  if (validTo === null) return null;
  if (isDocumentExpired(validTo, today)) return 'expired';
  return validTo <= addDays(today, DOCUMENT_EXPIRY_WARNING_DAYS) ? 'expiring' : null;
}
