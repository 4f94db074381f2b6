import { create } from 'qrcode';

/**
 * QR codes drawn as vector rectangles: sharp at any print size, no raster image in the file, and
 * the same bytes for the same text. Knows no module: the caller says what the code holds.
 */

export type QrErrorCorrection = 'L' | 'M' | 'Q' | 'H';
export type QrOptions = { errorCorrection?: QrErrorCorrection };

/** ISO/IEC 18004 asks for a light margin of 4 modules on every side; scanners find the code by it. */
export const QR_QUIET_MODULES = 4;

type QrMatrix = { size: number; dark: (row: number, column: number) => boolean };

function matrixOf(text: string, errorCorrection: QrErrorCorrection): QrMatrix {
  const { modules } = create(text, { errorCorrectionLevel: errorCorrection });
  return { size: modules.size, dark: (row, column) => modules.data[row * modules.size + column] === 1 };
}

/**
 * The side of one module in points when the code of `text` (quiet zone included) is drawn `side`
 * points wide. Phones read printed codes reliably from about 0.33 mm (≈ 0.95 pt) a module, so a
 * layout can refuse a size below what it will be scanned at.
 */
export function qrModuleSize(text: string, side: number, { errorCorrection = 'M' }: QrOptions = {}): number {
  return side / (matrixOf(text, errorCorrection).size + 2 * QR_QUIET_MODULES);
}

/**
 * Draws the QR code of `text` as a `side`-point square with its top left at (x, y): a white square
 * (the quiet zone of 4 modules is inside `side`) and the dark modules on it.
 */
export function drawQrCode(
  doc: PDFKit.PDFDocument,
  text: string,
  at: { x: number; y: number; side: number },
  { errorCorrection = 'M' }: QrOptions = {},
): void {
  const matrix = matrixOf(text, errorCorrection);
  const unit = at.side / (matrix.size + 2 * QR_QUIET_MODULES);
  const left = at.x + QR_QUIET_MODULES * unit;
  const top = at.y + QR_QUIET_MODULES * unit;
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
