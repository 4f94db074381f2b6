import { type BlockLine, breathe, type PdfFont, PdfWriter } from '../../../platform/pdf/pdf-document';
import { drawQrCode } from '../../../platform/pdf/qr';
import { dayPhrase, ddmmyyyy, documentInstant, NATIONAL_MOTTO } from '../../../platform/pdf/vietnamese-document';

/**
 * Giấy chứng nhận sản phẩm OCOP: one framed A4 landscape page per certificate, with the QR code
 * of its public verification page. QĐ 26/2026 gives no form for it (its Phụ lục III holds Mẫu
 * 01–03 only), so the layout is ours: the rank with its stars, the product and its producer, the
 * decision and the validity, framed by what Nghị định 30/2020 has every administrative paper carry
 * (issuer and national motto, number, dated place line, signature). Pure: same data, same bytes.
 */

export type CertificatePdfData = {
  /** e.g. '12/GCN-OCOP-14-2026'. */
  number: string;
  stars: 3 | 4 | 5;
  productName: string;
  /** Bộ sản phẩm, e.g. 'Chè'. */
  productSetName: string | null;
  producerName: string;
  producerAddress: string | null;
  /** `placeName` heads the dated line ('Sơn La', 'Hà Nội'). */
  issuer: { name: string; level: 'province' | 'ministry' | 'district'; placeName: string };
  decisionNumber: string;
  /** ISO days ('2026-11-20'); `expiresOn` is the last valid day. */
  decisionDate: string;
  issuedOn: string;
  expiresOn: string;
  /** Lines separated by ' / ': 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH'. */
  signerTitle: string | null;
  signerName: string | null;
  /** What the QR code holds: `${PUBLIC_URL}/c/${number}`. */
  verificationUrl: string;
};

const PAGE = { width: 841.89, height: 595.28 };
// The frame sits in the page's margins; text stays inside it.
const MARGINS = { top: 40, bottom: 28, left: 54, right: 54 };
const COLORS = { frame: '#8b1a1a', gold: '#c9a227', title: '#a11d1d', text: '#1a1a1a', muted: '#555555', product: '#0f3d6e' };
const QR_SIDE = 85; // 30 mm

/** The issuer in capitals as it heads the page: "ỦY BAN NHÂN DÂN" on its own line above the place, as the decree's letterheads do. */
function issuerLines(name: string): string[] {
  const upper = name.toLocaleUpperCase('vi');
  const council = 'ỦY BAN NHÂN DÂN ';
  return upper.startsWith(council) ? [council.trim(), upper.slice(council.length)] : [upper];
}

