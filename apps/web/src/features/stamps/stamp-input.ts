/**
 * What people type or scan into the stamp screens, read the same way everywhere. A phone barcode
 * scanner acting as a keyboard types the QR code's content (the Digital Link URL) followed by
 * Enter; a handheld one may type the printed serial; people type either, with spaces or hyphens.
 */

/** Longest text a scanned or typed field is read from: a Digital Link URL with a long lot code. */
export const SCAN_TEXT_MAX = 300;

/**
 * The serial in what was scanned: the last segment of a `/21/{serial}` or `/s/{serial}` link,
 * else the text itself (trimmed). The server parses the serial and checks its check character.
 */
export function serialFromScan(text: string): string {
  const trimmed = text.trim().slice(0, SCAN_TEXT_MAX);
  const link = /^https?:\/\/[^/\s]+\/(?:.*\/21|s)\/([^/?#\s]+)/i.exec(trimmed);
  if (!link?.[1]) return trimmed;
  try {
    return decodeURIComponent(link[1]);
  } catch {
    return link[1];
  }
}

/** One end of a range: a sequence number (up to 8 digits: an order has at most 10,000,000) or a serial. */
export type RangeEnd = { kind: 'sequence'; sequence: number } | { kind: 'serial'; serial: string } | { kind: 'empty' };

export function readRangeEnd(text: string): RangeEnd {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (/^\d{1,8}$/.test(trimmed)) return { kind: 'sequence', sequence: Number(trimmed) };
  return { kind: 'serial', serial: serialFromScan(trimmed) };
}

/**
 * The serials of a pasted or scanned list: one per line (a scanner ends each with Enter), or
 * separated by commas, semicolons or tabs as spreadsheets copy them. Spaces stay inside a serial,
 * since people type its groups apart.
 */
export function splitSerials(text: string): string[] {
  return text
    .split(/[\r\n,;\t]+/)
    .map(serialFromScan)
    .filter((serial) => serial !== '');
}

/**
 * A count as people write it: "1000", "1.000" or "1 000" (Vietnamese), "1,000" (English). Null
 * when it is not a whole number; its bounds are the server's rule (answered with the reason).
 */
export function parseStampCount(text: string): number | null {
  const trimmed = text.trim();
  if (!/^(\d{1,3}([.,\s]\d{3})+|\d{1,12})$/.test(trimmed)) return null;
  return Number(trimmed.replace(/[.,\s]/g, ''));
}
