import { type LabelGeometry, labelTextLines } from '@ocop/domain/traceability';
import { breathe, PdfWriter } from '../../../platform/pdf/pdf-document';
import { drawQrCode } from '../../../platform/pdf/qr';
import { encodeQrMatrix, qrMatrixContent } from '../../../platform/pdf/qr-matrix';

const PT_PER_MM = 72 / 25.4;
const pt = (mm: number) => mm * PT_PER_MM;
// Labels drawn between two turns of the event loop: pdfkit lays out synchronously.
const LABELS_PER_TURN = 200;

/** One label: what its QR code holds and the serial as printed. */
export type SheetLabel = { url: string; printed: string };

export type SheetData = {
  title: string;
  /** The document's date, from the data (the order's), so the same stamps give the same bytes. */
  date: Date;
  geometry: LabelGeometry;
  /** The QR version every label uses, so all print with modules of one size. */
  qrVersion: number;
  /**
   * `baseline` draws each code as before (the `qrcode` package's own segmentation and mask choice,
   * one pdfkit rectangle per run): kept only so the bench can show both in one run.
   */
  qrDrawing?: 'fast' | 'baseline';
};

/**
 * The print sheet: labels in the layout's places, page after page, each a vector QR code and the
 * serial under or beside it. Pages are written out as they fill (no page buffering), so memory
 * holds one page and the labels of one batch.
 */
export async function renderStampSheet(data: SheetData, batches: AsyncIterable<readonly SheetLabel[]>): Promise<Buffer> {
  const { geometry } = data;
  const writer = new PdfWriter({
    title: data.title,
    date: data.date,
    size: [pt(geometry.pageWidthMm), pt(geometry.pageHeightMm)],
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    bufferPages: false,
  });
  const { doc } = writer;
  const { code, text } = geometry;
  const perPage = geometry.labels.length;
  let placed = 0;
  for await (const batch of batches) {
    for (const label of batch) {
      const slot = placed % perPage;
      if (placed > 0 && slot === 0) doc.addPage();
      const at = geometry.labels[slot] ?? { x: 0, y: 0 };
      const square = { x: pt(at.x + code.x), y: pt(at.y + code.y), side: pt(code.width) };
      if (data.qrDrawing === 'baseline')
        drawQrCode(doc, label.url, square, { version: data.qrVersion, quietModules: code.quietZoneModules });
      // Each code encoded once and written as one path of integer runs in a module-sized frame.
      else doc.addContent(qrMatrixContent(encodeQrMatrix(label.url, data.qrVersion), square, code.quietZoneModules));
      const lineHeight = text.sizePt * 1.2;
      for (const [i, line] of labelTextLines(label.printed, text.lines).entries()) {
        // Measured, not estimated: a line of wide letters (W, M) shrinks to its box rather than wrap.
        writer.style({ font: 'bold', size: text.sizePt });
        const natural = doc.widthOfString(line);
        const size = natural > pt(text.width) ? (text.sizePt * pt(text.width)) / natural : text.sizePt;
        writer.style({ font: 'bold', size });
        const width = doc.widthOfString(line);
        const x = pt(at.x + text.x) + (text.lines === 1 ? (pt(text.width) - width) / 2 : 0);
        doc.text(line, x, pt(at.y + text.y) + i * lineHeight, { lineBreak: false });
      }
      placed++;
      if (placed % LABELS_PER_TURN === 0) await breathe();
    }
  }
  return writer.finish();
}
