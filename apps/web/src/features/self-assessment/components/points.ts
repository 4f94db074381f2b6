import type { Language } from '@ocop/contracts/common';

/** Points as the sheets print them: up to two decimals, Vietnamese decimal comma. */
export function formatPoints(points: number, language: Language): string {
  return new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 }).format(points);
}
