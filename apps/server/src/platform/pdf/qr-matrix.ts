import { create } from 'qrcode';

/**
 * QR matrices for bulk printing (thousands of codes of one version): each encoded once, in byte
 * mode, with the mask chosen here. The `qrcode` package spends most of a code's time choosing its
 * mask (it scores the 8 masks through per-module method calls) and finding the best segmentation;
 * here the segmentation is one byte segment (the version is fixed and byte mode always fits it, see
 * `qrVersionFor`) and the 8 masks are scored over a flat array, then the best is applied in place.
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

/** Writes the format bits in both of their places (§7.9.1, figure 25), and the dark module beside them. */
function writeFormat(dark: Uint8Array, size: number, bits: number): void {
  for (let i = 0; i < 15; i++) {
    const bit = (bits >> i) & 1;
    // Down column 8 (top left, then bottom left).
    const row = i < 6 ? i : i < 8 ? i + 1 : size - 15 + i;
    dark[row * size + 8] = bit;
    // Along row 8 (top right, then top left).
    const column = i < 8 ? size - i - 1 : i < 9 ? 15 - i : 14 - i;
    dark[8 * size + column] = bit;
  }
  dark[(size - 8) * size + 8] = 1;
}

/**
 * The penalty of a masked symbol (§7.8.3): runs of 5 or more modules of one colour in a row or
 * column (3, plus 1 per module past 5), 2 × 2 blocks of one colour (3 each), the 1:1:3:1:1 finder
 * look-alike with 4 light modules on one side (40 each), and the dark share's distance from half
 * (10 per whole 5 %). One pass over rows and columns together; a rolling 11-bit window finds the
 * look-alikes.
 */
function penalty(dark: Uint8Array, size: number): number {
  let points = 0;
  let darkCount = 0;
  // Rows: runs, look-alikes, and the 2 × 2 blocks whose top left is in this row.
  for (let row = 0; row < size; row++) {
    const base = row * size;
    let run = 0;
    let last = -1;
    let window = 0;
    for (let column = 0; column < size; column++) {
      const bit = dark[base + column] as number;
      darkCount += bit;
      if (bit === last) run++;
      else {
        if (run >= 5) points += run - 2;
        run = 1;
        last = bit;
      }
      window = ((window << 1) & 0x7ff) | bit;
      if (column >= 10 && (window === 0x5d0 || window === 0x05d)) points += 40;
      if (row < size - 1 && column < size - 1) {
        const block =
          bit + (dark[base + column + 1] as number) + (dark[base + size + column] as number) + (dark[base + size + column + 1] as number);
        if (block === 0 || block === 4) points += 3;
      }
    }
    if (run >= 5) points += run - 2;
  }
  // Columns: runs and look-alikes.
  for (let column = 0; column < size; column++) {
    let run = 0;
    let last = -1;
    let window = 0;
    for (let index = column, row = 0; row < size; row++, index += size) {
      const bit = dark[index] as number;
      if (bit === last) run++;
      else {
        if (run >= 5) points += run - 2;
        run = 1;
        last = bit;
      }
      window = ((window << 1) & 0x7ff) | bit;
      if (row >= 10 && (window === 0x5d0 || window === 0x05d)) points += 40;
    }
    if (run >= 5) points += run - 2;
  }
  const percent = (darkCount * 100) / (size * size);
  return points + 10 * Math.floor(Math.abs(percent - 50) / 5);
}

// Per symbol size: the 8 mask patterns restricted to the data modules (0 on function patterns and
// format areas, which every symbol of one version and level shares), built once.
const dataMasks = new Map<number, Uint8Array[]>();
function dataMasksOf(size: number, reservedBit: Uint8Array): Uint8Array[] {
  let tables = dataMasks.get(size);
  if (!tables) {
    tables = MASKS.map((mask) => {
      const table = new Uint8Array(size * size);
      for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) table[i * size + j] = !reservedBit[i * size + j] && mask(i, j) ? 1 : 0;
      return table;
    });
    dataMasks.set(size, tables);
  }
  return tables;
}

const encoder = new TextEncoder();

/**
 * The matrix of `text` at `version` and `level`, encoded once: `qrcode` places the data with mask 0
 * (so it scores no mask), the data modules are unmasked here, each of the 8 masks is scored with
 * its own format bits, and the best is applied.
 */
export function encodeQrMatrix(text: string, version: number, level: QrLevel = 'M'): QrMatrix {
  const symbol = create([{ data: encoder.encode(text), mode: 'byte' }], { version, errorCorrectionLevel: level, maskPattern: 0 });
  const { size, data, reservedBit } = symbol.modules;
  // Function patterns sit where every symbol of this size has them, so one table serves all codes.
  const masks = dataMasksOf(size, reservedBit);
  const mask0 = masks[0] as Uint8Array;
  const cells = size * size;
  // The unmasked symbol: mask 0 taken off the data modules (XOR is its own inverse).
  const raw = new Uint8Array(cells);
  for (let i = 0; i < cells; i++) raw[i] = (data[i] as number) ^ (mask0[i] as number);
  const work = new Uint8Array(cells);
  const apply = (mask: number) => {
    const table = masks[mask] as Uint8Array;
    for (let i = 0; i < cells; i++) work[i] = (raw[i] as number) ^ (table[i] as number);
    writeFormat(work, size, qrFormatBits(level, mask));
  };
  let best = 0;
  let lowest = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < MASKS.length; mask++) {
    apply(mask);
    const score = penalty(work, size);
    if (score < lowest) {
      lowest = score;
      best = mask;
    }
  }
  apply(best);
  return { size, dark: work, mask: best };
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
