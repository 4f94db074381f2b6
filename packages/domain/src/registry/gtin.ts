import { DomainError } from '../shared/domain-error';

const GTIN_LENGTHS = [8, 12, 13, 14] as const;

/** The GS1 mod-10 check digit of the digits before it: weights 3,1,3,… from the right. */
export function gs1CheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) throw new Error('gs1CheckDigit expects digits');
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** True for a GTIN-8/12/13/14 whose last digit is the right check digit. */
export function isValidGtin(value: string): boolean {
  if (!/^\d+$/.test(value) || !(GTIN_LENGTHS as readonly number[]).includes(value.length)) return false;
  if (/^0+$/.test(value)) return false;
  return gs1CheckDigit(value.slice(0, -1)) === Number(value.at(-1));
}

/**
 * Checks a GTIN as typed (spaces and dashes allowed) and returns its 14-digit form (left-padded
 * with zeros, as GS1 stores every GTIN), which is what the database keeps and compares.
 */
export function normalizeGtin(raw: string): string {
  const digits = raw.replace(/[\s-]/g, '');
  if (!isValidGtin(digits)) {
    throw new DomainError('invalid', 'product.gtin_invalid', 'Not a valid GTIN (8, 12, 13 or 14 digits with a GS1 check digit).', {
      field: 'gtins',
      value: raw.trim(),
    });
  }
  return digits.padStart(14, '0');
}

/** Normalises a list, dropping repeats of the same GTIN written differently; keeps the first order. */
export function normalizeGtins(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const value of raw) {
    if (value.trim() === '') continue;
    seen.add(normalizeGtin(value));
  }
  return [...seen];
}

/**
 * The usual printed form of a stored 14-digit GTIN: GTIN-13 for the EAN barcodes on shop goods,
 * GTIN-12 (UPC) or GTIN-8 when the leading zeros say so. Reading it back gives the same 14 digits.
 */
export function displayGtin(gtin14: string): string {
  if (gtin14.startsWith('000000')) return gtin14.slice(6);
  if (gtin14.startsWith('00')) return gtin14.slice(2);
  if (gtin14.startsWith('0')) return gtin14.slice(1);
  return gtin14;
}
