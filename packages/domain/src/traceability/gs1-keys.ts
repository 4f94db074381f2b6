import { gs1CheckDigit, isValidGtin } from '../registry/gtin';

/**
 * The GS1 keys traceability needs, always held in canonical form: a GTIN as 14 digits (GS1's
 * own storage form, as `registry/gtin.ts` keeps it), a GLN as 13, an SSCC as 18, a GDTI as its
 * 13 digits plus an optional serial, a GRAI as AI 8003's 14 digits (a leading `0`, the returnable
 * asset type with its check digit) plus an optional serial, a GIAI as its up to 30 characters. The
 * two asset keys are read because sensor devices and returnable crates carry them. `gtin` alone is a product class (an EPC pattern
 * `urn:epc:idpat:sgtin:…*`); `lgtin` a lot of it; `sgtin` one serialised item. An `sgln` without
 * an extension is the location itself (EPC extension `0`).
 */
export type Gs1Key =
  | { kind: 'gtin'; gtin: string }
  | { kind: 'lgtin'; gtin: string; lot: string }
  | { kind: 'sgtin'; gtin: string; serial: string }
  | { kind: 'sscc'; sscc: string }
  | { kind: 'sgln'; gln: string; extension?: string }
  | { kind: 'pgln'; gln: string }
  | { kind: 'gdti'; gdti: string; serial?: string }
  | { kind: 'grai'; grai: string; serial?: string }
  | { kind: 'giai'; giai: string };

/** Why a GS1 identifier was refused; the resolver (issue 14) turns these into a 400 with a reason. */
export type Gs1KeyError = 'bad_check_digit' | 'qualifiers_out_of_order' | 'unknown_ai' | 'bad_value' | 'not_gs1';

export type Gs1KeyResult = { ok: true; key: Gs1Key } | { ok: false; reason: Gs1KeyError };

/** True when the last digit of an all-digit key is its GS1 mod-10 check digit. */
export function hasValidCheckDigit(digits: string): boolean {
  return /^\d{2,}$/.test(digits) && gs1CheckDigit(digits.slice(0, -1)) === Number(digits.at(-1));
}

export function isValidGln(value: string): boolean {
  return /^\d{13}$/.test(value) && hasValidCheckDigit(value);
}

export function isValidSscc(value: string): boolean {
  return /^\d{18}$/.test(value) && hasValidCheckDigit(value);
}

/** A GTIN-8/12/13/14 as 14 digits, or undefined; the non-throwing twin of `normalizeGtin`. */
export function toGtin14(value: string): string | undefined {
  return isValidGtin(value) ? value.padStart(14, '0') : undefined;
}

/**
 * GS1 AI encodable character set 82 (GS1 General Specifications §7.11), the alphabet of lots
 * (AI 10), serials (AI 21), CPVs (AI 22) and GLN extensions (AI 254); at most 20 characters.
 */
export function isAiValue(value: string, maxLength = 20): boolean {
  return value.length >= 1 && value.length <= maxLength && /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]+$/.test(value);
}

/** Appends the check digit to a key body. */
export function withCheckDigit(body: string): string {
  return body + String(gs1CheckDigit(body));
}

// --- EPC pure-identity URIs (GS1 EPC Tag Data Standard §6) ---------------------------------
// They split the key at the GS1 Company Prefix, whose length (6 to 12 digits) cannot be read off
// the key itself: building one needs the caller to say it. Digital Link URIs need no such
// knowledge, so the system emits those and only reads EPC URIs from partners.

