import { create } from 'qrcode';
import { maskScores } from './qr-mask-scores';

/**
 * QR matrices for bulk printing (thousands of codes of one version): each encoded once, in byte
 * mode, with the mask chosen here. The `qrcode` package spends most of a code's time choosing its
 * mask (it masks and scores 8 symbols through per-module method calls) and finding the best
 * segmentation; here the segmentation is one byte segment (the version is fixed and byte mode
 * always fits it, see `qrVersionFor`) and the 8 masks are scored together as bit planes
 * (`qr-mask-scores.ts`). The Reed-Solomon codes and the placement are still `qrcode`'s.
 */

export type QrLevel = 'L' | 'M' | 'Q' | 'H';
/** A symbol's modules, row by row (1 dark, 0 light), without its quiet zone. */
export type QrMatrix = { size: number; dark: Uint8Array; mask: number };

// ISO/IEC 18004 §7.8.2, table 10: the data mask patterns, i the row and j the column.
const MASKS: readonly ((i: number, j: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_i, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i + j) % 2) + ((i * j) % 3)) % 2 === 0,
];

// §7.9.1: the two error correction level bits of the format information.
const LEVEL_BITS: Record<QrLevel, number> = { L: 1, M: 0, Q: 3, H: 2 };

/** The 15 format bits of a level and mask: BCH(15,5) with generator 0x537, then XOR 0x5412 (§7.9.1). */
export function qrFormatBits(level: QrLevel, mask: number): number {
  const data = (LEVEL_BITS[level] << 3) | mask;
  let remainder = data;
  for (let i = 0; i < 10; i++) remainder = (remainder << 1) ^ ((remainder >>> 9) * 0x537);
  return ((data << 10) | (remainder & 0x3ff)) ^ 0x5412;
}

/** The two places of each of the 15 format bits (§7.9.1, figure 25), and the always-dark module beside them. */
function formatPlaces(size: number): { places: [number, number][]; darkModule: number } {
  const places: [number, number][] = [];
  for (let i = 0; i < 15; i++) {
    // Down column 8 (top left, then bottom left), and along row 8 (top right, then top left).
    const row = i < 6 ? i : i < 8 ? i + 1 : size - 15 + i;
    const column = i < 8 ? size - i - 1 : i < 9 ? 15 - i : 14 - i;
    places.push([row * size + 8, 8 * size + column]);
  }
  return { places, darkModule: (size - 8) * size + 8 };
}

// Per symbol size, built once (every symbol of a version has its function patterns in the same
// places): for each module, a byte whose bit m is mask m's pattern there (0 on function patterns
// and format areas, which masks leave alone), and where the format bits go.
type SizeTables = { maskBytes: Uint8Array; format: ReturnType<typeof formatPlaces> };
const sizeTables = new Map<number, SizeTables>();
function tablesOf(size: number, reservedBit: Uint8Array): SizeTables {
  let tables = sizeTables.get(size);
  if (!tables) {
    const maskBytes = new Uint8Array(size * size);
    for (let i = 0; i < size; i++)
      for (let j = 0; j < size; j++) {
        if (reservedBit[i * size + j]) continue;
        let byte = 0;
        for (let m = 0; m < MASKS.length; m++) if (MASKS[m]?.(i, j)) byte |= 1 << m;
        maskBytes[i * size + j] = byte;
      }
    tables = { maskBytes, format: formatPlaces(size) };
    sizeTables.set(size, tables);
  }
  return tables;
}

/** For each of the 15 format bits, a byte whose bit m is that bit under mask m. */
function formatBytes(level: QrLevel): number[] {
  const all = MASKS.map((_, m) => qrFormatBits(level, m));
  return Array.from({ length: 15 }, (_, k) => all.reduce((byte, bits, m) => byte | (((bits >> k) & 1) << m), 0));
}
const FORMAT_BYTES: Record<QrLevel, number[]> = { L: formatBytes('L'), M: formatBytes('M'), Q: formatBytes('Q'), H: formatBytes('H') };

const encoder = new TextEncoder();

/**
 * The matrix of `text` at `version` and `level`, encoded once: `qrcode` places the data with mask 0
 * (so it scores no mask); the data modules are unmasked, the 8 masked symbols are held together
 * as bit planes (module i's byte has its colour under mask m in bit m, format bits included) and
 * scored in one pass (`maskScores`); the matrix is the best plane (the first of equal scores).
 */
export function encodeQrMatrix(text: string, version: number, level: QrLevel = 'M'): QrMatrix {
  const symbol = create([{ data: encoder.encode(text), mode: 'byte' }], { version, errorCorrectionLevel: level, maskPattern: 0 });
  const { size, data, reservedBit } = symbol.modules;
  const { maskBytes, format } = tablesOf(size, reservedBit);
  const cells = size * size;
  const planes = new Uint8Array(cells);
  for (let i = 0; i < cells; i++) {
    const byte = maskBytes[i] as number;
    // Mask 0 is bit 0 of the byte: taking it off the placed module gives the unmasked one.
    const unmasked = (data[i] as number) ^ (byte & 1);
    planes[i] = (unmasked ? 0xff : 0) ^ byte;
  }
  const bytes = FORMAT_BYTES[level];
  format.places.forEach(([a, b], k) => {
    planes[a] = bytes[k] as number;
    planes[b] = bytes[k] as number;
  });
  planes[format.darkModule] = 0xff;
  const scores = maskScores(planes, size);
  const best = scores.indexOf(Math.min(...scores));
  const dark = new Uint8Array(cells);
  for (let i = 0; i < cells; i++) dark[i] = ((planes[i] as number) >> best) & 1;
  return { size, dark, mask: best };
}

/** Formats a number for a content stream: at most 4 decimals (1/10,000 pt), no trailing zeros. */
const num = (value: number) => String(Math.round(value * 10_000) / 10_000);

/**
 * PDF content operators drawing a matrix as a `side`-point square (quiet zone inside) with its top
 * left at (x, y) in pdfkit's user space (y downwards): a white square, then, in a frame scaled to
 * one module, one rectangle per horizontal run of dark modules, all one path filled once. Integer
 * coordinates keep the stream short; no seams between neighbours, no image.
 */
export function qrMatrixContent(matrix: QrMatrix, at: { x: number; y: number; side: number }, quietModules: number): string {
  const { size, dark } = matrix;
  const unit = at.side / (size + 2 * quietModules);
  const parts: string[] = [
    `q 1 g ${num(at.x)} ${num(at.y)} ${num(at.side)} ${num(at.side)} re f`,
    `${num(unit)} 0 0 ${num(unit)} ${num(at.x + quietModules * unit)} ${num(at.y + quietModules * unit)} cm 0 g`,
  ];
  for (let row = 0; row < size; row++) {
    const base = row * size;
    let column = 0;
    while (column < size) {
      if (dark[base + column] !== 1) {
        column++;
        continue;
      }
      const start = column;
      while (column < size && dark[base + column] === 1) column++;
      parts.push(`${start} ${row} ${column - start} 1 re`);
    }
  }
  parts.push('f Q');
  return parts.join('\n');
}
