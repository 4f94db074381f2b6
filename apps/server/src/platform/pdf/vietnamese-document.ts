import type { BlockLine } from './pdf-document';

/**
 * What every Vietnamese administrative document writes the same way (Nghị định 30/2020/NĐ-CP),
 * whoever issues it: the national motto and dates. Days are ISO calendar days ('2026-11-20').
 */

/** "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc" with its short rule. */
export const NATIONAL_MOTTO: readonly BlockLine[] = [
  { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', font: 'bold', size: 10.5 },
  { text: 'Độc lập - Tự do - Hạnh phúc', font: 'bold', size: 11, rule: 150, gap: 6 },
];

/** "ngày 05 tháng 02 năm 2026" (a zero before days 1–9 and months 1–2); dotted when no date yet. */
export function dayPhrase(date: string | null, year?: number): string {
  if (!date) return `ngày …… tháng …… năm ${year ?? '……'}`;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `ngày ${d < 10 ? `0${d}` : d} tháng ${m < 3 ? `0${m}` : m} năm ${y}`;
}

/** "Sơn La, ngày 05 tháng 02 năm 2026". */
export const dateLine = (place: string, date: string | null, year?: number) => `${place}, ${dayPhrase(date, year)}`;

/** dd/mm/yyyy of a calendar day. */
export const ddmmyyyy = (date: string) => date.split('-').reverse().join('/');

/** The instant a document's PDF dates carry for its day: noon in Vietnam, never the clock, so the same data gives the same bytes. */
export const documentInstant = (date: string) => new Date(`${date}T12:00:00+07:00`);
