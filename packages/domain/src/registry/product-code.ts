import { DomainError } from '../shared/domain-error';

/**
 * Mã sản phẩm in the post-2025 shape `(province)-(commune)-(sequence)-(year)` (OCOP.md §7.5),
 * e.g. `14-03670-007-2026`. The code is stored exactly as issued and never re-derived, because
 * the units in it change with administrative reforms (older codes carry a district segment).
 * The sequence is counted per commune and year and written with at least 3 digits.
 */
export function formatProductCode(input: { provinceCode: string; communeCode: string; sequence: number; year: number }): string {
  if (!/^\d{2}$/.test(input.provinceCode) || !/^\d{5}$/.test(input.communeCode)) {
    throw new Error('formatProductCode expects a 2-digit province and a 5-digit commune code');
  }
  if (!Number.isInteger(input.sequence) || input.sequence < 1) throw new Error('formatProductCode expects a sequence from 1');
  if (!Number.isInteger(input.year) || input.year < 1000 || input.year > 9999) throw new Error('formatProductCode expects a 4-digit year');
  return `${input.provinceCode}-${input.communeCode}-${String(input.sequence).padStart(3, '0')}-${input.year}`;
}

export type ProductCodeParts = { provinceCode: string; communeCode: string; sequence: number; year: number };

/** The parts of a code this system issued; codes issued elsewhere (older shapes) give undefined. */
export function parseProductCode(code: string): ProductCodeParts | undefined {
  const match = /^(\d{2})-(\d{5})-(\d{1,6})-(\d{4})$/.exec(code);
  if (!match) return undefined;
  const [, provinceCode = '', communeCode = '', sequence = '', year = ''] = match;
  return { provinceCode, communeCode, sequence: Number(sequence), year: Number(year) };
}

/**
 * A code given by hand (a product certified before this system, e.g. `83-829-28780-3-2022`):
 * trimmed, upper-cased, letters, digits and - . / only.
 */
export function normalizeIssuedProductCode(raw: string): string {
  const value = raw.trim().toUpperCase();
  if (!/^[A-Z0-9][A-Z0-9./-]{2,39}$/.test(value)) {
    throw new DomainError('invalid', 'product.code_invalid', 'A product code has 3 to 40 letters, digits, dots, dashes or slashes.', {
      field: 'code',
      value: raw,
    });
  }
  return value;
}

/** The calendar year in Vietnam (UTC+7, no daylight saving) at an instant. */
export function vietnamYear(at: Date): number {
  return new Date(at.getTime() + 7 * 3_600_000).getUTCFullYear();
}
