import { foldVietnamese } from '@ocop/domain/shared';

/** Diacritic- and case-insensitive "contains", so "chieng an" finds "Phường Chiềng An". */
export function matchesFolded(input: string, ...texts: (string | null | undefined)[]): boolean {
  const folded = foldVietnamese(input);
  if (folded === '') return true;
  return texts.some((text) => text && foldVietnamese(text).includes(folded));
}

/** `filterOption` for antd selects whose options carry a label (and optionally a value to match). */
export function selectOptionMatches(input: string, option: { label?: unknown; value?: unknown } | undefined): boolean {
  if (!option) return false;
  const label = typeof option.label === 'string' ? option.label : '';
  const value = typeof option.value === 'string' ? option.value : '';
  return matchesFolded(input, label, value.replace(/^\w+:/, ''));
}
