import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setImmediate as nextTurn } from 'node:timers/promises';
import PDFDocument from 'pdfkit';

/**
 * A4 documents with Vietnamese text. Full TTF fonts (Be Vietnam Pro) because the woff subsets of
 * @fontsource lose the stacked diacritics (ệ, ữ, ặ) in pdfkit. Knows no module: callers lay out.
 */

export type PdfFont = 'regular' | 'bold' | 'italic' | 'boldItalic';

const FONT_FILES: Record<PdfFont, string> = {
  regular: '400Regular/BeVietnamPro_400Regular.ttf',
  bold: '700Bold/BeVietnamPro_700Bold.ttf',
  italic: '400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/BeVietnamPro_700Bold_Italic.ttf',
};

// Resolved from the font package at run time, so it holds from source (tsx) and from dist/ alike.
const resolver = createRequire(import.meta.url);
let fontBytes: Record<PdfFont, Buffer> | undefined;
function fonts(): Record<PdfFont, Buffer> {
  fontBytes ??= Object.fromEntries(
    Object.entries(FONT_FILES).map(([name, file]) => [name, readFileSync(resolver.resolve(`@expo-google-fonts/be-vietnam-pro/${file}`))]),
  ) as Record<PdfFont, Buffer>;
  return fontBytes;
}

export type PdfInfo = {
  title: string;
  author?: string;
  subject?: string;
  /** Written as the creation and modification dates: taken from the data, so the same data gives the same file. */
  date: Date;
  /** A4 portrait unless asked. */
  layout?: 'portrait' | 'landscape';
  /** The page's width and height in points, instead of A4 (a roll printer's label). */
  size?: [number, number];
  /** Of every page; the writer's defaults suit a letter, a framed page (a certificate) sets its own. */
  margins?: PageMargins;
  /**
   * Keep every page open until the end (the default), which `footer` needs to write "page x of y".
   * A long run of independent pages turns it off: each page is written out when the next begins,
   * so memory holds one page rather than all of them.
   */
  bufferPages?: boolean;
};

export type PageMargins = { top: number; bottom: number; left: number; right: number };

/** One line of a text block: its text and style, and optionally a short centred rule under it. */
export type BlockLine = TextStyle & { text: string; rule?: number; gap?: number };
/** A column of lines at `x` (from the page's left edge), `width` wide, each line aligned as `align` (centre by default). */
export type TextBlock = { x: number; width: number; lines: readonly BlockLine[]; align?: 'left' | 'center' | 'right' };

export type TextStyle = { font?: PdfFont; size?: number; color?: string };

export const PDF_COLORS = { text: '#111111', muted: '#555555', rule: '#999999', fill: '#eeeeee', star: '#d4a017' } as const;

