import { create } from 'qrcode';

/**
 * QR codes drawn as vector rectangles: sharp at any print size, no raster image in the file, and
 * the same bytes for the same text. Knows no module: the caller says what the code holds.
 */

export type QrErrorCorrection = 'L' | 'M' | 'Q' | 'H';
export type QrOptions = {
  errorCorrection?: QrErrorCorrection;
  /** A fixed symbol version (1–40), so codes of texts of one length print with modules of one size. */
  version?: number;
  /** Light modules around the code, inside `side`; 4 unless asked (never fewer: see QR_QUIET_MODULES). */
  quietModules?: number;
};

/** ISO/IEC 18004 asks for a light margin of 4 modules on every side; scanners find the code by it. */
export const QR_QUIET_MODULES = 4;

type QrMatrix = { size: number; dark: (row: number, column: number) => boolean };

function matrixOf(text: string, errorCorrection: QrErrorCorrection, version?: number): QrMatrix {
  const { modules } = create(text, { errorCorrectionLevel: errorCorrection, ...(version === undefined ? {} : { version }) });
  return { size: modules.size, dark: (row, column) => modules.data[row * modules.size + column] === 1 };
}

/**
 * The side of one module in points when the code of `text` (quiet zone included) is drawn `side`
 * points wide, so a layout can refuse a size below what it will be scanned at (GS1 asks at least
 * 0.396 mm ≈ 1.12 pt a module for a QR Code on a trade item: see `STAMP_LABEL_RULES`).
 */
export function qrModuleSize(
  text: string,
  side: number,
  { errorCorrection = 'M', version, quietModules = QR_QUIET_MODULES }: QrOptions = {},
): number {
  return side / (matrixOf(text, errorCorrection, version).size + 2 * quietModules);
}

/**
 * The smallest version that holds any text of `text`'s length in byte mode, the least dense: the
 * encoder's own choice of segments never needs more, so every such text fits it.
 */
export function qrVersionFor(text: string, { errorCorrection = 'M' }: QrOptions = {}): number {
  return create([{ data: new TextEncoder().encode(text), mode: 'byte' }], { errorCorrectionLevel: errorCorrection }).version;
}

/** Modules a side of a symbol of this version, its quiet zone not counted. */
export const qrModulesOf = (version: number): number => 17 + 4 * version;

/**
 * Draws the QR code of `text` as a `side`-point square with its top left at (x, y): a white square
 * (the quiet zone of 4 modules is inside `side`) and the dark modules on it.
 */
export function drawQrCode(
  doc: PDFKit.PDFDocument,
  text: string,
  at: { x: number; y: number; side: number },
  { errorCorrection = 'M', version, quietModules = QR_QUIET_MODULES }: QrOptions = {},
): void {
  const matrix = matrixOf(text, errorCorrection, version);
  const unit = at.side / (matrix.size + 2 * quietModules);
  const left = at.x + quietModules * unit;
  const top = at.y + quietModules * unit;
  doc.save();
  doc.rect(at.x, at.y, at.side, at.side).fill('#ffffff');
  // One rectangle per horizontal run of dark modules, all in one path filled once: about half the
  // rectangles of one square per module, and no anti-aliasing seams between neighbours.
  for (let row = 0; row < matrix.size; row++) {
    let column = 0;
    while (column < matrix.size) {
      if (!matrix.dark(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < matrix.size && matrix.dark(row, column)) column++;
      doc.rect(left + start * unit, top + row * unit, (column - start) * unit, unit);
    }
  }
  doc.fill('#000000');
  doc.restore();
}
