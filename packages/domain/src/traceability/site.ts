import { toDigitalLink } from './digital-link';
import { isValidGln } from './gs1-keys';
import { provinceSiteUri } from './province-code';

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

/**
 * The GLN as stored (spaces and dashes a user types dropped), null when blank, undefined when it
 * is not 13 digits with a right check digit.
 */
export function normalizeSiteGln(raw: string | null | undefined): string | null | undefined {
  const gln = (raw ?? '').replace(/[\s-]/g, '');
  if (gln === '') return null;
  return isValidGln(gln) ? gln : undefined;
}

/**
 * Where a site is in EPCIS (`readPoint`, `bizLocation`, a location source or destination): the
 * SGLN Digital Link `https://id.gs1.org/414/{gln}` when it has a GLN, else `urn:ocop:vn:site:{id}`.
 * A site that gets a GLN later is named by it from then on; the events before keep the URN.
 */
export function siteLocationUri(site: { id: string; gln: string | null }): string {
  return site.gln === null ? provinceSiteUri(site.id) : toDigitalLink({ kind: 'sgln', gln: site.gln });
}
