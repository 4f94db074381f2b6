import type { BlockLine, TextBlock } from '../../../platform/pdf/pdf-document';
import { PDF_COLORS, PdfWriter } from '../../../platform/pdf/pdf-document';
import { dateLine, documentInstant, NATIONAL_MOTTO } from '../../../platform/pdf/vietnamese-document';
import type { CouncilDepartment, CouncilPosition } from '../councils/council.tables';
import type { DossierKind } from '../dossiers/dossier.tables';
import type { IsoDate, Recognition, Signer } from './document-data';

/**
 * What the evaluation documents share: the administrative layout of Nghị định 30/2020/NĐ-CP
 * (issuer and national motto side by side, number and dated place line, signature blocks, Nơi
 * nhận), number formats and the Vietnamese labels of the tables' values.
 */

export const DOTS = '…………………';

export const KIND_LABELS: Record<DossierKind, string> = {
  first: 'Đánh giá lần đầu',
  upgrade: 'Nâng hạng',
  re_evaluation: 'Đánh giá lại',
};

export const POSITION_LABELS: Record<CouncilPosition, string> = {
  chair: 'Chủ tịch Hội đồng',
  member: 'Thành viên',
  secretary: 'Thư ký',
  advisory: 'Tổ tư vấn',
};

export const DEPARTMENT_LABELS: Record<CouncilDepartment, string> = {
  agriculture_environment: 'Sở Nông nghiệp và Môi trường',
  industry_trade: 'Sở Công Thương',
  health: 'Sở Y tế',
  science_technology: 'Sở Khoa học và Công nghệ',
  culture_sports_tourism: 'Sở Văn hóa, Thể thao và Du lịch',
  food_safety: 'Cơ quan an toàn thực phẩm',
  finance: 'Sở Tài chính',
  expert: 'Chuyên gia mời',
  ocop_office: 'Cơ quan tham mưu quản lý OCOP',
};

export const RECOGNITION_LABELS: Record<Recognition, string> = {
  province: 'Đề nghị UBND tỉnh công nhận',
  ministry: 'Đề nghị Bộ Nông nghiệp và Môi trường đánh giá 5 sao',
  none: 'Không đề nghị công nhận',
};

/** A score as Vietnamese write it: two decimals, decimal comma ("78,40"). */
export const score = (points: number) => (Math.round(points * 100) / 100).toFixed(2).replace('.', ',');

/** A maximum or an option's points: no trailing zeros ("40", "2,5"). */
export const points = (value: number) => String(Math.round(value * 100) / 100).replace('.', ',');

/** A writer whose PDF dates are the document's day (noon in Vietnam), never the clock. */
export function documentWriter(title: string, date: IsoDate | null, fallback: IsoDate, subject?: string): PdfWriter {
  return new PdfWriter({
    title,
    author: 'ocop',
    ...(subject === undefined ? {} : { subject }),
    date: documentInstant(date ?? fallback),
  });
}

/**
 * The letterhead: the parent body (regular) and the issuing body (bold, underlined), and its
 * number on the left, the national motto and the dated place line on the right. With no issuer
 * (a producer's form) the motto stands alone in the middle.
 */
export function letterhead(
  writer: PdfWriter,
  head: {
    issuer: { parent: string | null; name: readonly string[] } | null;
    number: string | null;
    place: string;
    date: IsoDate | null;
    year?: number;
  },
): void {
  const dated: BlockLine = { text: dateLine(head.place, head.date, head.year), font: 'italic', size: 10 };
  if (!head.issuer) {
    writer.blocks([{ x: writer.left, width: writer.width, lines: NATIONAL_MOTTO }]);
    return;
  }
  const leftWidth = writer.width * 0.42;
  const { parent, name } = head.issuer;
  const issuer: BlockLine[] = [
    ...(parent ? [{ text: parent, size: 10.5 }] : []),
    ...name.map(
      (text, index): BlockLine => ({ text, font: 'bold', size: 10.5, ...(index === name.length - 1 ? { rule: 60, gap: 6 } : {}) }),
    ),
  ];
  const left: TextBlock = { x: writer.left, width: leftWidth, lines: [...issuer, { text: `Số: ${head.number ?? '……/……'}`, size: 10 }] };
  const right: TextBlock = { x: writer.left + leftWidth, width: writer.width - leftWidth, lines: [...NATIONAL_MOTTO, dated] };
  writer.blocks([left, right]);
}

