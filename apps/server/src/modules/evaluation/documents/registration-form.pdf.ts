import { dateLine, ddmmyyyy } from '../../../platform/pdf/vietnamese-document';
import { DOSSIER_KINDS } from '../dossiers/dossier.tables';
import type { RegistrationFormData } from './document-data';
import {
  documentTitle,
  documentWriter,
  field,
  KIND_LABELS,
  letterhead,
  note,
  pageNumbers,
  points,
  score,
  sectionHeading,
  signatures,
  starsWithLabel,
} from './document-layout';
import type { PdfWriter } from '../../../platform/pdf/pdf-document';

/**
 * Mẫu số 01 (Phụ lục III, QĐ 26/2026/QĐ-TTg): Phiếu đăng ký tham gia đánh giá, phân hạng sản phẩm
 * OCOP, filled from the dossier's registration, with the part the commune fills on receipt.
 */

function kindBoxes(writer: PdfWriter, data: RegistrationFormData): void {
  writer.ensureSpace(20);
  const y = writer.doc.y;
  writer.style({ size: 10.5 });
  const label = '4. Lần đăng ký đánh giá:';
  writer.doc.text(label, writer.left, y, { lineBreak: false });
  let x = writer.left + writer.doc.widthOfString(label) + 14;
  for (const kind of DOSSIER_KINDS) {
    const text = KIND_LABELS[kind];
    writer.style({ size: 10.5, font: kind === data.kind ? 'bold' : 'regular' });
    writer.doc.text(text, x, y, { lineBreak: false });
    x += writer.doc.widthOfString(text) + 5;
    writer.checkbox(x, y + 1.5, 10, kind === data.kind);
    x += 26;
  }
  writer.doc.x = writer.left;
  writer.doc.y = y + 18;
}

function registrant(writer: PdfWriter, data: RegistrationFormData): void {
  const { producer } = data;
  sectionHeading(writer, '1. Thông tin về đơn vị đăng ký:');
  field(writer, '- Tên đơn vị', producer.name);
  field(writer, '- Loại hình tổ chức', producer.legalForm);
  field(writer, '- Mã số thuế / số đăng ký kinh doanh', producer.registrationNumber);
  field(writer, '- Họ tên người đại diện pháp lý', producer.representative);
  field(writer, '- Chức vụ', producer.representativeTitle);
  field(writer, '- Địa chỉ liên hệ', producer.address);
  field(writer, '- Xã/phường', producer.communeName);
  field(writer, '- Điện thoại', producer.phone);
  field(writer, '- Email', producer.email);
}

function product(writer: PdfWriter, data: RegistrationFormData): void {
  const { product: item } = data;
  sectionHeading(writer, `2. Tên sản phẩm: ${item.name}`);
  field(writer, '- Mã sản phẩm', item.code);
  sectionHeading(writer, '3. Nhóm sản phẩm đăng ký (Ngành, Nhóm, Phân nhóm¹):');
  field(writer, '- Ngành / Nhóm / Phân nhóm', item.groupPath);
  field(writer, '- Bộ sản phẩm', `${item.productSet.code} — ${item.productSet.name}`);
  writer.doc.moveDown(0.3);
  kindBoxes(writer, data);
}

function attachments(writer: PdfWriter, data: RegistrationFormData): void {
  sectionHeading(writer, '5. Tài liệu kèm theo:');
  writer.paragraph('- Báo cáo tự đánh giá về sản phẩm theo Bộ tiêu chí (Mẫu số 02; bản gốc, bản điện tử).', { size: 10.5, indent: 10 });
  const self = data.selfAssessment;
  if (self) {
    writer.paragraph(`Kết quả tự đánh giá: ${score(self.total)}/${points(self.maxPoints)} điểm`, { size: 10.5, indent: 22, gap: 1 });
    starsWithLabel(
      writer,
      self.stars ?? 0,
      self.maxStars,
      self.stars === null ? 'Chưa đủ điều kiện xếp hạng' : `Dự kiến ${self.stars} sao`,
      12,
    );
  }
  field(writer, '- Sản phẩm mẫu (số lượng)', data.samples === null ? null : `${data.samples} sản phẩm`);
  for (const item of data.attachments) writer.paragraph(`- ${item}`, { size: 10.5, indent: 10 });
}

function receipt(writer: PdfWriter, data: RegistrationFormData): void {
  writer.ensureSpace(110);
  writer.doc.moveDown(1);
  writer.rule(6);
  writer.paragraph('PHẦN DÀNH CHO CƠ QUAN QUẢN LÝ', { font: 'bold', size: 11, align: 'center', gap: 2 });
  writer.paragraph('DÀNH CHO ỦY BAN NHÂN DÂN CẤP XÃ', { font: 'bold', size: 10, gap: 2 });
  field(writer, 'Phiếu số', data.formNumber ?? `……-……/PĐK-(Mã tỉnh)-(Mã xã)-${data.year}`);
  field(writer, 'Ngày nhận', data.receivedOn ? ddmmyyyy(data.receivedOn) : null);
  field(writer, 'Người tiếp nhận', data.receivedBy);
  writer.paragraph('Chữ ký: ……………………  Cơ quan tiếp nhận (Ký, đóng dấu và ghi rõ họ tên)', { size: 9.5, indent: 10, font: 'italic' });
}

/** Mẫu số 01 as a PDF. Same data, same bytes. */
export async function renderRegistrationFormPdf(data: RegistrationFormData): Promise<Buffer> {
  const writer = documentWriter(
    `Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP — ${data.product.name}`,
    data.signedOn,
    `${data.year}-01-01`,
    'Mẫu số 01, Phụ lục III, QĐ 26/2026/QĐ-TTg',
  );
  writer.paragraph('Mẫu số 01 — Phụ lục III, Quyết định số 26/2026/QĐ-TTg', { size: 8, align: 'right', gap: 6 });
  letterhead(writer, { issuer: null, number: null, place: data.placeName, date: data.signedOn });
  documentTitle(writer, ['PHIẾU ĐĂNG KÝ', 'Tham gia đánh giá, phân hạng sản phẩm OCOP', `của tỉnh ${data.provinceName} năm ${data.year}`]);
  registrant(writer, data);
  product(writer, data);
  attachments(writer, data);
  writer.doc.moveDown(0.6);
  writer.paragraph(
    'Cam đoan những thông tin trong Phiếu đăng ký là đúng sự thật, chúng tôi xin cam kết tuân thủ các quy định về đánh giá, ' +
      'phân hạng sản phẩm OCOP, chịu trách nhiệm trước Hội đồng và pháp luật về Hồ sơ đăng ký đánh giá, phân hạng sản phẩm.',
    { size: 10.5, align: 'justify', indent: 0 },
  );
  signatures(writer, [
    {
      dateLine: dateLine(data.placeName, data.signedOn, data.year),
      signer: { capacity: ['ĐẠI DIỆN'], name: data.producer.representative },
      note: '(Ký, đóng dấu, ghi rõ họ tên)',
    },
  ]);
  writer.doc.moveDown(0.8);
  note(writer, '¹ Theo Phụ lục I về Danh mục phân loại sản phẩm tham gia đánh giá, phân hạng sản phẩm OCOP.');
  receipt(writer, data);
  pageNumbers(writer, `Phiếu đăng ký — ${data.product.name}`);
  return writer.finish();
}
