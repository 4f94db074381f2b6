import { encodeAiValue, parseGs1KeyUri, toDigitalLink } from './digital-link';
import { isAiValue } from './gs1-keys';

/**
 * Province-issued product keys, for producers without GTINs (most OCOP cooperatives have no GS1
 * membership).
 *
 * Why this shape:
 * - The key is the OCOP product code the registry already issues and never re-derives
 *   (`registry/product-code.ts`: `14-03670-007-2026`, or an older hand-given code such as
 *   `83-829-28780-3-2022`). It is already unique in the province and already printed on
 *   certificates, so no second numbering is needed.
 * - In EPCIS it is written as a private URN, `urn:ocop:vn:product:{code}` (a product class) and
 *   `urn:ocop:vn:lot:{code}:{lot}` (a lot of it). EPCIS 2.0 takes any absolute URI as an EPC or
 *   EPC class. A GS1 key is only ever `urn:epc:…` or a Digital Link whose path carries a numeric
 *   GS1 primary key, so neither form can ever be read as, or collide with, a GS1 key; a URN also
 *   survives a change of the province's web address. (`ocop` is not an IANA-registered URN
 *   namespace: these URNs are private to the system and its partners, which EPCIS allows.)
 * - On a stamp it is a web address of the province's own site, `{PUBLIC_URL}/p/{code}` (a lot:
 *   `{PUBLIC_URL}/p/{code}/l/{lot}`), which any phone opens. Its path has no GS1 AI in the
 *   places a Digital Link parser looks, and the resolver matches `/p/` before any Digital Link.
 * - Moving to a GTIN later breaks nothing: the printed stamp keeps naming the product code, which
 *   never changes, and the resolver serves the product whatever its current identifier. From the
 *   day the GTIN is recorded, new events name the GTIN's Digital Link (`productClassUris(…).primary`)
 *   while the URN stays an alias, so a query for the product finds the events before and after.
 */

export const PROVINCE_PRODUCT_URN_PREFIX = 'urn:ocop:vn:product:';
export const PROVINCE_LOT_URN_PREFIX = 'urn:ocop:vn:lot:';
const STAMP_SEGMENT = 'p';
const STAMP_LOT_SEGMENT = 'l';

/** A product key of the province: a product code, and for a lot its lot number. */
export type ProvinceKey = { kind: 'product'; code: string } | { kind: 'lot'; code: string; lot: string };

// The alphabet `normalizeIssuedProductCode` leaves a code in; it has no ':' (the lot URN's separator).
const PRODUCT_CODE = /^[A-Z0-9][A-Z0-9./-]{2,39}$/;

export function isProvinceProductCode(code: string): boolean {
  return PRODUCT_CODE.test(code);
}

function assertKey(code: string, lot?: string): void {
  if (!isProvinceProductCode(code)) throw new Error('expects a normalised OCOP product code');
  if (lot !== undefined && !isAiValue(lot)) throw new Error('a lot number has 1 to 20 characters of GS1 set 82');
}

function decode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** `urn:ocop:vn:product:{code}`, the EPC class of a product without a GTIN. */
export function provinceProductUri(code: string): string {
  assertKey(code);
  return PROVINCE_PRODUCT_URN_PREFIX + code;
}

/** `urn:ocop:vn:lot:{code}:{lot}`, the EPC class of a lot; the lot is %-escaped as in a Digital Link. */
export function provinceLotUri(code: string, lot: string): string {
  assertKey(code, lot);
  return `${PROVINCE_LOT_URN_PREFIX}${code}:${encodeAiValue(lot)}`;
}

function checkedKey(code: string, rawLot?: string): ProvinceKey | undefined {
  if (!isProvinceProductCode(code)) return undefined;
  if (rawLot === undefined) return { kind: 'product', code };
  const lot = decode(rawLot);
  return lot !== undefined && isAiValue(lot) ? { kind: 'lot', code, lot } : undefined;
}

