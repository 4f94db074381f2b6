import { PDF_COLORS, type PdfFont, type PdfWriter } from './pdf-document';

export type TableColumn = { header: string; width: number; align?: 'left' | 'center' | 'right' };
/** A cell's text; `paint` draws into the cell after it (e.g. vector stars), given the cell's box. */
export type TableCell = {
  text: string;
  font?: PdfFont;
  indent?: number;
  paint?: (box: { x: number; y: number; width: number; height: number }) => void;
};
export type RowStyle = { fill?: string; font?: PdfFont };

const PAD = 3;
const SIZE = 8.5;

/**
 * A ruled table whose rows wrap their text and never split across pages; the header row repeats
 * at the top of every page the table runs onto. Column widths are points and should add up to the
 * writer's text width.
 */
export class PdfTable {
  constructor(
    private readonly writer: PdfWriter,
    private readonly columns: readonly TableColumn[],
  ) {}

  /** The header row; on a new page when it and a first row would not fit here. */
  header(): void {
    const cells: TableCell[] = this.columns.map((column) => ({ text: column.header, font: 'bold' }));
    if (this.writer.doc.y + this.heightOf(cells, {}) + 24 > this.writer.bottom) this.writer.doc.addPage();
    this.draw(cells, { fill: PDF_COLORS.fill });
  }

  /** One row; a new page (with the header again) when it does not fit on this one. */
  row(cells: readonly TableCell[], style: RowStyle = {}): void {
    const { doc } = this.writer;
    const height = this.heightOf(cells, style);
    if (doc.y + height > this.writer.bottom) {
      doc.addPage();
      this.header();
    }
    this.draw(cells, style, height);
  }

  private heightOf(cells: readonly TableCell[], style: RowStyle): number {
    const { doc } = this.writer;
    let height = 0;
    this.columns.forEach((column, index) => {
      const cell = cells[index];
      if (!cell) return;
      doc.font(cell.font ?? style.font ?? 'regular').fontSize(SIZE);
      height = Math.max(height, doc.heightOfString(cell.text, { width: column.width - 2 * PAD - (cell.indent ?? 0) }));
    });
    return height + 2 * PAD;
  }

  private draw(cells: readonly TableCell[], style: RowStyle, height = this.heightOf(cells, style)): void {
    const { doc } = this.writer;
    const top = doc.y;
    let x = this.writer.left;
    if (style.fill) doc.rect(x, top, this.writer.width, height).fill(style.fill);
    this.columns.forEach((column, index) => {
      const cell = cells[index];
      doc.rect(x, top, column.width, height).lineWidth(0.5).strokeColor(PDF_COLORS.rule).stroke();
      if (cell) {
        const indent = cell.indent ?? 0;
        this.writer.style({ font: cell.font ?? style.font ?? 'regular', size: SIZE });
        doc.text(cell.text, x + PAD + indent, top + PAD, { width: column.width - 2 * PAD - indent, align: column.align ?? 'left' });
        cell.paint?.({ x: x + PAD, y: top + PAD, width: column.width - 2 * PAD, height: height - 2 * PAD });
      }
      x += column.width;
    });
    doc.x = this.writer.left;
    doc.y = top + height;
  }
}
