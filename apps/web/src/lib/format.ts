import dayjs from 'dayjs';

export const DATE_FORMAT = 'DD/MM/YYYY';
export const DATE_TIME_FORMAT = 'DD/MM/YYYY HH:mm';
export const DATE_TIME_SECONDS_FORMAT = 'DD/MM/YYYY HH:mm:ss';

/** Dates are shown the Vietnamese way (day first) in both languages, in the browser's time zone. */
export function formatDateTime(iso: string | null | undefined, format = DATE_TIME_FORMAT): string {
  return iso ? dayjs(iso).format(format) : '';
}

/** "2025-07-01" → "01/07/2025". */
export function formatIsoDate(isoDate: string): string {
  return dayjs(isoDate).format(DATE_FORMAT);
}
