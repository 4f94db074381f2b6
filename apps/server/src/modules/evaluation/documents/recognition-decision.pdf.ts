import { PDF_COLORS, type PdfWriter } from '../../../platform/pdf/pdf-document';
import { PdfTable } from '../../../platform/pdf/pdf-table';
import type { RecognitionDecisionData } from './document-data';
import { documentTitle, documentWriter, letterhead, pageNumbers, recipientsAndSignature, score } from './document-layout';

/**
 * Quyết định công nhận sản phẩm OCOP cấp tỉnh (Art. 7.3.đ–e): the provincial chair recognises the
 * 3★ and 4★ products the council proposed. A draft (no number yet) prints "Số: …/QĐ-UBND", a
 * dotted date and a DỰ THẢO mark. QĐ 26/2026 gives no form; the layout follows Nghị định 30/2020.
 */

function draftMark(writer: PdfWriter): void {
  const { doc } = writer;
  const y = doc.y;
  writer.style({ font: 'bold', size: 10, color: PDF_COLORS.muted });
  const width = doc.widthOfString('DỰ THẢO') + 12;
  doc.rect(writer.left, y, width, 17).lineWidth(0.8).strokeColor(PDF_COLORS.muted).stroke();
  doc.text('DỰ THẢO', writer.left + 6, y + 4, { lineBreak: false });
  writer.style();
  doc.x = writer.left;
  doc.y = y + 24;
}

function preamble(writer: PdfWriter, data: RecognitionDecisionData): void {
  writer.paragraph(`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ${data.provinceName.toUpperCase()}`, {
    font: 'bold',
    size: 11.5,
    align: 'center',
    gap: 8,
  });
  for (const basis of data.legalBases) writer.paragraph(`Căn cứ ${basis};`, { font: 'italic', size: 10.5, align: 'justify', gap: 2 });
  writer.paragraph(`Theo đề nghị của ${data.proposedBy}.`, { font: 'italic', size: 10.5, align: 'justify', gap: 8 });
  writer.paragraph('QUYẾT ĐỊNH:', { font: 'bold', size: 12, align: 'center', gap: 8 });
}

function article1(writer: PdfWriter, data: RecognitionDecisionData): void {
  const byStars = [...new Set(data.products.map((product) => product.stars))].sort((a, b) => b - a);
  const counts = byStars.map((stars) => `${data.products.filter((product) => product.stars === stars).length} sản phẩm đạt ${stars} sao`);
  writer.style({ font: 'bold', size: 10.5 });
  writer.doc.text('Điều 1. ', writer.left, writer.doc.y, { continued: true, width: writer.width, align: 'justify' });
  writer.style({ size: 10.5 });
  writer.doc.text(
    `Công nhận ${data.products.length} sản phẩm đạt tiêu chuẩn sản phẩm OCOP cấp tỉnh${counts.length > 0 ? ` (${counts.join(', ')})` : ''}, ` +
      `của các chủ thể có tên trong danh sách sau:`,
  );
  writer.doc.moveDown(0.4);
  const table = new PdfTable(writer, [
    { header: 'STT', width: 26, align: 'center' },
    { header: 'Tên sản phẩm', width: 125 },
    { header: 'Chủ thể', width: 125 },
    { header: 'Xã/phường', width: 85 },
    { header: 'Hạng sao', width: 84 },
    { header: 'Điểm', width: writer.width - 445, align: 'right' },
  ]);
  table.header();
  data.products.forEach((product, index) => {
    table.row([
      { text: String(index + 1) },
      { text: product.productSet ? `${product.productName}\n(${product.productSet})` : product.productName },
      { text: product.producerName },
      { text: product.communeName },
      {
        text: `${product.stars} sao`,
        font: 'bold',
        // The stars beside the words: "4 sao ★★★★☆".
        paint: (box) => writer.starRow(box.x + 25, box.y + 0.5, product.stars, data.maxStars, 8),
      },
      { text: score(product.total) },
    ]);
  });
  writer.doc.moveDown(0.4);
  writer.paragraph(`Giấy chứng nhận sản phẩm OCOP có giá trị ${data.validityMonths} tháng kể từ ngày ký Quyết định này.`, {
    size: 10.5,
    align: 'justify',
    gap: 6,
  });
}

function articles2and3(writer: PdfWriter, data: RecognitionDecisionData): void {
  const article = (label: string, text: string) => {
    writer.ensureSpace(40);
    writer.style({ font: 'bold', size: 10.5 });
    writer.doc.text(`${label} `, writer.left, writer.doc.y, { continued: true, width: writer.width, align: 'justify' });
    writer.style({ size: 10.5 });
    writer.doc.text(text);
    writer.doc.y += 6;
  };
  article(
    'Điều 2.',
    `Các chủ thể có sản phẩm tại Điều 1 được sử dụng biểu trưng (logo) OCOP và hạng sao được công nhận trên bao bì, nhãn và tài liệu ` +
      `quảng bá sản phẩm trong thời hạn của giấy chứng nhận; có trách nhiệm duy trì, nâng cao chất lượng sản phẩm và chịu sự kiểm tra, ` +
      `giám sát sau công nhận theo ${data.regimeDocument}. Giao ${data.officeName} cấp giấy chứng nhận, thông báo kết quả cho ` +
      `Ủy ban nhân dân cấp xã và các chủ thể; theo dõi, kiểm tra việc duy trì tiêu chí của sản phẩm.`,
  );
  writer.ensureSpace(190); // Điều 3 stays with the signature
  article('Điều 3.', `Quyết định này có hiệu lực kể từ ngày ký. ${data.executors.join('; ')} chịu trách nhiệm thi hành Quyết định này./.`);
}

/** The decision (or its draft) as a PDF. Same data, same bytes. */
export async function renderRecognitionDecisionPdf(data: RecognitionDecisionData): Promise<Buffer> {
  const draft = data.number === null;
  const writer = documentWriter(
    `${draft ? 'Dự thảo q' : 'Q'}uyết định công nhận sản phẩm OCOP tỉnh ${data.provinceName}`,
    data.signedOn,
    data.preparedOn,
    data.regimeDocument,
  );
  if (draft) draftMark(writer);
  letterhead(writer, {
    issuer: { parent: null, name: ['ỦY BAN NHÂN DÂN', `TỈNH ${data.provinceName.toUpperCase()}`] },
    number: data.number ?? '……/QĐ-UBND',
    place: data.placeName,
    date: data.signedOn,
    year: Number(data.preparedOn.slice(0, 4)),
  });
  documentTitle(writer, ['QUYẾT ĐỊNH', `Về việc công nhận sản phẩm đạt tiêu chuẩn sản phẩm OCOP tỉnh ${data.provinceName}`], 8);
  preamble(writer, data);
  article1(writer, data);
  articles2and3(writer, data);
  recipientsAndSignature(writer, data.recipients, data.signer, draft ? '(Dự thảo — chưa ký)' : '(Ký, đóng dấu)');
  pageNumbers(writer, `${draft ? 'Dự thảo q' : 'Q'}uyết định công nhận sản phẩm OCOP`);
  return writer.finish();
}
