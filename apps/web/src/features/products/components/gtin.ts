import { displayGtin, gs1CheckDigit, isValidGtin } from '@ocop/domain/registry';

/** A GTIN as typed: spaces and dashes are allowed between digit groups ("893 4567 89012 8"). */
export function gtinDigits(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

export type GtinCheck =
  | { ok: true; gtin14: string }
  | { ok: false; reason: 'not_digits' | 'length' | 'check_digit'; expectedCheckDigit?: number };

/**
 * The same check as the server (GTIN-8/12/13/14 with its GS1 check digit), with the reason, so
 * the form can say "the last digit should be 8" rather than only "not valid".
 */
export function checkGtin(raw: string): GtinCheck {
  const digits = gtinDigits(raw);
  if (!/^\d+$/.test(digits)) return { ok: false, reason: 'not_digits' };
  if (![8, 12, 13, 14].includes(digits.length)) return { ok: false, reason: 'length' };
  if (!isValidGtin(digits)) {
    const body = digits.slice(0, -1);
    return { ok: false, reason: 'check_digit', expectedCheckDigit: /^0+$/.test(digits) ? undefined : gs1CheckDigit(body) };
  }
  return { ok: true, gtin14: digits.padStart(14, '0') };
}

/** The indexes of GTINs that repeat an earlier one (the same 14 digits, however written). */
export function repeatedGtins(values: readonly (string | undefined)[]): Set<number> {
  const seen = new Set<string>();
  const repeated = new Set<number>();
  values.forEach((value, index) => {
    if (!value) return;
    const check = checkGtin(value);
    if (!check.ok) return;
    if (seen.has(check.gtin14)) repeated.add(index);
    seen.add(check.gtin14);
  });
  return repeated;
}

/** Stored GTINs (14 digits) as printed on the barcode, for the edit form and the detail page. */
export function printedGtin(gtin14: string): string {
  return displayGtin(gtin14);
}
