import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import sharp from 'sharp';

/**
 * Reading a PDF back as a person or a phone would: poppler's text, page count and size, and the QR
 * code a phone would scan from the printed page (poppler draws it, jsQR decodes it).
 */

/** The text of one page (or all), every run of white space made one space: pdftotext breaks lines where it likes. */
export const pdfText = (bytes: Buffer, page?: number): string =>
  execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-raw', '-enc', 'UTF-8', '-', '-'], {
    input: bytes,
  })
    .toString('utf8')
    .replace(/\s+/g, ' ');

function pdfInfo(bytes: Buffer): string {
  return execFileSync('pdfinfo', ['-isodates', '-'], { input: bytes }).toString();
}

export const pdfPageCount = (bytes: Buffer): number => Number(/Pages:\s+(\d+)/.exec(pdfInfo(bytes))?.[1]);

/** The first page's size in points, as pdfinfo prints it ("841.89 x 595.28"). */
export const pdfPageSize = (bytes: Buffer): string => /Page size:\s+([\d.]+ x [\d.]+) pts/.exec(pdfInfo(bytes))?.[1] ?? '';

export type WordBox = { text: string; xMin: number; yMin: number; xMax: number; yMax: number };

/** Every word of a page with its box in points (top-left origin), as pdftotext -bbox reads them. */
export function pdfWords(bytes: Buffer, page: number): WordBox[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), '-enc', 'UTF-8', '-', '-'], {
    input: bytes,
  }).toString('utf8');
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
    ([, xMin, yMin, xMax, yMax, text]) => ({
      text: text ?? '',
      xMin: Number(xMin),
      yMin: Number(yMin),
      xMax: Number(xMax),
      yMax: Number(yMax),
    }),
  );
}

/** The document's creation date as pdfinfo reads it ("2026-12-15T05:00:00Z"). */
export const pdfCreationDate = (bytes: Buffer): string => /CreationDate:\s+(\S+)/.exec(pdfInfo(bytes))?.[1] ?? '';

/** The page drawn at `dpi` as RGBA pixels. */
export async function pdfPagePixels(bytes: Buffer, page: number, dpi = 150) {
  const dir = mkdtempSync(join(tmpdir(), 'ocop-pdf-'));
  try {
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-f', String(page), '-l', String(page), '-singlefile', '-', join(dir, 'page')], {
      input: bytes,
    });
    const png = readFileSync(join(dir, 'page.png'));
    const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    return { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What the QR code on the page says, or null when none reads. */
export async function pdfQrText(bytes: Buffer, page = 1, dpi = 150): Promise<string | null> {
  const { data, width, height } = await pdfPagePixels(bytes, page, dpi);
  return jsQR(data, width, height)?.data ?? null;
}

/** A rectangle of a page in millimetres from its top left corner. */
export type MmBox = { x: number; y: number; width: number; height: number };

/**
 * What each of several QR codes on a page says (null where none reads), each decoded from its own
 * crop of the drawn page, as a phone pointed at one label would: for sheets of many codes.
 */
export async function pdfQrTextsIn(bytes: Buffer, page: number, boxes: readonly MmBox[], dpi = 300): Promise<(string | null)[]> {
  const { data, width, height } = await pdfPagePixels(bytes, page, dpi);
  const px = (mm: number) => Math.round((mm * dpi) / 25.4);
  return boxes.map((box) => {
    const left = Math.max(0, px(box.x));
    const top = Math.max(0, px(box.y));
    const w = Math.min(width - left, px(box.width));
    const h = Math.min(height - top, px(box.height));
    const crop = new Uint8ClampedArray(w * h * 4);
    for (let row = 0; row < h; row++)
      crop.set(data.subarray(((top + row) * width + left) * 4, ((top + row) * width + left + w) * 4), row * w * 4);
    return jsQR(crop, w, h)?.data ?? null;
  });
}

/** The page drawn at `dpi` as a PNG file at `path` (to look at a sheet). */
export function writePdfPagePng(bytes: Buffer, page: number, path: string, dpi = 150): void {
  execFileSync(
    'pdftoppm',
    ['-r', String(dpi), '-png', '-f', String(page), '-l', String(page), '-singlefile', '-', path.replace(/\.png$/, '')],
    {
      input: bytes,
    },
  );
}
