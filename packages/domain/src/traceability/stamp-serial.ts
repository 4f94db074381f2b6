import { formatDigitalLinkPath } from './digital-link';

/**
 * The serial of a trace stamp (tem truy xuất): 100 random bits written as 20 characters of
 * Crockford's base32 (digits and letters without I, L, O, U), followed by Crockford's mod-37 check
 * symbol when a person reads or types it: `XXXXX-XXXXX-XXXXX-XXXXX-C`.
 *
 * Why the check symbol is not part of the stored serial: GS1 AI 21 (the serial of a Digital Link)
 * holds at most 20 characters of set 82, and 96 bits need 20 base32 characters. The QR code carries
 * the 20 characters (a machine reads them without typos); the printed text adds the check symbol,
 * which catches every single-character typo and every swap of two neighbours when a person types it.
 * A check symbol may be `*`, `~`, `$`, `=` or `U` (values 32 to 36), as Crockford defines them.
 *
 * Pure: the caller hands in the random bytes (`crypto.getRandomValues` in the server).
 */

export const STAMP_SERIAL_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK_SYMBOLS = `${STAMP_SERIAL_ALPHABET}*~$=U`;
/** Characters of the stored serial (and of AI 21 on the Digital Link). */
export const STAMP_SERIAL_LENGTH = 20;
/** Bits of randomness in a serial: 20 characters of 5 bits. */
export const STAMP_SERIAL_BITS = STAMP_SERIAL_LENGTH * 5;
/** Random bytes a serial is made from (the first 100 bits are used). */
export const STAMP_SERIAL_RANDOM_BYTES = Math.ceil(STAMP_SERIAL_BITS / 8);
/** Longest text `parseStampSerial` looks at: the grouped form with generous spacing. */
export const STAMP_SERIAL_INPUT_MAX = 64;

const VALUE = new Map<string, number>([...STAMP_SERIAL_ALPHABET].map((c, i) => [c, i]));
const STORED = /^[0-9A-HJKMNP-TV-Z]{20}$/;

/** The mod-37 check value of a serial's 20 characters (the number they write, modulo 37). */
function checkValue(serial: string): number {
  let remainder = 0;
  for (const c of serial) remainder = (remainder * 32 + (VALUE.get(c) ?? 0)) % 37;
  return remainder;
}

/** The check symbol of a stored serial. */
export const stampCheckSymbol = (serial: string): string => CHECK_SYMBOLS[checkValue(serial)] ?? '';

/** A serial from random bytes (at least 13): their first 100 bits, 5 to a character. */
export function stampSerialFromBytes(bytes: Uint8Array): string {
  if (bytes.length < STAMP_SERIAL_RANDOM_BYTES) throw new Error(`a serial needs ${STAMP_SERIAL_RANDOM_BYTES} random bytes`);
  let out = '';
  for (let i = 0; i < STAMP_SERIAL_LENGTH; i++) {
    const bit = i * 5;
    const byte = bit >> 3;
    // Two bytes always hold the 5 bits starting at `bit` (offset 0..7 within the first).
    const pair = ((bytes[byte] ?? 0) << 8) | (bytes[byte + 1] ?? 0);
    out += STAMP_SERIAL_ALPHABET[(pair >> (11 - (bit & 7))) & 31];
  }
  return out;
}

/** Whether a text is a serial as stored (20 canonical characters, no check symbol): what a Digital Link carries. */
export const isStoredStampSerial = (text: string): boolean => STORED.test(text);

/** The printed form: four groups of five and the check symbol, `XXXXX-XXXXX-XXXXX-XXXXX-C`. */
export function formatStampSerial(serial: string): string {
  return `${serial.slice(0, 5)}-${serial.slice(5, 10)}-${serial.slice(10, 15)}-${serial.slice(15, 20)}-${stampCheckSymbol(serial)}`;
}

export type StampSerialProblem = 'too_long' | 'wrong_length' | 'bad_character' | 'wrong_check';
export type StampSerialResult = { ok: true; serial: string } | { ok: false; problem: StampSerialProblem };

// What people type for a character of the alphabet: lower case, and the letters Crockford maps.
const CONFUSIONS: Record<string, string> = { O: '0', I: '1', L: '1' };

/**
 * Reads a serial as a person types or a scanner sends it: case, spaces and hyphens are ignored,
 * O reads as 0 and I or L as 1, and the 21st character must be the right check symbol. Answers
 * the stored serial (20 characters) or why the text is not one.
 */
export function parseStampSerial(text: string): StampSerialResult {
  if (text.length > STAMP_SERIAL_INPUT_MAX) return { ok: false, problem: 'too_long' };
  const compact = text.replace(/[\s-]/g, '').toUpperCase();
  if (compact.length !== STAMP_SERIAL_LENGTH + 1) return { ok: false, problem: 'wrong_length' };
  let serial = '';
  for (const raw of compact.slice(0, STAMP_SERIAL_LENGTH)) {
    const c = CONFUSIONS[raw] ?? raw;
    if (!VALUE.has(c)) return { ok: false, problem: 'bad_character' };
    serial += c;
  }
  const typed = compact.slice(STAMP_SERIAL_LENGTH);
  const check = CONFUSIONS[typed] ?? typed;
  if (!CHECK_SYMBOLS.includes(check)) return { ok: false, problem: 'bad_character' };
  return check === stampCheckSymbol(serial) ? { ok: true, serial } : { ok: false, problem: 'wrong_check' };
}

/** What a stamp's link is built from: the GTIN and lot code its order was placed with. */
export type StampLinkFacts = { gtin14: string | null; lotCode: string | null };

/**
 * What a stamp's QR code holds: the GS1 Digital Link `{publicUrl}/01/{gtin14}[/10/{lot}]/21/{serial}`
 * when the product has a GTIN, else `{publicUrl}/s/{serial}`; the serial without its check symbol.
 */
export function stampLink(publicUrl: string, facts: StampLinkFacts, serial: string): string {
  const host = publicUrl.replace(/\/+$/, '');
  if (facts.gtin14 === null) return `${host}/s/${serial}`;
  return host + formatDigitalLinkPath({ gtin: facts.gtin14, ...(facts.lotCode === null ? {} : { lot: facts.lotCode }), serial });
}
