import { ddmmyyyy } from '../../../platform/pdf/vietnamese-document';
import { PDF_COLORS, type PdfWriter } from '../../../platform/pdf/pdf-document';
import { PdfTable } from '../../../platform/pdf/pdf-table';
import type { ImprovementLine, ResultLetterData } from './document-data';
import {
  documentTitle,
  documentWriter,
  field,
  letterhead,
  note,
  pageNumbers,
  points,
  recipientsAndSignature,
  score,
  sectionHeading,
  starsWithLabel,
} from './document-layout';

/**
 * Thông báo kết quả đánh giá, phân hạng sản phẩm OCOP (Art. 7.3.g) to the commune and the producer:
 * the council's average and stars, the members' totals, and what to improve — for each starred
 * minimum not met and each weak criterion, the option reached, the option needed and the evidence
 * to prepare. No form in QĐ 26/2026; the layout follows Nghị định 30/2020.
 */

function addressees(writer: PdfWriter, data: ResultLetterData): void {
  writer.ensureSpace(20 + 14 * data.addressees.length);
  const { doc } = writer;
  const x = writer.left + writer.width * 0.22;
  const top = doc.y;
  writer.style({ size: 10.5 });
  doc.text('Kính gửi:', x, top, { lineBreak: false });
  const listX = x + doc.widthOfString('Kính gửi: ') + 4;
  doc.y = top;
  for (const name of data.addressees)
    doc.text(data.addressees.length > 1 ? `- ${name};` : `${name}.`, listX, doc.y, { width: writer.left + writer.width - listX });
  doc.x = writer.left;
  doc.y += 8;
}

function outcome(data: ResultLetterData): string {
  const { result } = data;
  if (data.recognition === 'ministry') return `Từ 90 điểm — đề nghị Bộ Nông nghiệp và Môi trường đánh giá 5 sao`;
  if (data.recognition === 'province') return `Đạt ${result.stars} sao — đề nghị UBND tỉnh công nhận`;
  return `${result.stars} sao — chưa đủ điều kiện công nhận sản phẩm OCOP`;
}

function result(writer: PdfWriter, data: ResultLetterData): void {
  const { result: outcomeOf } = data;
  sectionHeading(writer, '2. Kết quả đánh giá, phân hạng');
  const table = new PdfTable(writer, [
    { header: 'Nội dung', width: 200 },
    { header: 'Điểm trung bình', width: 100, align: 'right' },
    { header: 'Điểm tối đa', width: 80, align: 'right' },
  ]);
  table.header();
  for (const part of outcomeOf.parts)
    table.row([{ text: `Phần ${part.code}` }, { text: score(part.total) }, { text: points(part.maxPoints) }]);
  const max = outcomeOf.parts.reduce((sum, part) => sum + part.maxPoints, 0);
  table.row([{ text: 'Tổng điểm' }, { text: score(outcomeOf.total) }, { text: points(max) }], { fill: PDF_COLORS.fill, font: 'bold' });
  writer.doc.moveDown(0.4);
  writer.paragraph(`Khung điểm: hạng ${outcomeOf.band} sao. Hạng sao sau khi xét điểm tối thiểu của các tiêu chí bắt buộc (*):`, {
    size: 10.5,
  });
  starsWithLabel(writer, outcomeOf.stars, data.maxStars, outcome(data), 14);
  writer.paragraph(
    `Tổng điểm của từng thành viên Hội đồng: ${data.members.map((member) => `${member.label}: ${score(member.total)}`).join('; ')}.`,
    { size: 10, align: 'justify' },
  );
}

function improvementRows(table: PdfTable, lines: readonly ImprovementLine[]): void {
  for (const line of lines)
    table.row([
      { text: `${line.criterionCode} ${line.criterionLabel}`, font: 'bold' },
      { text: line.reachedLabel },
      { text: `${line.requiredLabel} (${points(line.requiredPoints)} điểm)` },
      { text: line.evidence.map((item) => `• ${item}`).join('\n') },
    ]);
}

function improvements(writer: PdfWriter, data: ResultLetterData): void {
  if (data.unmetMinima.length === 0 && data.weakCriteria.length === 0) return;
  sectionHeading(
    writer,
    data.nextStars === null ? '3. Nội dung cần duy trì, cải thiện' : `3. Nội dung cần cải thiện để đạt hạng ${data.nextStars} sao`,
  );
  const table = new PdfTable(writer, [
    { header: 'Tiêu chí', width: 120 },
    { header: 'Mức Hội đồng đánh giá (bình quân)', width: 110 },
    { header: 'Mức cần đạt (điểm)', width: 120 },
    { header: 'Minh chứng cần chuẩn bị', width: writer.width - 350 },
  ]);
  table.header();
  const group = (title: string, lines: readonly ImprovementLine[]) => {
    if (lines.length === 0) return;
    table.row([{ text: title }, { text: '' }, { text: '' }, { text: '' }], { fill: PDF_COLORS.fill, font: 'boldItalic' });
    improvementRows(table, lines);
  };
  group('a) Tiêu chí bắt buộc (*) chưa đạt điểm tối thiểu', data.unmetMinima);
  group('b) Tiêu chí còn điểm thấp', data.weakCriteria);
  writer.doc.moveDown(0.3);
  note(writer, 'Mức Hội đồng đánh giá là phương án ứng với điểm bình quân của các thành viên trên tiêu chí đó.');
}

/** The letter as a PDF, dated by its signing (or the meeting while unsigned). Same data, same bytes. */
export async function renderResultLetterPdf(data: ResultLetterData): Promise<Buffer> {
  const writer = documentWriter(
    `Thông báo kết quả đánh giá, phân hạng sản phẩm OCOP — ${data.product.name}`,
    data.signedOn,
    data.meetingOn,
  );
  letterhead(writer, {
    issuer: { parent: `UBND TỈNH ${data.provinceName.toUpperCase()}`, name: [data.issuerName] },
    number: data.number,
    place: data.placeName,
    date: data.signedOn,
  });
  documentTitle(writer, ['THÔNG BÁO', 'Kết quả đánh giá, phân hạng sản phẩm OCOP', data.roundName], 6);
  addressees(writer, data);
  writer.paragraph(
    `Căn cứ kết quả họp ${data.councilName} ngày ${ddmmyyyy(data.meetingOn)}, thông báo kết quả đánh giá, phân hạng sản phẩm như sau:`,
    { size: 10.5, align: 'justify', gap: 4 },
  );
  sectionHeading(writer, '1. Sản phẩm và chủ thể');
  field(writer, 'Sản phẩm', data.product.name);
  field(writer, 'Bộ sản phẩm', `${data.product.productSet.code} — ${data.product.productSet.name}`);
  field(writer, 'Chủ thể', `${data.producer.name} (${data.producer.legalForm})`);
  field(writer, 'Địa chỉ', data.producer.address);
  result(writer, data);
  improvements(writer, data);
  writer.doc.moveDown(0.4);
  writer.ensureSpace(170); // the closing paragraph stays with the signature
  writer.paragraph(
    'Đề nghị Ủy ban nhân dân cấp xã hướng dẫn, hỗ trợ chủ thể hoàn thiện các nội dung trên; chủ thể chuẩn bị minh chứng ' +
      'để tham gia đánh giá, nâng hạng ở các đợt tiếp theo.',
    { size: 10.5, align: 'justify' },
  );
  recipientsAndSignature(writer, data.recipients, data.signer, '(Ký, đóng dấu)');
  pageNumbers(writer, `Thông báo kết quả — ${data.product.name}`);
  return writer.finish();
}
