import { DomainError } from '../shared/domain-error';
import { foldVietnamese } from '../shared/vietnamese-text';

/**
 * The months a product is made or on sale (mùa vụ), as month numbers 1–12 in calendar order.
 * Empty means the producer has not said. A season may cross the new year (coffee: October to
 * January), so ranges are read around the year, not from January.
 */
export type SeasonMonths = readonly number[];

/** Longest note beside the months ("thu hái sáng sớm", "quả chín rộ giữa tháng 6"). */
export const SEASON_NOTE_MAX = 200;
export const ALL_MONTHS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

export type SeasonLanguage = 'vi' | 'en' | 'zh';

function seasonsInvalid(value: unknown): DomainError {
  return new DomainError('invalid', 'product.seasons_invalid', 'Months are whole numbers 1 to 12, each once.', {
    field: 'seasons',
    value: String(value),
  });
}

/** The months checked (whole 1–12, each once, at most 12) and sorted; the first problem thrown. */
export function normalizeSeasons(months: readonly number[]): number[] {
  if (months.length > 12) throw seasonsInvalid(months.join(','));
  const seen = new Set<number>();
  for (const month of months) {
    if (!Number.isInteger(month) || month < 1 || month > 12 || seen.has(month)) throw seasonsInvalid(month);
    seen.add(month);
  }
  return [...seen].sort((a, b) => a - b);
}

const next = (month: number) => (month % 12) + 1;
const previous = (month: number) => ((month + 10) % 12) + 1;

/**
 * The months as runs [first, last] around the year, ordered by first month: [10, 11, 12, 1] is
 * one run [10, 1]; [5, 6, 10, 11, 12, 1] is [5, 6] and [10, 1]. All twelve months are [1, 12].
 */
export function seasonRanges(months: SeasonMonths): [number, number][] {
  const set = new Set(normalizeSeasons(months));
  if (set.size === 12) return [[1, 12]];
  const runs: [number, number][] = [];
  for (const start of [...set].sort((a, b) => a - b)) {
    if (set.has(previous(start))) continue;
    let end = start;
    while (set.has(next(end))) end = next(end);
    runs.push([start, end]);
  }
  return runs;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const ALL_YEAR: Record<SeasonLanguage, string> = { vi: 'Quanh năm', en: 'All year', zh: '全年' };

function rangeText([first, last]: [number, number], language: SeasonLanguage): string {
  switch (language) {
    case 'en':
      return first === last ? (EN_MONTHS[first - 1] as string) : `${EN_MONTHS[first - 1]} – ${EN_MONTHS[last - 1]}`;
    case 'zh':
      return first === last ? `${first}月` : `${first}月–${last}月`;
    default:
      // A run across the new year names "tháng" twice, so "tháng 10 – tháng 1" is not read as October to January of the same year's start.
      if (first === last) return `tháng ${first}`;
      return first < last ? `tháng ${first} – ${last}` : `tháng ${first} – tháng ${last}`;
  }
}

/** "tháng 5 – 6", "Oct – Jan", "5月–6月", "Quanh năm"; several runs joined; null when no month is given. */
export function formatSeasons(months: SeasonMonths, language: SeasonLanguage): string | null {
  if (months.length === 0) return null;
  const runs = seasonRanges(months);
  if (runs.length === 1 && runs[0]?.[0] === 1 && runs[0]?.[1] === 12) return ALL_YEAR[language];
  return runs.map((run) => rangeText(run, language)).join(language === 'zh' ? '、' : ', ');
}

/** The months as a spreadsheet cell: "5-6", "10-1", "3, 10-1", "quanh năm"; null when none. */
export function formatSeasonsCell(months: SeasonMonths): string | null {
  if (months.length === 0) return null;
  if (months.length === 12) return 'quanh năm';
  return seasonRanges(months)
    .map(([first, last]) => (first === last ? String(first) : `${first}-${last}`))
    .join(', ');
}

const ALL_YEAR_WORDS = new Set(['quanh nam', 'ca nam', 'all year', 'year round', 'year-round', '全年']);

/**
 * A spreadsheet cell read as months: "10-1" (across the year), "5,6", "5 – 6; 9", "tháng 5-6",
 * "quanh năm". Undefined when the text is not such a list (a month outside 1–12, a word).
 */
export function parseSeasonsCell(text: string): number[] | undefined {
  const folded = foldVietnamese(text).trim();
  if (folded === '') return [];
  if (ALL_YEAR_WORDS.has(folded) || ALL_YEAR_WORDS.has(text.trim())) return [...ALL_MONTHS];
  const months = new Set<number>();
  for (const part of folded.replace(/thang/g, ' ').split(/[,;]/)) {
    const match = /^\s*(\d{1,2})\s*(?:[-–—]\s*(\d{1,2})\s*)?$/.exec(part);
    if (!match) return undefined;
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    if (first < 1 || first > 12 || last < 1 || last > 12) return undefined;
    for (let month = first; ; month = next(month)) {
      months.add(month);
      if (month === last) break;
    }
  }
  return [...months].sort((a, b) => a - b);
}

/** True when the month (1–12) is one of the product's season months. */
export function isInSeason(months: SeasonMonths, month: number): boolean {
  return months.includes(month);
}
