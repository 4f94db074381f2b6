/**
 * Certificate numbers follow a per-province pattern, e.g. `{seq}/GCN-OCOP-{province}-{year}`:
 * `{seq}` the running number of the province in that year (zero-padded with `{seq:3}`),
 * `{province}` the province's code, `{year}` the issue year, `{stars}` the stars.
 */

export const DEFAULT_NUMBER_PATTERN = '{seq}/GCN-OCOP-{province}-{year}';

/** What a number may hold: it is typed from paper and travels in URLs (`/c/:number`). */
export const CERTIFICATE_NUMBER = /^[0-9A-Za-zĐđ][0-9A-Za-zĐđ./_-]{0,63}$/;
export const MAX_NUMBER_LENGTH = 64;

const PLACEHOLDER = /\{(seq|province|year|stars)(?::(\d))?\}/g;

export type NumberParts = { seq: number; province: string; year: number; stars: number };

export type PatternProblem = 'seq_missing' | 'unknown_placeholder' | 'characters' | 'too_long';

/** Why a pattern cannot number certificates, or null when it can. */
export function patternProblem(pattern: string): PatternProblem | null {
  if (pattern.length === 0 || pattern.length > 48) return 'too_long';
  if (!/\{seq(?::\d)?\}/.test(pattern)) return 'seq_missing';
  const rest = pattern.replace(PLACEHOLDER, '');
  if (/[{}]/.test(rest)) return 'unknown_placeholder';
  const sample = formatCertificateNumber(pattern, { seq: 99999, province: '14', year: 2026, stars: 5 });
  if (!CERTIFICATE_NUMBER.test(sample)) return 'characters';
  return null;
}

export function formatCertificateNumber(pattern: string, parts: NumberParts): string {
  return pattern.replace(PLACEHOLDER, (_all, name: keyof NumberParts, width?: string) => {
    const value = String(parts[name]);
    return width ? value.padStart(Number(width), '0') : value;
  });
}

/** A number as people type it: trimmed, inner spaces removed, letters upper-cased (đ → Đ). */
export function normaliseCertificateNumber(input: string): string | null {
  const compact = input.normalize('NFC').replace(/\s+/g, '').toUpperCase();
  return CERTIFICATE_NUMBER.test(compact) ? compact : null;
}
