import { dayPhrase, ddmmyyyy } from '../../../platform/pdf/vietnamese-document';
import { breathe, PDF_COLORS, type PdfWriter } from '../../../platform/pdf/pdf-document';
import { PdfTable } from '../../../platform/pdf/pdf-table';
import type { CouncilMinutesData, MinutesDossier, MinutesMember, Recognition } from './document-data';
import {
  DEPARTMENT_LABELS,
  documentTitle,
  documentWriter,
  KIND_LABELS,
  letterhead,
  note,
  pageNumbers,
  points,
  POSITION_LABELS,
  RECOGNITION_LABELS,
  score,
  sectionHeading,
  signatures,
  starsWithLabel,
} from './document-layout';

/**
 * Biên bản họp Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp tỉnh (Art. 7.3.d) for one round and
 * any number of dossiers: who sat, who declared a conflict, each dossier's sheets and average, the
 * band and the stars after the starred minima, and a summary of all products with the proposals.
 * QĐ 26/2026 gives no form for it; the layout follows Nghị định 30/2020.
 */

const SHORT_PROPOSALS: Record<Recognition, (stars: number) => string> = {
  province: (stars) => `Công nhận ${stars} sao`,
  ministry: () => 'Đề nghị Bộ đánh giá 5 sao',
  none: () => 'Không công nhận',
};

const nameOf = (members: ReadonlyMap<string, MinutesMember>, id: string) => members.get(id)?.fullName ?? id;

function opening(writer: PdfWriter, data: CouncilMinutesData): void {
  const text = { size: 10.5, align: 'justify' as const, gap: 3 };
  writer.paragraph(`Căn cứ ${data.regimeDocument} ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm OCOP;`, text);
  if (data.council.establishedBy) writer.paragraph(`Căn cứ ${data.council.establishedBy} về việc thành lập ${data.council.name};`, text);
  writer.paragraph(
    `Hôm nay, ${dayPhrase(data.meetingOn)}, tại ${data.meetingPlace}, ${data.council.name} họp đánh giá, phân hạng ` +
      `${data.dossiers.length} sản phẩm OCOP (${data.roundName}).`,
    text,
  );
}

function attendance(writer: PdfWriter, data: CouncilMinutesData): void {
  sectionHeading(writer, 'I. THÀNH PHẦN THAM DỰ');
  const table = new PdfTable(writer, [
    { header: 'STT', width: 28, align: 'center' },
    { header: 'Họ và tên', width: 120 },
    { header: 'Chức vụ, đơn vị', width: 190 },
    { header: 'Nhiệm vụ trong Hội đồng', width: 97 },
    { header: 'Tham dự', width: writer.width - 435, align: 'center' },
  ]);
  table.header();
  data.members.forEach((member, index) => {
    table.row([
      { text: String(index + 1) },
      { text: member.fullName, font: 'bold' },
      { text: [member.title, DEPARTMENT_LABELS[member.department]].filter(Boolean).join(', ') },
      { text: POSITION_LABELS[member.position] },
      { text: member.present ? 'Có mặt' : 'Vắng mặt', font: member.present ? 'regular' : 'italic' },
    ]);
  });
  const scoring = data.members.filter((member) => member.present && (member.position === 'chair' || member.position === 'member'));
  writer.doc.moveDown(0.3);
  writer.paragraph(
    `Số thành viên chấm điểm có mặt: ${scoring.length}/${data.members.filter((m) => m.position !== 'secretary' && m.position !== 'advisory').length}.`,
    {
      size: 10,
    },
  );
}

function conflicts(writer: PdfWriter, data: CouncilMinutesData, members: ReadonlyMap<string, MinutesMember>): void {
  sectionHeading(writer, 'II. KHAI BÁO XUNG ĐỘT LỢI ÍCH');
  const declared = data.dossiers.flatMap((dossier, index) => dossier.conflicts.map((conflict) => ({ index, dossier, conflict })));
  if (declared.length === 0) {
    writer.paragraph('Không có thành viên nào khai báo xung đột lợi ích với các hồ sơ được đánh giá.', { size: 10.5 });
    return;
  }
  writer.paragraph('Các thành viên sau khai báo có xung đột lợi ích và không chấm điểm hồ sơ tương ứng:', { size: 10.5 });
  const table = new PdfTable(writer, [
    { header: 'Hồ sơ', width: 40, align: 'center' },
    { header: 'Sản phẩm', width: 170 },
    { header: 'Thành viên', width: 120 },
    { header: 'Lý do', width: writer.width - 330 },
  ]);
  table.header();
  for (const { index, dossier, conflict } of declared)
    table.row([
      { text: String(index + 1) },
      { text: dossier.product.name },
      { text: nameOf(members, conflict.memberId) },
      { text: conflict.reason ?? '' },
    ]);
}

