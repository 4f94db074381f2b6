import { canonicalGs1Uri } from './digital-link';

/**
 * How single values are written into an event's pre-hash string (CBV 2.0 §8.9.2 rules 5–9 and
 * 14–17, as GS1's reference implementation applies them): trimmed, CBV URNs as Web URIs, numbers
 * without trailing zeros, timestamps in UTC to the millisecond, GS1 keys as canonical Digital Links.
 */

/** Prefix → namespace URI, from the `@context` of the document the event came in. */
export type Namespaces = Readonly<Record<string, string>>;

// CBV 1.x URN vocabularies and their CBV 2.0 Web URI equivalents (rule 14).
const CBV_URN_TO_WEB: readonly (readonly [string, string])[] = [
  ['urn:epcglobal:cbv:bizstep:', 'https://ref.gs1.org/cbv/BizStep-'],
  ['urn:epcglobal:cbv:disp:', 'https://ref.gs1.org/cbv/Disp-'],
  ['urn:epcglobal:cbv:btt:', 'https://ref.gs1.org/cbv/BTT-'],
  ['urn:epcglobal:cbv:sdt:', 'https://ref.gs1.org/cbv/SDT-'],
  ['urn:epcglobal:cbv:er:', 'https://ref.gs1.org/cbv/ER-'],
];

/** Case-sensitive order by Unicode code point, which is UTF-8 byte order (rule 10); JS's default sort compares UTF-16 units. */
export function compareCodePoints(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  const length = Math.min(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const difference = (left[i]?.codePointAt(0) ?? 0) - (right[i]?.codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

export function sortedJoin(parts: readonly string[]): string {
  return [...parts].sort(compareCodePoints).join('');
}

/** `{uri}local` for a key `prefix:local` whose prefix the document declares (rules 18–20). */
export function expandKey(key: string, namespaces: Namespaces): string {
  const colon = key.indexOf(':');
  const uri = colon > 0 ? namespaces[key.slice(0, colon)] : undefined;
  return uri === undefined ? key : `{${uri}}${key.slice(colon + 1)}`;
}

/** A CURIE value (`prefix:local`) expanded to its full URI (rule 15). */
function expandCurie(value: string, namespaces: Namespaces): string {
  const colon = value.indexOf(':');
  const uri = colon > 0 ? namespaces[value.slice(0, colon)] : undefined;
  return uri === undefined ? value : uri + value.slice(colon + 1);
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A number without trailing zeros or a leading `+` (rule 6), written as the reference
 * implementation (Python `str(float)`) writes it: integers in full, others in shortest
 * round-trip form, in exponent form below 1e-4 (`1e-05`). Anything else is returned unchanged.
 */
export function canonicalNumber(text: string): string {
  if (!DECIMAL.test(text)) return text;
  const value = Number(text);
  if (!Number.isFinite(value)) return text;
  if (Number.isInteger(value)) return BigInt(value).toString();
  if (Math.abs(value) >= 1e-4) return String(value);
  return value.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An xsd:dateTimeStamp in UTC with exactly three decimals (rules 8–9): `…T10:00:30.000Z`.
 * A fourth decimal of 5–9 rounds the third up, as the standard says (the Python reference
 * rounds half to even on microseconds; the two differ only on an exact `…x5` fourth decimal).
 * A text that is not a timestamp with an offset is returned unchanged.
 */
export function canonicalTimestamp(text: string): string {
  const match = TIMESTAMP.exec(text);
  if (!match) return text;
  const [, year, month, day, hour, minute, second, fraction = '', zone = 'Z'] = match.map((part) => part ?? '');
  const digits = fraction.padEnd(4, '0');
  const millis = Number(digits.slice(0, 3)) + (Number(digits[3]) >= 5 ? 1 : 0);
  const offsetMinutes = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), millis);
  return new Date(utc - offsetMinutes * 60_000).toISOString();
}

/**
 * Any other value: trimmed, CURIE expanded, CBV 1.x URN → Web URI, numbers canonical, EPC URIs
 * and Digital Links → constrained canonical Digital Link (rules 5, 14, 15, 17, 18). Vocabulary
 * words written bare (rule 16) are expanded by the caller, which knows the field.
 */
export function canonicalValue(raw: string, namespaces: Namespaces): string {
  let text = expandCurie(raw.trim(), namespaces);
  for (const [urn, web] of CBV_URN_TO_WEB) if (text.startsWith(urn)) text = web + text.slice(urn.length);
  text = canonicalNumber(text);
  if (text.startsWith('urn:epc:') || /^https?:\/\//.test(text)) return canonicalGs1Uri(text) ?? text;
  return text;
}