const MARGIN: PageMargins = { top: 50, bottom: 56, left: 50, right: 50 };

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly ended: Promise<Buffer>;
  private readonly buffered: boolean;

  constructor(info: PdfInfo) {
    const font = fonts();
    this.buffered = info.bufferPages ?? true;
    this.doc = new PDFDocument({
      size: info.size ?? 'A4',
      layout: info.layout ?? 'portrait',
      margins: info.margins ?? MARGIN,
      bufferPages: this.buffered,
      info: {
        Title: info.title,
        // pdfkit fails on an undefined entry: leave out what is not given.
        ...(info.author === undefined ? {} : { Author: info.author }),
        ...(info.subject === undefined ? {} : { Subject: info.subject }),
        Creator: 'ocop',
        Producer: 'ocop (pdfkit)',
        CreationDate: info.date,
        ModDate: info.date,
      },
      lang: 'vi-VN',
      displayTitle: true,
    });
    for (const [name, bytes] of Object.entries(font)) this.doc.registerFont(name, bytes);
    this.doc.font('regular').fontSize(10).fillColor(PDF_COLORS.text);
    this.ended = new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  get left(): number {
    return this.doc.page.margins.left;
  }
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  style({ font = 'regular', size = 10, color = PDF_COLORS.text }: TextStyle = {}): this {
    this.doc.font(font).fontSize(size).fillColor(color);
    return this;
  }

  /**
   * The largest size from `largest` down to `smallest` (in steps of half a point) at which `text`
   * in `font` fits `width` and `height`: long names shrink rather than run off a fixed layout.
   * Returns `smallest` when even that does not fit; the caller clips.
   */
  fittingSize(text: string, box: { font: PdfFont; width: number; height: number; largest: number; smallest: number }): number {
    for (let size = box.largest; size > box.smallest; size -= 0.5) {
      this.doc.font(box.font).fontSize(size);
      if (this.doc.heightOfString(text, { width: box.width }) <= box.height) return size;
    }
    return box.smallest;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  /** A paragraph across the text width (or from `indent`), kept whole on one page when it fits on one. */
  paragraph(
    text: string,
    style: TextStyle & { align?: 'left' | 'center' | 'right' | 'justify'; indent?: number; gap?: number } = {},
  ): void {
    const { align = 'left', indent = 0, gap = 2 } = style;
    this.style(style);
    const width = this.width - indent;
    this.ensureSpace(Math.min(this.doc.heightOfString(text, { width }), this.bottom - this.doc.page.margins.top));
    this.doc.text(text, this.left + indent, this.doc.y, { width, align });
    this.doc.y += gap;
  }

  /** A thin horizontal rule across the text width. */
  rule(gap = 4): void {
    const y = this.doc.y + gap / 2;
    this.doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(0.5)
      .strokeColor(PDF_COLORS.rule)
      .stroke();
    this.doc.y = y + gap / 2;
  }

  /**
   * Text blocks side by side from the current line (a letterhead: issuer left, national motto right;
   * or signature blocks), kept together on one page; leaves the cursor under the tallest block.
   */
  blocks(blocks: readonly TextBlock[]): void {
    const { doc } = this;
    const lineHeight = (line: BlockLine, width: number) => {
      this.style(line);
      return doc.heightOfString(line.text || ' ', { width }) + (line.rule === undefined ? 0 : 3) + (line.gap ?? 0);
    };
    const heights = blocks.map((block) => block.lines.reduce((sum, line) => sum + lineHeight(line, block.width), 0));
    this.ensureSpace(Math.max(0, ...heights));
    const top = doc.y;
    let bottom = top;
    for (const block of blocks) {
      let y = top;
      for (const line of block.lines) {
        this.style(line);
        doc.text(line.text || ' ', block.x, y, { width: block.width, align: block.align ?? 'center' });
        y = doc.y;
        if (line.rule !== undefined) {
          const from = block.x + (block.width - line.rule) / 2;
          doc
            .moveTo(from, y + 1)
            .lineTo(from + line.rule, y + 1)
            .lineWidth(0.6)
            .strokeColor(PDF_COLORS.text)
            .stroke();
          y += 3;
        }
        y += line.gap ?? 0;
      }
      bottom = Math.max(bottom, y);
    }
    this.style();
    doc.x = this.left;
    doc.y = bottom;
  }

  /** A square check box of side `size` with its top left at (x, y), ticked when `checked`. */
  checkbox(x: number, y: number, size: number, checked: boolean): void {
    this.doc.rect(x, y, size, size).lineWidth(0.7).strokeColor(PDF_COLORS.text).stroke();
    if (checked)
      this.doc
        .moveTo(x + size * 0.2, y + size * 0.55)
        .lineTo(x + size * 0.42, y + size * 0.78)
        .lineTo(x + size * 0.82, y + size * 0.22)
        .lineWidth(1.2)
        .strokeColor(PDF_COLORS.text)
        .stroke();
  }

  /** A five-pointed star as a vector path (prints sharp at any size), centred on (cx, cy). */
  star(cx: number, cy: number, radius: number, filled: boolean): void {
    const points: [number, number][] = [];
    for (let i = 0; i < 10; i++) {
      const r = i % 2 === 0 ? radius : radius * 0.4;
      const angle = -Math.PI / 2 + (i * Math.PI) / 5;
      points.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)]);
    }
    this.doc.polygon(...points).lineWidth(0.8);
    if (filled) this.doc.fillAndStroke(PDF_COLORS.star, PDF_COLORS.star);
    else this.doc.strokeColor(PDF_COLORS.rule).stroke();
    this.doc.fillColor(PDF_COLORS.text);
  }

  /** `of` stars in a row from (x, y) (top left), the first `filled` of them filled; returns the row's width. */
  starRow(x: number, y: number, filled: number, of: number, size = 14): number {
    const step = size * 1.25;
    for (let i = 0; i < of; i++) this.star(x + size / 2 + i * step, y + size / 2, size / 2, i < filled);
    return of * step;
  }

  /** Writes `label(page, pages)` in the bottom margin of every page; call once, after the content. */
  footer(label: (page: number, pages: number) => string): void {
    if (!this.buffered) throw new Error('footer needs a writer that buffers its pages.');
    const range = this.doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index++) {
      this.doc.switchToPage(index);
      // Text below the bottom margin would open a new page: lift the margin while writing there.
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.style({ size: 8, color: PDF_COLORS.muted });
      this.doc.text(label(index - range.start + 1, range.count), this.left, this.doc.page.height - bottom + 18, {
        width: this.width,
        align: 'center',
        lineBreak: false,
      });
      this.doc.page.margins.bottom = bottom;
    }
  }

  /** Ends the document and resolves with its bytes. */
  finish(): Promise<Buffer> {
    this.doc.flushPages();
    this.doc.end();
    return this.ended;
  }
}

/** Lets other requests run between chunks of a long layout (pdfkit lays out synchronously). */
export const breathe = (): Promise<void> => nextTurn();