/** The province key a URN names, or undefined for anything else (GS1 keys included). */
export function parseProvinceKeyUri(uri: string): ProvinceKey | undefined {
  if (uri.startsWith(PROVINCE_PRODUCT_URN_PREFIX)) return checkedKey(uri.slice(PROVINCE_PRODUCT_URN_PREFIX.length));
  if (!uri.startsWith(PROVINCE_LOT_URN_PREFIX)) return undefined;
  const rest = uri.slice(PROVINCE_LOT_URN_PREFIX.length);
  const colon = rest.indexOf(':');
  return colon < 0 ? undefined : checkedKey(rest.slice(0, colon), rest.slice(colon + 1));
}

/** The address printed on a stamp: `{publicUrl}/p/{code}` or `…/p/{code}/l/{lot}` (a `/` of an old code escaped). */
export function stampUrl(publicUrl: string, key: ProvinceKey): string {
  assertKey(key.code, key.kind === 'lot' ? key.lot : undefined);
  const base = `${publicUrl.replace(/\/+$/, '')}/${STAMP_SEGMENT}/${encodeURIComponent(key.code)}`;
  return key.kind === 'lot' ? `${base}/${STAMP_LOT_SEGMENT}/${encodeAiValue(key.lot)}` : base;
}

/** The province key of a stamp's path (`/p/{code}[/l/{lot}]`, no query string), or undefined. */
export function parseStampPath(path: string): ProvinceKey | undefined {
  const segments = path.replace(/^\//, '').split('/');
  if (segments[0] !== STAMP_SEGMENT) return undefined;
  const code = decode(segments[1] ?? '');
  if (code === undefined) return undefined;
  if (segments.length === 2) return checkedKey(code);
  if (segments.length === 4 && segments[2] === STAMP_LOT_SEGMENT) return checkedKey(code, segments[3]);
  return undefined;
}

/** True when the URI names a GS1 key (EPC URI or Digital Link), never for a province key. */
export function isGs1Key(uri: string): boolean {
  return parseProvinceKeyUri(uri) === undefined && parseGs1KeyUri(uri).ok;
}

/** A product as traceability sees it: its OCOP code and, once it has one, its GTIN (14 digits). */
export type TracedProduct = { code: string; gtin?: string };

/**
 * The EPC class URIs of a product: `primary` is what new events carry (the GTIN's Digital Link
 * once there is one); `aliases` are the earlier names that queries must still match.
 */
export function productClassUris(product: TracedProduct): { primary: string; aliases: string[] } {
  const urn = provinceProductUri(product.code);
  if (product.gtin === undefined) return { primary: urn, aliases: [] };
  return { primary: toDigitalLink({ kind: 'gtin', gtin: product.gtin }), aliases: [urn] };
}

/** The same for one lot of the product. */
export function lotClassUris(product: TracedProduct, lot: string): { primary: string; aliases: string[] } {
  const urn = provinceLotUri(product.code, lot);
  if (product.gtin === undefined) return { primary: urn, aliases: [] };
  return { primary: toDigitalLink({ kind: 'lgtin', gtin: product.gtin, lot }), aliases: [urn] };
}

/*
 * Places and cartons without GS1 keys, in the same private namespace: a producer's site without a
 * GLN, a commune (a sales point not registered yet is known by its commune), and a carton packed
 * without an SSCC. Like the product URNs they are `urn:ocop:vn:…`, never `urn:epc:…` nor a Digital
 * Link, so `isGs1Key` is false for every one of them.
 */

export const PROVINCE_SITE_URN_PREFIX = 'urn:ocop:vn:site:';
export const PROVINCE_COMMUNE_URN_PREFIX = 'urn:ocop:vn:commune:';
export const PROVINCE_CARTON_URN_PREFIX = 'urn:ocop:vn:carton:';
/** The largest carton number of one lot (five digits on a label). */
export const CARTON_NUMBER_MAX = 99_999;

// A site (and a producer) is named by its row's id: it has no number of its own, and the id never changes.
const SITE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Commune codes of the national list (5 digits today; a few more allowed for a future list).
const COMMUNE_CODE = /^\d{2,10}$/;
const CARTON_NUMBER = /^[1-9]\d{0,4}$/;

/** `urn:ocop:vn:site:{id}`, the location of a site that has no GLN (the id in lower case). */
export function provinceSiteUri(siteId: string): string {
  const id = siteId.toLowerCase();
  if (!SITE_ID.test(id)) throw new Error('a site is named by its UUID');
  return PROVINCE_SITE_URN_PREFIX + id;
}

/** The site id a site URN names, or undefined. */
export function parseProvinceSiteUri(uri: string): string | undefined {
  if (!uri.startsWith(PROVINCE_SITE_URN_PREFIX)) return undefined;
  const id = uri.slice(PROVINCE_SITE_URN_PREFIX.length);
  return SITE_ID.test(id) ? id : undefined;
}

/** `urn:ocop:vn:commune:{code}`, a commune of the national list (a place known only by its commune). */
export function provinceCommuneUri(communeCode: string): string {
  if (!COMMUNE_CODE.test(communeCode)) throw new Error('a commune code has 2 to 10 digits');
  return PROVINCE_COMMUNE_URN_PREFIX + communeCode;
}

export function parseProvinceCommuneUri(uri: string): string | undefined {
  if (!uri.startsWith(PROVINCE_COMMUNE_URN_PREFIX)) return undefined;
  const code = uri.slice(PROVINCE_COMMUNE_URN_PREFIX.length);
  return COMMUNE_CODE.test(code) ? code : undefined;
}

/** A carton of a lot: the product code, the lot, and the carton's number in the lot (1 to 99,999). */
export type ProvinceCarton = { code: string; lot: string; number: number };

/** `urn:ocop:vn:carton:{code}:{lot}:{n}`, a carton packed without an SSCC; the lot %-escaped as in a lot URN. */
export function provinceCartonUri(carton: ProvinceCarton): string {
  assertKey(carton.code, carton.lot);
  if (!Number.isInteger(carton.number) || carton.number < 1 || carton.number > CARTON_NUMBER_MAX)
    throw new Error('a carton number is a whole number from 1 to 99,999');
  return `${PROVINCE_CARTON_URN_PREFIX}${carton.code}:${encodeAiValue(carton.lot)}:${carton.number}`;
}

/** The carton a carton URN names, or undefined. The escaped lot has no ':', so the colons split it. */
export function parseProvinceCartonUri(uri: string): ProvinceCarton | undefined {
  if (!uri.startsWith(PROVINCE_CARTON_URN_PREFIX)) return undefined;
  const parts = uri.slice(PROVINCE_CARTON_URN_PREFIX.length).split(':');
  if (parts.length !== 3) return undefined;
  const [code = '', rawLot = '', rawNumber = ''] = parts;
  const key = checkedKey(code, rawLot);
  if (key?.kind !== 'lot' || !CARTON_NUMBER.test(rawNumber)) return undefined;
  return { code, lot: key.lot, number: Number(rawNumber) };
}

export const PROVINCE_PRODUCER_URN_PREFIX = 'urn:ocop:vn:producer:';

/** `urn:ocop:vn:producer:{id}`, a producer as an EPCIS party (owning_party) until it has a party GLN. */
export function provinceProducerUri(producerId: string): string {
  const id = producerId.toLowerCase();
  if (!SITE_ID.test(id)) throw new Error('a producer is named by its UUID');
  return PROVINCE_PRODUCER_URN_PREFIX + id;
}

export function parseProvinceProducerUri(uri: string): string | undefined {
  if (!uri.startsWith(PROVINCE_PRODUCER_URN_PREFIX)) return undefined;
  const id = uri.slice(PROVINCE_PRODUCER_URN_PREFIX.length);
  return SITE_ID.test(id) ? id : undefined;
}
