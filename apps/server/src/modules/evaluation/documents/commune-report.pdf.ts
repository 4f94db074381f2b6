import type { PdfWriter } from '../../../platform/pdf/pdf-document';
import type { CommuneReportData } from './document-data';
import { documentTitle, documentWriter, field, letterhead, pageNumbers, sectionHeading, signatures } from './document-layout';

/**
 * Mẫu số 03 (Phụ lục III, QĐ 26/2026/QĐ-TTg): the commune People's Committee's report on parts of
 * the dossier (Art. 7.2.a: origin and local raw material, local labour, origin of the idea, local
 * identity and knowledge), its conclusion and its proposal to the province.
 */

const FINDINGS: readonly { key: 'rawMaterialOrigin' | 'localLabour' | 'ideaOrigin' | 'localIdentity'; heading: string; hint: string }[] = [
  {
    key: 'rawMaterialOrigin',
    heading: '1. Về nguồn gốc sản phẩm, sử dụng nguyên liệu địa phương',
    hint: 'Mô tả của chủ thể và đánh giá về tình hình sử dụng nguyên liệu thực tế của chủ thể trên địa bàn xã.',
  },
  {
    key: 'localLabour',
    heading: '2. Về sử dụng lao động địa phương',
    hint: 'Mô tả của chủ thể và đánh giá về tình hình sử dụng thực tế về lao động địa phương của chủ thể trên địa bàn xã.',
  },
  {
    key: 'ideaOrigin',
    heading: '3. Nguồn gốc ý tưởng sản phẩm',
    hint: 'Nhận xét về nguồn gốc sản phẩm (truyền thống, sản phẩm mới) của chủ thể dựa trên thực tế của địa phương.',
  },
  {
    key: 'localIdentity',
    heading: '4. Bản sắc, trí tuệ địa phương',
    hint: 'Giá trị văn hóa, tri thức bản địa (giống, nguyên liệu, điều kiện sản xuất), kinh nghiệm sản xuất của cộng đồng và phương thức sản xuất đặc trưng của địa phương.',
  },
];

function general(writer: PdfWriter, data: CommuneReportData): void {
  const { producer, product } = data;
  sectionHeading(writer, 'I. THÔNG TIN CHUNG VỀ HỒ SƠ SẢN PHẨM');
  field(writer, '1. Tên chủ thể', producer.name);
  field(writer, '2. Loại hình tổ chức', producer.legalForm);
  field(writer, '3. Địa chỉ', producer.address);
  field(writer, '4. Tên người đại diện pháp luật', producer.representative);
  field(writer, '- Giới tính', producer.representativeGender, 22);
  field(writer, '- Dân tộc', producer.representativeEthnicity, 22);
  field(writer, '- Địa chỉ thường trú', producer.representativeAddress, 22);
  field(writer, '5. Sản phẩm đăng ký đánh giá', product.name);
  field(writer, '- Bộ sản phẩm', `${product.productSet.code} — ${product.productSet.name} (${product.groupPath})`, 22);
  if (product.code) field(writer, '- Mã sản phẩm', product.code, 22);
}

function findings(writer: PdfWriter, data: CommuneReportData): void {
  sectionHeading(writer, 'II. ĐÁNH GIÁ MỘT SỐ NỘI DUNG CỦA HỒ SƠ SẢN PHẨM');
  for (const finding of FINDINGS) {
    writer.ensureSpace(60);
    writer.paragraph(`${finding.heading}:`, { font: 'bold', size: 10.5, indent: 10, gap: 0 });
    writer.paragraph(`(${finding.hint})`, { font: 'italic', size: 8.5, indent: 10, gap: 2 });
    writer.paragraph(data.report[finding.key] || '…………………', { size: 10.5, indent: 10, align: 'justify', gap: 6 });
  }
  // The conclusion, the proposal and the signature stay together (no signature alone on a page).
  writer.style({ size: 10.5 });
  writer.ensureSpace(writer.doc.heightOfString(data.report.conclusion, { width: writer.width - 10 }) + 200);
  sectionHeading(writer, 'III. KẾT LUẬN VÀ ĐỀ NGHỊ');
  writer.paragraph(data.report.conclusion || '…………………', { size: 10.5, indent: 10, align: 'justify', gap: 4 });
  writer.paragraph(
    `Ủy ban nhân dân ${lowerFirst(data.communeName)} đề nghị Ủy ban nhân dân tỉnh ${data.provinceName} đánh giá, phân hạng ` +
      `sản phẩm OCOP cho sản phẩm ${data.product.name} của ${data.producer.name}.`,
    { size: 10.5, indent: 10, align: 'justify', gap: 4 },
  );
  if (data.report.reportedBy) writer.paragraph(`Cán bộ tham mưu: ${data.report.reportedBy}.`, { size: 9.5, indent: 10, font: 'italic' });
}

/** "Xã Chiềng Mung" → "xã Chiềng Mung" inside a sentence. */
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** Mẫu số 03 as a PDF, dated by the report's day. Same data, same bytes. */
export async function renderCommuneReportPdf(data: CommuneReportData): Promise<Buffer> {
  const writer = documentWriter(
    `Báo cáo đánh giá hồ sơ sản phẩm OCOP — ${data.product.name}`,
    data.report.reportedOn,
    data.report.reportedOn,
    'Mẫu số 03, Phụ lục III, QĐ 26/2026/QĐ-TTg',
  );
  writer.paragraph('Mẫu số 03 — Phụ lục III, Quyết định số 26/2026/QĐ-TTg', { size: 8, align: 'right', gap: 6 });
  letterhead(writer, {
    issuer: { parent: null, name: ['ỦY BAN NHÂN DÂN', data.communeName.toUpperCase()] },
    number: data.number,
    place: data.placeName,
    date: data.report.reportedOn,
  });
  documentTitle(writer, ['BÁO CÁO', 'Đánh giá một số nội dung của hồ sơ đăng ký tham gia', 'đánh giá, phân hạng sản phẩm OCOP']);
  general(writer, data);
  findings(writer, data);
  signatures(writer, [{ signer: data.signer, note: '(Ký tên và đóng dấu)' }]);
  pageNumbers(writer, `Báo cáo của UBND ${lowerFirst(data.communeName)} — ${data.product.name}`);
  return writer.finish();
}