/** "36 tháng" when the validity is a whole number of months (the usual case), else nothing: the months come from the dates, never from a constant. */
function validityMonths(issuedOn: string, expiresOn: string): number | null {
  const [y1, m1, d1] = issuedOn.split('-').map(Number) as [number, number, number];
  const end = new Date(`${expiresOn}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  const months = (end.getUTCFullYear() - y1) * 12 + (end.getUTCMonth() + 1 - m1);
  return end.getUTCDate() === d1 && months > 0 ? months : null;
}

/** A double frame (a heavy dark red line, a thin gold one inside) with gold diamonds at the corners. */
function frame(writer: PdfWriter): void {
  const { doc } = writer;
  const outer = 16;
  const inner = 24;
  doc
    .rect(outer, outer, PAGE.width - 2 * outer, PAGE.height - 2 * outer)
    .lineWidth(3)
    .strokeColor(COLORS.frame)
    .stroke();
  doc
    .rect(inner, inner, PAGE.width - 2 * inner, PAGE.height - 2 * inner)
    .lineWidth(1)
    .strokeColor(COLORS.gold)
    .stroke();
  for (const [x, y] of [
    [inner, inner],
    [PAGE.width - inner, inner],
    [inner, PAGE.height - inner],
    [PAGE.width - inner, PAGE.height - inner],
  ] as const) {
    doc.polygon([x, y - 7], [x + 7, y], [x, y + 7], [x - 7, y]).fillAndStroke(COLORS.gold, COLORS.frame);
  }
}

/** Centred text across `width` (the text width unless given) from `y`; returns the y under it. */
function centred(
  writer: PdfWriter,
  text: string,
  y: number,
  style: { font: PdfFont; size: number; color?: string; width?: number },
): number {
  const width = style.width ?? writer.width;
  writer.style({ font: style.font, size: style.size, color: style.color ?? COLORS.text });
  writer.doc.text(text, writer.left + (writer.width - width) / 2, y, { width, align: 'center' });
  return writer.doc.y;
}

function header(writer: PdfWriter, data: CertificatePdfData): void {
  const leftWidth = writer.width * 0.4;
  const issuer = issuerLines(data.issuer.name);
  writer.doc.y = MARGINS.top + 6;
  writer.blocks([
    {
      x: writer.left,
      width: leftWidth,
      lines: [
        ...issuer.map(
          (text, index): BlockLine => ({
            text,
            font: 'bold',
            size: 11,
            ...(index === issuer.length - 1 ? { rule: 70, gap: 6 } : {}),
          }),
        ),
        { text: `Số: ${data.number}`, size: 10.5 },
      ],
    },
    { x: writer.left + writer.width - leftWidth * 1.1, width: leftWidth * 1.1, lines: NATIONAL_MOTTO },
  ]);
}

/** The title, the rank in words and in gold stars, the programme; returns the y under them. */
function titleAndStars(writer: PdfWriter, data: CertificatePdfData): number {
  let y = centred(writer, 'GIẤY CHỨNG NHẬN', 112, { font: 'bold', size: 30, color: COLORS.title });
  y = centred(writer, `SẢN PHẨM OCOP ĐẠT HẠNG ${data.stars} SAO`, y + 1, { font: 'bold', size: 16, color: COLORS.title });
  const size = 24;
  const rowWidth = (data.stars - 1) * size * 1.25 + size;
  writer.starRow(PAGE.width / 2 - rowWidth / 2, y + 5, data.stars, data.stars, size);
  const programme = 'Chương trình Mỗi xã một sản phẩm';
  const under = centred(writer, programme, y + size + 11, { font: 'italic', size: 11.5, color: COLORS.muted });
  // Short gold rules either side of the programme's name.
  const half = writer.doc.widthOfString(programme) / 2 + 10;
  const middle = (y + size + 11 + under) / 2;
  for (const [from, to] of [
    [PAGE.width / 2 - half - 70, PAGE.width / 2 - half],
    [PAGE.width / 2 + half, PAGE.width / 2 + half + 70],
  ] as const) {
    writer.doc.moveTo(from, middle).lineTo(to, middle).lineWidth(0.8).strokeColor(COLORS.gold).stroke();
  }
  return under;
}

/** A centred line or paragraph of the middle of the page, measured before it is drawn so the page can be balanced. */
type Row = { height: number; gap: number; draw: (y: number) => void };

/** Centred text shrunk from `largest` towards `smallest` to fit `height`; clipped with an ellipsis should even that not fit. */
function fittedRow(
  writer: PdfWriter,
  text: string,
  box: { font: PdfFont; largest: number; smallest: number; height: number; width: number; color?: string; gap: number },
): Row {
  const size = writer.fittingSize(text, box);
  const height = Math.min(writer.doc.heightOfString(text, { width: box.width }), box.height);
  const style = { font: box.font, size, color: box.color ?? COLORS.text };
  return {
    height,
    gap: box.gap,
    draw: (y) => {
      writer.style(style);
      const x = writer.left + (writer.width - box.width) / 2;
      writer.doc.text(text, x, y, { width: box.width, height: height + 1, align: 'center', ellipsis: true });
    },
  };
}

/**
 * "label value", the label regular and the value bold, centred on one line; a value too long for
 * one line goes under its label, shrunk to two lines. (pdfkit's `continued` text does not centre
 * two fonts.)
 */
function labelledRows(
  writer: PdfWriter,
  label: string,
  value: string,
  box: { size: number; smallest: number; width: number; gap: number; squeeze: number },
): Row[] {
  const { doc } = writer;
  writer.style({ size: box.size });
  const labelWidth = doc.widthOfString(`${label} `);
  writer.style({ font: 'bold', size: box.size });
  const valueWidth = doc.widthOfString(value);
  if (labelWidth + valueWidth > box.width) {
    return [
      fittedRow(writer, label, { font: 'regular', largest: 10, smallest: 10, height: 14, width: box.width, gap: box.gap }),
      fittedRow(writer, value, {
        font: 'bold',
        largest: box.size,
        smallest: box.smallest,
        height: Math.max(1.3, 2.5 * box.squeeze) * box.size,
        width: box.width,
        gap: 0,
      }),
    ];
  }
  const draw = (y: number) => {
    const x = writer.left + (writer.width - labelWidth - valueWidth) / 2;
    writer.style({ size: box.size, color: COLORS.text });
    doc.text(`${label} `, x, y, { lineBreak: false });
    writer.style({ font: 'bold', size: box.size, color: COLORS.text });
    doc.text(value, x + labelWidth, y, { lineBreak: false });
  };
  return [{ height: doc.currentLineHeight(true), gap: box.gap, draw }];
}

/**
 * Product, product set, producer, address, decision and validity, each within a height budget;
 * `squeeze` (≤ 1) shares out less room to the long names when the signature block is tall.
 */
function middleRows(writer: PdfWriter, data: CertificatePdfData, squeeze: number): Row[] {
  const width = writer.width * 0.88;
  const span = `từ ngày ${ddmmyyyy(data.issuedOn)} đến ngày ${ddmmyyyy(data.expiresOn)}`;
  const months = validityMonths(data.issuedOn, data.expiresOn);
  return [
    fittedRow(writer, data.productName, {
      font: 'bold',
      largest: 28,
      smallest: 12,
      height: Math.max(18, 64 * squeeze),
      width,
      color: COLORS.product,
      gap: 0,
    }),
    ...(data.productSetName
      ? labelledRows(writer, 'Bộ sản phẩm:', data.productSetName, { size: 11.5, smallest: 9, width, gap: 3, squeeze })
      : []),
    ...labelledRows(writer, 'Chủ thể:', data.producerName, { size: 13, smallest: 9, width, gap: 6, squeeze }),
    ...(data.producerAddress
      ? [fittedRow(writer, `Địa chỉ: ${data.producerAddress}`, { font: 'regular', largest: 11, smallest: 8, height: 14, width, gap: 1 })]
      : []),
    fittedRow(writer, `Theo Quyết định số ${data.decisionNumber} ngày ${ddmmyyyy(data.decisionDate)} của ${data.issuer.name}`, {
      font: 'italic',
      largest: 11,
      smallest: 8,
      height: 14,
      width,
      gap: 10,
    }),
    fittedRow(writer, months === null ? `Có giá trị ${span}` : `Có giá trị ${months} tháng, ${span}`, {
      font: 'bold',
      largest: 11.5,
      smallest: 11.5,
      height: 15,
      width,
      gap: 3,
    }),
  ];
}

const heightOf = (rows: readonly Row[]) => rows.reduce((sum, row, index) => sum + row.height + (index === 0 ? 0 : row.gap), 0);

/** Rows between `top` and `bottom`; room to spare opens the gaps (up to 12 pt each) and centres the rest. */
function placeRows(rows: readonly Row[], top: number, bottom: number): void {
  const needed = heightOf(rows);
  const slack = Math.max(0, bottom - top - needed);
  const extra = Math.min(12, slack / (rows.length + 1));
  let y = top + (slack - extra * (rows.length - 1)) / 2;
  for (const [index, row] of rows.entries()) {
    if (index > 0) y += row.gap + extra;
    row.draw(y);
    y += row.height;
  }
}

/** The QR code bottom left with what it is for, and its address for those who type; returns its top. */
function verification(writer: PdfWriter, data: CertificatePdfData): number {
  const { doc } = writer;
  const width = 190;
  const x = writer.left;
  const top = PAGE.height - MARGINS.bottom - 40 - QR_SIDE;
  drawQrCode(doc, data.verificationUrl, { x: x + (width - QR_SIDE) / 2, y: top, side: QR_SIDE });
  writer.style({ font: 'bold', size: 8.5 });
  doc.text('Quét mã để kiểm tra hiệu lực', x, top + QR_SIDE + 2, { width, align: 'center' });
  writer.style({ font: 'italic', size: 7.5, color: COLORS.muted });
  doc.text('Scan to verify', x, doc.y, { width, align: 'center' });
  // One line if it fits at a size still readable, else two.
  const size = writer.fittingSize(data.verificationUrl, { font: 'regular', width, height: 10, largest: 7, smallest: 5.5 });
  writer.style({ size, color: COLORS.muted });
  doc.text(data.verificationUrl, x, doc.y + 1, { width, height: 18, align: 'center', ellipsis: true });
  return top;
}

/** The dated place line and the signature block bottom right, its foot on the frame's margin; returns its top. */
function signature(writer: PdfWriter, data: CertificatePdfData): number {
  const width = writer.width * 0.42;
  const title = (data.signerTitle ?? '').split(/\s+\/\s+|\n/).filter((line) => line !== '');
  const lines: BlockLine[] = [
    { text: `${data.issuer.placeName}, ${dayPhrase(data.issuedOn)}`, font: 'italic', size: 11, gap: 2 },
    ...title.map((text): BlockLine => ({ text, font: 'bold', size: 11.5 })),
    // Room for the hand signature and the seal.
    { text: '', size: 11.5, gap: 50 },
    { text: data.signerName ?? '', font: 'bold', size: 12 },
  ];
  const height = lines.reduce((sum, line) => {
    writer.style(line);
    return sum + writer.doc.heightOfString(line.text || ' ', { width }) + (line.gap ?? 0);
  }, 0);
  const top = writer.bottom - height - 4;
  writer.doc.y = top;
  writer.blocks([{ x: writer.left + writer.width - width, width, lines }]);
  return top;
}

function drawCertificate(writer: PdfWriter, data: CertificatePdfData): void {
  frame(writer);
  header(writer, data);
  const underTitle = titleAndStars(writer, data);
  const bandTop = Math.min(verification(writer, data), signature(writer, data));
  const [top, bottom] = [underTitle + 8, bandTop - 10];
  let rows = middleRows(writer, data, 1);
  for (let squeeze = 0.9; heightOf(rows) > bottom - top && squeeze > 0.35; squeeze -= 0.1) rows = middleRows(writer, data, squeeze);
  placeRows(rows, top, bottom);
}

/**
 * The certificates, one page each, in the order given. The PDF's dates are the latest issue day
 * among them; the event loop gets a turn between pages, as a print run of a round is hundreds.
 */
export async function renderCertificates(certificates: readonly CertificatePdfData[], options: { title?: string } = {}): Promise<Buffer> {
  const [first] = certificates;
  if (!first) throw new RangeError('renderCertificates needs at least one certificate.');
  // ISO days sort as text.
  const latest = certificates.map((certificate) => certificate.issuedOn).sort((a, b) => a.localeCompare(b))[certificates.length - 1];
  const writer = new PdfWriter({
    title:
      options.title ?? (certificates.length === 1 ? `Giấy chứng nhận sản phẩm OCOP số ${first.number}` : 'Giấy chứng nhận sản phẩm OCOP'),
    author: 'ocop',
    date: documentInstant(latest ?? first.issuedOn),
    layout: 'landscape',
    margins: MARGINS,
    // No page refers to another: each is written out as the next begins (a run is hundreds).
    bufferPages: false,
  });
  for (const [index, certificate] of certificates.entries()) {
    if (index > 0) {
      await breathe();
      writer.doc.addPage();
    }
    drawCertificate(writer, certificate);
  }
  return writer.finish();
}
