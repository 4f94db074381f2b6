import { type Gs1Key, type Gs1KeyError, type Gs1KeyResult, hasValidCheckDigit, isAiValue, parseEpcUri, toGtin14 } from './gs1-keys';

/**
 * GS1 Digital Link URIs (GS1 Digital Link URI Syntax 1.2). EPCIS 2.0 accepts them wherever an EPC
 * goes, and they need no company prefix length, so they are what this system emits; the stamps
 * and the resolver (issue 14) use the same paths. Canonical form: host `https://id.gs1.org`,
 * numeric AIs, GTIN as 14 digits, no query string.
 */
export const CANONICAL_DIGITAL_LINK_HOST = 'https://id.gs1.org';

/** A product path: `/01/{gtin}[/22/{cpv}][/10/{lot}][/21/{serial}]`, values decoded. */
export type DigitalLinkPath = { gtin: string; cpv?: string; lot?: string; serial?: string };

export type DigitalLinkPathResult = { ok: true; path: DigitalLinkPath } | { ok: false; reason: Gs1KeyError };

// Key qualifiers in the one order the standard allows, per primary key.
const QUALIFIERS = new Map<string, readonly string[]>([
  ['01', ['22', '10', '21']],
  ['414', ['254']],
  ['00', []],
  ['417', []],
  ['253', []],
  ['8003', []],
  ['8004', []],
]);
const KNOWN_QUALIFIERS = new Set(['22', '10', '21', '254']);