function sheetsTable(writer: PdfWriter, dossier: MinutesDossier, members: ReadonlyMap<string, MinutesMember>): void {
  const { result } = dossier;
  const partWidth = 58;
  const table = new PdfTable(writer, [
    { header: 'STT', width: 26, align: 'center' },
    { header: 'Thành viên chấm điểm', width: 140 },
    ...result.parts.map((part) => ({ header: `Phần ${part.code} (${points(part.maxPoints)})`, width: partWidth, align: 'right' as const })),
    { header: `Tổng (${points(result.parts.reduce((sum, part) => sum + part.maxPoints, 0))})`, width: 58, align: 'right' },
    { header: 'Ghi chú', width: writer.width - 224 - partWidth * result.parts.length },
  ]);
  table.header();
  result.members.forEach((sheet, index) => {
    const parts = dossier.memberParts.find((entry) => entry.memberId === sheet.memberId)?.parts ?? [];
    const flag = sheet.outlier
      ? `Lệch ${sheet.deviation === null ? '' : `${sheet.deviation > 0 ? '+' : ''}${score(sheet.deviation)} `}so với trung bình`
      : '';
    table.row([
      { text: String(index + 1) },
      { text: nameOf(members, sheet.memberId) },
      ...result.parts.map((part) => ({ text: score(parts.find((entry) => entry.code === part.code)?.total ?? 0) })),
      { text: score(sheet.total), font: 'bold' },
      { text: flag, font: 'italic' },
    ]);
  });
  table.row(
    [
      { text: '' },
      { text: 'Điểm trung bình' },
      ...result.parts.map((part) => ({ text: score(part.total) })),
      { text: score(result.total) },
      { text: '' },
    ],
    { fill: PDF_COLORS.fill, font: 'bold' },
  );
}

function verdict(writer: PdfWriter, dossier: MinutesDossier, maxStars: number): void {
  const { result } = dossier;
  writer.doc.moveDown(0.3);
  writer.paragraph(`Điểm trung bình: ${score(result.total)} điểm, thuộc khung hạng ${result.band} sao.`, { size: 10, indent: 10, gap: 1 });
  const cutting = result.unmetMinima.filter((level) => level.stars > result.stars && level.stars <= result.band && level.unmet.length > 0);
  for (const level of cutting) {
    const list = level.unmet
      .map(
        (entry) =>
          `${entry.criterionCode} ${dossier.criterionLabels[entry.criterionCode] ?? ''} (trung bình ${score(entry.averagePoints)}, tối thiểu ${points(entry.requiredPoints)})`,
      )
      .join('; ');
    writer.paragraph(`Chưa đạt điểm tối thiểu của hạng ${level.stars} sao: ${list}.`, { size: 10, indent: 10, gap: 1 });
  }
  if (cutting.length === 0)
    writer.paragraph('Đạt điểm tối thiểu của các tiêu chí có dấu (*) của khung hạng.', { size: 10, indent: 10, gap: 1 });
  starsWithLabel(writer, result.stars, maxStars, `Kết quả: ${result.stars} sao — ${RECOGNITION_LABELS[dossier.recognition]}`, 12);
}

async function dossierResults(writer: PdfWriter, data: CouncilMinutesData, members: ReadonlyMap<string, MinutesMember>): Promise<void> {
  const room = (dossier: MinutesDossier) => 120 + 18 * dossier.result.members.length;
  // The heading stays with the first dossier.
  writer.ensureSpace(40 + (data.dossiers[0] ? room(data.dossiers[0]) : 0));
  sectionHeading(writer, 'III. KẾT QUẢ ĐÁNH GIÁ, PHÂN HẠNG TỪNG SẢN PHẨM');
  for (const [index, dossier] of data.dossiers.entries()) {
    writer.ensureSpace(room(dossier));
    writer.doc.moveDown(0.5);
    writer.paragraph(`${index + 1}. ${dossier.product.name}`, { font: 'bold', size: 10.5, gap: 0 });
    writer.paragraph(
      `Chủ thể: ${dossier.producer.name} (${dossier.producer.communeName}) — Bộ sản phẩm ${dossier.product.productSet.code} ${dossier.product.productSet.name} — ${KIND_LABELS[dossier.kind]}`,
      { size: 9.5, gap: 3 },
    );
    if (dossier.conflicts.length > 0)
      writer.paragraph(
        `Không chấm (xung đột lợi ích): ${dossier.conflicts.map((conflict) => nameOf(members, conflict.memberId)).join(', ')}.`,
        {
          size: 9.5,
          font: 'italic',
          gap: 3,
        },
      );
    sheetsTable(writer, dossier, members);
    verdict(writer, dossier, data.maxStars);
    // pdfkit lays out synchronously: let other requests run between dossiers.
    if (index % 5 === 4) await breathe();
  }
}