const EPC_ESCAPED = /["%&/<>?]/g; // TDS: these must be %-escaped in an EPC URI component

function escapeEpcComponent(value: string): string {
  return value.replace(EPC_ESCAPED, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function assertPrefixLength(length: number): void {
  if (!Number.isInteger(length) || length < 6 || length > 12) throw new Error('a GS1 Company Prefix has 6 to 12 digits');
}

/** `indicator|prefix|ref` of a GTIN-14 (without check digit) as TDS cuts it: prefix, indicator+ref. */
function splitGtin(gtin14: string, prefixLength: number): [string, string] {
  return [gtin14.slice(1, 1 + prefixLength), gtin14.slice(0, 1) + gtin14.slice(1 + prefixLength, 13)];
}

/** The EPC URI of a key, given the length of its GS1 Company Prefix. */
export function toEpcUri(key: Gs1Key, companyPrefixLength: number): string {
  assertPrefixLength(companyPrefixLength);
  const n = companyPrefixLength;
  switch (key.kind) {
    case 'gtin':
      return `urn:epc:idpat:sgtin:${splitGtin(key.gtin, n).join('.')}.*`;
    case 'lgtin':
      return `urn:epc:class:lgtin:${splitGtin(key.gtin, n).join('.')}.${escapeEpcComponent(key.lot)}`;
    case 'sgtin':
      return `urn:epc:id:sgtin:${splitGtin(key.gtin, n).join('.')}.${escapeEpcComponent(key.serial)}`;
    case 'sscc':
      return `urn:epc:id:sscc:${key.sscc.slice(1, 1 + n)}.${key.sscc.slice(0, 1)}${key.sscc.slice(1 + n, 17)}`;
    case 'sgln':
      return `urn:epc:id:sgln:${key.gln.slice(0, n)}.${key.gln.slice(n, 12)}.${escapeEpcComponent(key.extension ?? '0')}`;
    case 'pgln':
      return `urn:epc:id:pgln:${key.gln.slice(0, n)}.${key.gln.slice(n, 12)}`;
    case 'gdti':
      return `urn:epc:id:gdti:${key.gdti.slice(0, n)}.${key.gdti.slice(n, 12)}.${escapeEpcComponent(key.serial ?? '')}`;
    case 'grai': {
      // An EPC names one asset; a GRAI without serial is the asset type, which TDS writes as a pattern.
      const type = `${key.grai.slice(1, 1 + n)}.${key.grai.slice(1 + n, 13)}`;
      return key.serial === undefined ? `urn:epc:idpat:grai:${type}.*` : `urn:epc:id:grai:${type}.${escapeEpcComponent(key.serial)}`;
    }
    case 'giai':
      return `urn:epc:id:giai:${key.giai.slice(0, n)}.${escapeEpcComponent(key.giai.slice(n))}`;
  }
}

const EPC_URI = /^urn:epc:(id|class|idpat):([a-z]+):(\d{6,12})\.(\d*)(?:\.(.*))?$/;
// The EPC schemes read here; others (GSRN, CPI, SGCN, …) are keys this system does not use.
// biome-ignore format: one list
const EPC_SCHEMES = new Set(['id:sgtin', 'class:lgtin', 'idpat:sgtin', 'id:sscc', 'id:sgln', 'id:pgln', 'id:gdti', 'id:grai', 'id:giai']);
// A GIAI's asset reference is alphanumeric, so it does not fit EPC_URI's digit reference.
const GIAI_URI = /^urn:epc:id:giai:(\d{6,12})\.(.+)$/;

function decodeComponent(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

function parseGiaiEpc(uri: string): Gs1KeyResult {
  const match = GIAI_URI.exec(uri);
  const reference = match?.[2] === undefined ? undefined : decodeComponent(match[2]);
  if (!match || reference === undefined) return { ok: false, reason: 'bad_value' };
  const giai = (match[1] ?? '') + reference;
  return isAiValue(giai, 30) ? { ok: true, key: { kind: 'giai', giai } } : { ok: false, reason: 'bad_value' };
}

/**
 * Reads an EPC URI (`urn:epc:id:sgtin|sscc|sgln|pgln|gdti|grai|giai`, `urn:epc:class:lgtin`,
 * `urn:epc:idpat:sgtin:…*`) into its canonical key. The company prefix length is read from the
 * dot, so partners' URIs need no configuration.
 */
export function parseEpcUri(uri: string): Gs1KeyResult {
  const scheme = /^urn:epc:(id|class|idpat):([a-z]+):/.exec(uri);
  if (!scheme) return { ok: false, reason: uri.startsWith('urn:epc:') ? 'bad_value' : 'not_gs1' };
  if (!EPC_SCHEMES.has(`${scheme[1]}:${scheme[2]}`)) return { ok: false, reason: 'unknown_ai' };
  if (scheme[2] === 'giai') return parseGiaiEpc(uri);
  const match = EPC_URI.exec(uri);
  if (!match) return { ok: false, reason: 'bad_value' };
  const [, form = '', name = '', prefix = '', reference = '', rawTail] = match;
  const tail = rawTail === undefined ? undefined : decodeComponent(rawTail);
  if (rawTail !== undefined && tail === undefined) return { ok: false, reason: 'bad_value' };
  const digits = prefix + reference;
  const type = `${form}:${name}`;
  switch (type) {
    case 'id:sgtin':
    case 'class:lgtin':
    case 'idpat:sgtin': {
      if (digits.length !== 13 || reference.length < 1) return { ok: false, reason: 'bad_value' };
      const gtin = withCheckDigit(reference.slice(0, 1) + prefix + reference.slice(1));
      if (type === 'idpat:sgtin') return tail === '*' ? { ok: true, key: { kind: 'gtin', gtin } } : { ok: false, reason: 'bad_value' };
      if (tail === undefined || !isAiValue(tail)) return { ok: false, reason: 'bad_value' };
      return { ok: true, key: type === 'id:sgtin' ? { kind: 'sgtin', gtin, serial: tail } : { kind: 'lgtin', gtin, lot: tail } };
    }
    case 'id:sscc':
      if (digits.length !== 17 || tail !== undefined) return { ok: false, reason: 'bad_value' };
      return { ok: true, key: { kind: 'sscc', sscc: withCheckDigit(reference.slice(0, 1) + prefix + reference.slice(1)) } };
    case 'id:sgln':
    case 'id:pgln':
      return parseGlnEpc(type, digits, tail);
    case 'id:gdti': {
      if (digits.length !== 12 || tail === undefined || (tail !== '' && !isAiValue(tail, 17))) return { ok: false, reason: 'bad_value' };
      const gdti = withCheckDigit(digits);
      return { ok: true, key: tail === '' ? { kind: 'gdti', gdti } : { kind: 'gdti', gdti, serial: tail } };
    }
    case 'id:grai': {
      if (digits.length !== 12 || tail === undefined || !isAiValue(tail, 16)) return { ok: false, reason: 'bad_value' };
      return { ok: true, key: { kind: 'grai', grai: withCheckDigit(`0${digits}`), serial: tail } };
    }
    default:
      return { ok: false, reason: 'unknown_ai' };
  }
}

function parseGlnEpc(type: 'id:sgln' | 'id:pgln', digits: string, tail: string | undefined): Gs1KeyResult {
  if (digits.length !== 12) return { ok: false, reason: 'bad_value' };
  const gln = withCheckDigit(digits);
  if (type === 'id:pgln') return tail === undefined ? { ok: true, key: { kind: 'pgln', gln } } : { ok: false, reason: 'bad_value' };
  if (tail === undefined || !isAiValue(tail)) return { ok: false, reason: 'bad_value' };
  return { ok: true, key: tail === '0' ? { kind: 'sgln', gln } : { kind: 'sgln', gln, extension: tail } };
}