/** The document's name, centred: the first line bold and large, the rest bold. */
export function documentTitle(writer: PdfWriter, lines: readonly string[], gapAfter = 10): void {
  writer.doc.moveDown(1.2);
  lines.forEach((text, index) => {
    writer.paragraph(text, { font: 'bold', size: index === 0 ? 14 : 11.5, align: 'center', gap: 1 });
  });
  writer.doc.y += gapAfter;
}

/** A numbered section heading, kept with a few lines after it. */
export function sectionHeading(writer: PdfWriter, text: string): void {
  writer.ensureSpace(70);
  writer.doc.moveDown(0.4);
  writer.paragraph(text, { font: 'bold', size: 11, gap: 3 });
}

/** "label: value" on one line (wrapping), the value dotted when missing. */
export function field(writer: PdfWriter, label: string, value: string | number | null | undefined, indent = 10): void {
  const text = value === null || value === undefined || value === '' ? DOTS : String(value);
  writer.ensureSpace(16);
  writer.style({ size: 10.5 });
  writer.doc.text(`${label}: `, writer.left + indent, writer.doc.y, { continued: true, width: writer.width - indent });
  writer.style({ font: 'bold', size: 10.5 });
  writer.doc.text(text);
  writer.doc.x = writer.left;
  writer.doc.y += 2;
}

/** A row of vector stars with a label beside them (e.g. "4 sao"). */
export function starsWithLabel(writer: PdfWriter, stars: number, maxStars: number, label: string, size = 14): void {
  writer.ensureSpace(size + 10);
  const y = writer.doc.y;
  const width = writer.starRow(writer.left + 10, y, stars, maxStars, size);
  writer.style({ font: 'bold', size: 11 });
  writer.doc.text(label, writer.left + 10 + width + 8, y + (size - 11) / 2, { width: writer.width - width - 18 });
  writer.doc.x = writer.left;
  writer.doc.y = Math.max(writer.doc.y, y + size + 4);
}

function signatureLines(signer: Signer, note: string): BlockLine[] {
  return [
    ...signer.capacity.map((text): BlockLine => ({ text, font: 'bold', size: 10.5 })),
    { text: note, font: 'italic', size: 9.5, gap: 52 },
    { text: signer.name ?? '', font: 'bold', size: 10.5 },
  ];
}

/** Signature blocks side by side (one on the right half, or two halves), kept on one page. */
export function signatures(writer: PdfWriter, signers: readonly { signer: Signer; note: string; dateLine?: string }[]): void {
  writer.doc.moveDown(1);
  const half = writer.width / 2;
  const blocks: TextBlock[] = signers.map(({ signer, note, dateLine: dated }, index) => ({
    x: signers.length === 1 ? writer.left + half : writer.left + index * half,
    width: half,
    lines: [...(dated ? [{ text: dated, font: 'italic', size: 10 } satisfies BlockLine] : []), ...signatureLines(signer, note)],
  }));
  writer.blocks(blocks);
}

/** "Nơi nhận:" on the left (small, as the decree sets it) beside the signature on the right. */
export function recipientsAndSignature(writer: PdfWriter, recipients: readonly string[], signer: Signer, note: string): void {
  writer.doc.moveDown(1);
  const half = writer.width / 2;
  const left: TextBlock = {
    x: writer.left,
    width: half - 10,
    align: 'left',
    lines: [
      { text: 'Nơi nhận:', font: 'boldItalic', size: 10 },
      ...recipients.map((text, index): BlockLine => ({ text: `- ${text}${index === recipients.length - 1 ? '.' : ';'}`, size: 8.5 })),
    ],
  };
  writer.blocks([left, { x: writer.left + half, width: half, lines: signatureLines(signer, note) }]);
}

/** A muted one-line note (a footnote, an explanation of a mark). */
export function note(writer: PdfWriter, text: string): void {
  writer.paragraph(text, { font: 'italic', size: 8.5, color: PDF_COLORS.muted });
}

/** "Trang x/y" at the foot of every page, after the document's short name. */
export function pageNumbers(writer: PdfWriter, name: string): void {
  writer.footer((page, pages) => `${name} — Trang ${page}/${pages}`);
}
