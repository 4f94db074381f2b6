/** The đồng has no subunit in use: prices are whole numbers, written with dots between thousands. */
const NBSP = '\u00a0';

/** 1200000 → "1.200.000" (Vietnamese grouping, no currency sign). */
export function groupThousands(value: number | string): string {
  const digits = String(value).replace(/\D/g, '');
  if (digits === '') return '';
  return digits.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 1200000 → "1.200.000 ₫"; null stays empty. */
export function formatVnd(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return `${groupThousands(Math.round(value))}${NBSP}₫`;
}

/**
 * The parser of a price field: the digits of what it shows, so "1.200.000", "1,200,000",
 * "1 200 000 ₫" and "1200000đ" all read 1200000. Returns null when there is no digit.
 */
export function parseVnd(text: string | null | undefined): number | null {
  const digits = (text ?? '').replace(/\D/g, '');
  return digits === '' ? null : Number(digits);
}

/** A price range for tables: "45.000 ₫ – 60.000 ₫", one price when both ends agree, "" when unknown. */
export function formatPriceRange(min: number | null, max: number | null): string {
  if (min === null && max === null) return '';
  if (min !== null && max !== null) return min === max ? formatVnd(min) : `${formatVnd(min)} – ${formatVnd(max)}`;
  if (min !== null) return `≥ ${formatVnd(min)}`;
  return `≤ ${formatVnd(max)}`;
}
