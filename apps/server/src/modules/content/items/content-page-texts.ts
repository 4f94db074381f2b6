import type { LegalKind } from '@ocop/domain/content';

/** The frame texts of the public news and legal-text pages; `?lang=en` gives the English ones. */
export const PAGE_TEXTS = {
  vi: {
    news: 'Tin tức OCOP',
    legal: 'Văn bản pháp lý',
    none: 'Chưa có bài nào.',
    previous: '← Trang trước',
    next: 'Trang sau →',
    published: 'Đăng ngày',
    number: 'Số hiệu',
    issuer: 'Cơ quan ban hành',
    signed: 'Ngày ký',
    effective: 'Ngày hiệu lực',
    kind: 'Loại văn bản',
    allKinds: 'Mọi loại văn bản',
    filter: 'Lọc',
    attachments: 'Tệp đính kèm',
    backNews: '← Tin tức OCOP',
    backLegal: '← Văn bản pháp lý',
    products: 'Sản phẩm OCOP',
    rss: 'RSS',
    other: 'English',
    notFound: 'Không tìm thấy bài này',
    notFoundDetail: 'Bài không tồn tại hoặc đã được gỡ xuống.',
    invalid: 'Yêu cầu không hợp lệ',
  },
  en: {
    news: 'OCOP news',
    legal: 'Legal texts',
    none: 'Nothing published yet.',
    previous: '← Previous page',
    next: 'Next page →',
    published: 'Published',
    number: 'Number',
    issuer: 'Issued by',
    signed: 'Signed',
    effective: 'In force from',
    kind: 'Kind',
    allKinds: 'Every kind',
    filter: 'Filter',
    attachments: 'Attachments',
    backNews: '← OCOP news',
    backLegal: '← Legal texts',
    products: 'OCOP products',
    rss: 'RSS',
    other: 'Tiếng Việt',
    notFound: 'No such page',
    notFoundDetail: 'The item does not exist or was taken down.',
    invalid: 'Invalid request',
  },
} as const;

export type PageLanguage = keyof typeof PAGE_TEXTS;

export const LEGAL_KIND_NAMES: Record<LegalKind, { vi: string; en: string }> = {
  law: { vi: 'Luật', en: 'Law' },
  decree: { vi: 'Nghị định', en: 'Decree' },
  decision: { vi: 'Quyết định', en: 'Decision' },
  circular: { vi: 'Thông tư', en: 'Circular' },
  plan: { vi: 'Kế hoạch', en: 'Plan' },
  guide: { vi: 'Hướng dẫn', en: 'Guide' },
  other: { vi: 'Văn bản khác', en: 'Other' },
};

/** dd/mm/yyyy of an ISO date (a date column) or of an instant in Vietnam time (UTC+7, no daylight saving). */
export function vietnamDay(value: string | Date): string {
  const iso = typeof value === 'string' ? value : new Date(value.getTime() + 7 * 3_600_000).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