function summary(writer: PdfWriter, data: CouncilMinutesData): void {
  sectionHeading(writer, 'IV. TỔNG HỢP KẾT QUẢ');
  const table = new PdfTable(writer, [
    { header: 'STT', width: 26, align: 'center' },
    { header: 'Sản phẩm', width: 122 },
    { header: 'Chủ thể', width: 112 },
    { header: 'Xã/phường', width: 76 },
    { header: 'Điểm TB', width: 44, align: 'right' },
    { header: 'Hạng', width: 36, align: 'center' },
    { header: 'Đề xuất', width: writer.width - 416 },
  ]);
  table.header();
  data.dossiers.forEach((dossier, index) => {
    table.row([
      { text: String(index + 1) },
      { text: dossier.product.name },
      { text: dossier.producer.name },
      { text: dossier.producer.communeName },
      { text: score(dossier.result.total) },
      { text: `${dossier.result.stars} sao`, font: 'bold' },
      { text: SHORT_PROPOSALS[dossier.recognition](dossier.result.stars) },
    ]);
  });
  const count = (predicate: (dossier: MinutesDossier) => boolean) => data.dossiers.filter(predicate).length;
  writer.doc.moveDown(0.4);
  writer.ensureSpace(190); // the conclusion stays with the signatures
  const byStars = [...new Set(data.dossiers.filter((d) => d.recognition === 'province').map((d) => d.result.stars))].sort();
  const parts = byStars.map((stars) => `${count((d) => d.recognition === 'province' && d.result.stars === stars)} sản phẩm ${stars} sao`);
  writer.paragraph(
    `Hội đồng thống nhất đề nghị Chủ tịch UBND tỉnh ${data.provinceName} công nhận ${count((d) => d.recognition === 'province')} sản phẩm` +
      `${parts.length > 0 ? ` (${parts.join(', ')})` : ''}; đề nghị Bộ Nông nghiệp và Môi trường đánh giá, phân hạng 5 sao ` +
      `${count((d) => d.recognition === 'ministry')} sản phẩm; không đề nghị công nhận ${count((d) => d.recognition === 'none')} sản phẩm.`,
    { size: 10.5, align: 'justify' },
  );
  note(writer, 'Điểm trung bình là trung bình cộng tổng điểm của các thành viên chấm, làm tròn hai chữ số thập phân.');
}

/** The minutes as a PDF, dated by the meeting. Same data, same bytes; 50 dossiers make some 30 pages. */
export async function renderCouncilMinutesPdf(data: CouncilMinutesData): Promise<Buffer> {
  const writer = documentWriter(
    `Biên bản họp ${data.council.name} — ${data.roundName}`,
    data.meetingOn,
    data.meetingOn,
    data.regimeDocument,
  );
  const members = new Map(data.members.map((member) => [member.id, member]));
  letterhead(writer, {
    issuer: { parent: `UBND TỈNH ${data.provinceName.toUpperCase()}`, name: ['HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG', 'SẢN PHẨM OCOP'] },
    number: data.number,
    place: data.placeName,
    date: data.meetingOn,
  });
  documentTitle(writer, [
    'BIÊN BẢN',
    'Họp Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp tỉnh',
    `${data.roundName} — ngày ${ddmmyyyy(data.meetingOn)}`,
  ]);
  opening(writer, data);
  attendance(writer, data);
  conflicts(writer, data, members);
  await dossierResults(writer, data, members);
  summary(writer, data);
  const chair = data.members.find((member) => member.position === 'chair');
  const secretary = data.members.find((member) => member.position === 'secretary');
  signatures(writer, [
    { signer: { capacity: ['THƯ KÝ HỘI ĐỒNG'], name: secretary?.fullName ?? null }, note: '(Ký, ghi rõ họ tên)' },
    { signer: { capacity: ['CHỦ TỊCH HỘI ĐỒNG'], name: chair?.fullName ?? null }, note: '(Ký, ghi rõ họ tên)' },
  ]);
  pageNumbers(writer, `Biên bản họp Hội đồng — ${data.roundName}`);
  return writer.finish();
}