// Characters of set 82 that a path segment must carry escaped (the set GS1's reference hash
// implementation escapes: the EPC-escaped ones plus the URI delimiters); `'`, `;`, `=` stay.
const DL_ESCAPED = /[!"%&()*+,/:<>?]/g;

/** A lot, serial or CPV written into a Digital Link path segment. */
export function encodeAiValue(value: string): string {
  return value.replace(DL_ESCAPED, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** `/01/…` of a product path, qualifiers in the standard's order. */
export function formatDigitalLinkPath(path: DigitalLinkPath): string {
  let out = `/01/${path.gtin}`;
  if (path.cpv !== undefined) out += `/22/${encodeAiValue(path.cpv)}`;
  if (path.lot !== undefined) out += `/10/${encodeAiValue(path.lot)}`;
  if (path.serial !== undefined) out += `/21/${encodeAiValue(path.serial)}`;
  return out;
}

/** The Digital Link URI of a key (canonical host unless another is given, e.g. the province's resolver). */
export function toDigitalLink(key: Gs1Key, host: string = CANONICAL_DIGITAL_LINK_HOST): string {
  switch (key.kind) {
    case 'gtin':
      return host + formatDigitalLinkPath({ gtin: key.gtin });
    case 'lgtin':
      return host + formatDigitalLinkPath({ gtin: key.gtin, lot: key.lot });
    case 'sgtin':
      return host + formatDigitalLinkPath({ gtin: key.gtin, serial: key.serial });
    case 'sscc':
      return `${host}/00/${key.sscc}`;
    case 'sgln':
      return `${host}/414/${key.gln}${key.extension === undefined ? '' : `/254/${encodeAiValue(key.extension)}`}`;
    case 'pgln':
      return `${host}/417/${key.gln}`;
    case 'gdti':
      return `${host}/253/${key.gdti}${encodeAiValue(key.serial ?? '')}`;
    case 'grai':
      return `${host}/8003/${key.grai}${encodeAiValue(key.serial ?? '')}`;
    case 'giai':
      return `${host}/8004/${encodeAiValue(key.giai)}`;
  }
}

type Pairs = { primary: string; value: string; qualifiers: Map<string, string> };

/** Splits `/{ai}/{value}/…` into decoded pairs, checking the qualifiers' set and order. */
function readPairs(segments: readonly string[]): { ok: true; pairs: Pairs } | { ok: false; reason: Gs1KeyError } {
  if (segments.length < 2 || segments.length % 2 !== 0) return { ok: false, reason: 'bad_value' };
  const [primary = '', rawValue = ''] = segments;
  const allowed = QUALIFIERS.get(primary);
  if (!allowed) return { ok: false, reason: 'unknown_ai' };
  const value = decodeSegment(rawValue);
  if (value === undefined) return { ok: false, reason: 'bad_value' };
  const qualifiers = new Map<string, string>();
  let last = -1;
  for (let i = 2; i < segments.length; i += 2) {
    const ai = segments[i] ?? '';
    const position = allowed.indexOf(ai);
    if (position < 0) return { ok: false, reason: KNOWN_QUALIFIERS.has(ai) ? 'qualifiers_out_of_order' : 'unknown_ai' };
    if (position <= last) return { ok: false, reason: 'qualifiers_out_of_order' };
    last = position;
    const qualifier = decodeSegment(segments[i + 1] ?? '');
    if (qualifier === undefined || !isAiValue(qualifier)) return { ok: false, reason: 'bad_value' };
    qualifiers.set(ai, qualifier);
  }
  return { ok: true, pairs: { primary, value, qualifiers } };
}

function checkedDigits(value: string, lengths: readonly number[]): { ok: true } | { ok: false; reason: Gs1KeyError } {
  if (!/^\d+$/.test(value) || !lengths.includes(value.length)) return { ok: false, reason: 'bad_value' };
  return hasValidCheckDigit(value) ? { ok: true } : { ok: false, reason: 'bad_check_digit' };
}

function productPath(pairs: Pairs): DigitalLinkPathResult {
  const checked = checkedDigits(pairs.value, [8, 12, 13, 14]);
  if (!checked.ok) return checked;
  const gtin = toGtin14(pairs.value);
  if (gtin === undefined) return { ok: false, reason: 'bad_value' }; // all zeros
  const path: DigitalLinkPath = { gtin };
  const cpv = pairs.qualifiers.get('22');
  const lot = pairs.qualifiers.get('10');
  const serial = pairs.qualifiers.get('21');
  if (cpv !== undefined) path.cpv = cpv;
  if (lot !== undefined) path.lot = lot;
  if (serial !== undefined) path.serial = serial;
  return { ok: true, path };
}

/**
 * Parses the path of a product Digital Link (`/01/{gtin}[/22/{cpv}][/10/{lot}][/21/{serial}]`,
 * no query string), canonicalising the GTIN to 14 digits; what the resolver answers on.
 */
export function parseDigitalLinkPath(path: string): DigitalLinkPathResult {
  const read = readPairs(path.replace(/^\//, '').split('/'));
  if (!read.ok) return read;
  if (read.pairs.primary !== '01') return { ok: false, reason: 'unknown_ai' };
  return productPath(read.pairs);
}

/** The finest key a parsed Digital Link names (a serial beats a lot; a CPV is not part of the key). */
function keyOf(pairs: Pairs): Gs1KeyResult {
  const { primary, value, qualifiers } = pairs;
  if (primary === '01') {
    const product = productPath(pairs);
    if (!product.ok) return product;
    const { gtin, lot, serial } = product.path;
    if (serial !== undefined) return { ok: true, key: { kind: 'sgtin', gtin, serial } };
    return { ok: true, key: lot === undefined ? { kind: 'gtin', gtin } : { kind: 'lgtin', gtin, lot } };
  }
  if (primary === '253') {
    const checked = checkedDigits(value.slice(0, 13), [13]);
    if (!checked.ok) return checked;
    const serial = value.slice(13);
    if (serial !== '' && !isAiValue(serial, 17)) return { ok: false, reason: 'bad_value' };
    return { ok: true, key: serial === '' ? { kind: 'gdti', gdti: value } : { kind: 'gdti', gdti: value.slice(0, 13), serial } };
  }
  if (primary === '8003') {
    if (!value.startsWith('0')) return { ok: false, reason: 'bad_value' };
    const checked = checkedDigits(value.slice(0, 14), [14]);
    if (!checked.ok) return checked;
    const serial = value.slice(14);
    if (serial !== '' && !isAiValue(serial, 16)) return { ok: false, reason: 'bad_value' };
    return { ok: true, key: serial === '' ? { kind: 'grai', grai: value } : { kind: 'grai', grai: value.slice(0, 14), serial } };
  }
  // A GIAI starts with its GS1 Company Prefix (at least 4 digits) and has no check digit.
  if (primary === '8004') {
    return /^\d{4}/.test(value) && isAiValue(value, 30)
      ? { ok: true, key: { kind: 'giai', giai: value } }
      : { ok: false, reason: 'bad_value' };
  }
  const checked = checkedDigits(value, [primary === '00' ? 18 : 13]);
  if (!checked.ok) return checked;
  if (primary === '00') return { ok: true, key: { kind: 'sscc', sscc: value } };
  if (primary === '417') return { ok: true, key: { kind: 'pgln', gln: value } };
  const extension = qualifiers.get('254');
  return { ok: true, key: extension === undefined ? { kind: 'sgln', gln: value } : { kind: 'sgln', gln: value, extension } };
}

/**
 * Reads any Digital Link URI (any host, an optional path prefix before the primary key, query
 * string and fragment ignored) into its canonical key.
 */
export function parseDigitalLink(uri: string): Gs1KeyResult {
  const match = /^https?:\/\/[^/?#]+(\/[^?#]*)?/.exec(uri);
  if (!match) return { ok: false, reason: 'not_gs1' };
  const segments = (match[1] ?? '').split('/').slice(1);
  if (segments.at(-1) === '') segments.pop(); // a trailing slash
  const start = segments.findIndex((segment, i) => QUALIFIERS.has(segment) && (segments.length - i) % 2 === 0);
  if (start < 0) return { ok: false, reason: 'not_gs1' };
  const read = readPairs(segments.slice(start));
  return read.ok ? keyOf(read.pairs) : read;
}

/** An EPC URI or a Digital Link URI, read into its canonical key. */
export function parseGs1KeyUri(uri: string): Gs1KeyResult {
  if (uri.startsWith('urn:epc:')) return parseEpcUri(uri);
  return parseDigitalLink(uri);
}

/** The canonical Digital Link (id.gs1.org) of a GS1 identifier in either form, or undefined. */
export function canonicalGs1Uri(uri: string): string | undefined {
  const parsed = parseGs1KeyUri(uri);
  return parsed.ok ? toDigitalLink(parsed.key) : undefined;
}
