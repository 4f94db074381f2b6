/**
 * A producer's site (địa điểm của chủ thể): where its steps happen, and so the `readPoint` /
 * `bizLocation` of the events recorded there.
 */

/** What a site is; the forms offer the kinds a step usually happens at first. */
export const SITE_KINDS = {
  farm: { vi: 'Vùng trồng, trang trại', en: 'Farm or growing area' },
  processing: { vi: 'Cơ sở chế biến', en: 'Processing facility' },
  warehouse: { vi: 'Kho', en: 'Warehouse' },
  shop: { vi: 'Cửa hàng', en: 'Shop' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type SiteKind = keyof typeof SITE_KINDS;
export const SITE_KIND_CODES = Object.keys(SITE_KINDS) as [SiteKind, ...SiteKind[]];

export const SITE_NAME_MAX_LENGTH = 200;
export const SITE_ADDRESS_MAX_LENGTH = 300;
