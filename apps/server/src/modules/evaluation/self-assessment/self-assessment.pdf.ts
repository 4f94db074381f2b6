import type { CriterionContent, SelfAssessmentView, StarPlanView } from '@ocop/contracts/evaluation';
import { vietnamDate } from '@ocop/domain/registry';
import { breathe, PDF_COLORS, PdfWriter } from '../../../platform/pdf/pdf-document';
import { PdfTable } from '../../../platform/pdf/pdf-table';

/**
 * Mẫu số 02 (Phụ lục III, QĐ 26/2026/QĐ-TTg), phần III "Đánh giá kết quả thực hiện theo Bộ tiêu chí
 * sản phẩm OCOP": the producer's own score of every criterion, the stars it projects, and the way
 * to the next star with the evidence each step needs. Vietnamese (the form's language), with
 * English under the headings.
 */

/** Points as Vietnamese write them: decimal comma, no trailing zeros. */
const pts = (points: number) => String(Math.round(points * 100) / 100).replace('.', ',');

/** dd/mm/yyyy in Vietnam of an ISO instant. */
const ddmmyyyy = (iso: string) => vietnamDate(new Date(iso)).split('-').reverse().join('/');

/** The date the report speaks for: the last saved answers, else the sheet's publication. */
export function reportDate(view: SelfAssessmentView): string {
  return view.updatedAt ?? view.version.publishedAt ?? view.version.createdAt;
}

export function selfAssessmentPdfName(view: SelfAssessmentView): string {
  return `bao-cao-tu-danh-gia-${view.product.name}-${vietnamDate(new Date(reportDate(view)))}.pdf`;
}

function heading(writer: PdfWriter, vi: string, en: string): void {
  writer.ensureSpace(90);
  writer.doc.moveDown(0.6);
  writer.paragraph(vi, { font: 'bold', size: 11.5, gap: 0 });
  writer.paragraph(en, { font: 'italic', size: 8, color: PDF_COLORS.muted, gap: 4 });
}

function title(writer: PdfWriter, view: SelfAssessmentView): void {
  writer.paragraph('Mẫu số 02 — Phụ lục III, Quyết định số 26/2026/QĐ-TTg', { size: 8, color: PDF_COLORS.muted, align: 'right' });
  writer.doc.moveDown(0.5);
  writer.paragraph('BÁO CÁO TỰ ĐÁNH GIÁ VỀ SẢN PHẨM', { font: 'bold', size: 16, align: 'center', gap: 0 });
  writer.paragraph('(Dành cho chủ thể có sản phẩm đăng ký)', { font: 'italic', size: 9.5, align: 'center', gap: 0 });
  writer.paragraph('Product self-assessment report', { font: 'italic', size: 8, color: PDF_COLORS.muted, align: 'center', gap: 8 });
  const { product, regime, version } = view;
  const facts: [string, string][] = [
    ['Tên chủ thể', product.producerName],
    ['Sản phẩm', product.name],
    ['Bộ sản phẩm', `${product.productSet.code} — ${product.productSet.name} (phân loại ${product.productSet.versionCode})`],
    ['Bộ tiêu chí', `${version.name}, theo ${regime.docNo} — phiên bản ${version.version}`],
    ['Ngày tự đánh giá', ddmmyyyy(reportDate(view))],
  ];
  for (const [label, value] of facts) {
    writer.style({ font: 'bold', size: 10 });
    writer.doc.text(`${label}: `, writer.left, writer.doc.y, { continued: true, width: writer.width });
    writer.style({ size: 10 });
    writer.doc.text(value);
  }
  if (view.answersFromOtherVersion)
    writer.paragraph('Lưu ý: một số câu trả lời được chuyển từ phiên bản trước của bộ tiêu chí; cần kiểm tra lại.', {
      font: 'italic',
      size: 9,
    });
  heading(writer, 'Phần III. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN THEO BỘ TIÊU CHÍ SẢN PHẨM OCOP', 'Part III. Score against the OCOP criteria');
}

async function criteriaTable(writer: PdfWriter, view: SelfAssessmentView): Promise<void> {
  const table = new PdfTable(writer, [
    { header: 'Mã', width: 42 },
    { header: 'Tiêu chí', width: 180 },
    { header: 'Phương án tự đánh giá', width: 203 },
    { header: 'Điểm / tối đa', width: writer.width - 425, align: 'right' },
  ]);
  const optionLabel = new Map<string, string>();
  let rows = 0;
  const walk = async (criteria: readonly CriterionContent[], depth: number): Promise<void> => {
    for (const criterion of criteria) {
      const answerable = criterion.options.length > 0;
      const chosen = view.answers[criterion.code];
      for (const option of criterion.options) optionLabel.set(option.id, option.label);
      const points = view.score.criteria[criterion.code] ?? 0;
      table.row(
        [
          { text: criterion.minima.length > 0 ? `${criterion.code}*` : criterion.code, font: answerable ? 'regular' : 'bold' },
          { text: criterion.label, font: answerable ? 'regular' : 'bold', indent: Math.min(depth, 4) * 6 },
          answerable ? (chosen ? { text: optionLabel.get(chosen) ?? chosen } : { text: '(chưa chọn)', font: 'italic' }) : { text: '' },
          { text: `${pts(points)} / ${pts(criterion.maxPoints)}`, font: answerable ? 'regular' : 'bold' },
        ],
        {},
      );
      // pdfkit lays out synchronously: give the event loop a turn now and then on a long sheet.
      if (++rows % 40 === 0) await breathe();
      await walk(criterion.children, depth + 1);
    }
  };
  table.header();
  for (const part of view.content.parts) {
    const total = view.score.parts.find((entry) => entry.code === part.code)?.total ?? 0;
    table.row([{ text: part.code }, { text: part.label }, { text: '' }, { text: `${pts(total)} / ${pts(part.maxPoints)}` }], {
      fill: PDF_COLORS.fill,
      font: 'bold',
    });
    await walk(part.criteria, 0);
  }
  table.row([{ text: '' }, { text: 'TỔNG ĐIỂM' }, { text: '' }, { text: `${pts(view.score.total)} / ${pts(view.score.maxPoints)}` }], {
    fill: PDF_COLORS.fill,
    font: 'bold',
  });
  writer.doc.moveDown(0.3);
  writer.paragraph('(*) Tiêu chí có điểm tối thiểu bắt buộc để đạt hạng sao (dấu * của bộ tiêu chí).', {
    font: 'italic',
    size: 8.5,
    color: PDF_COLORS.muted,
  });
}

function result(writer: PdfWriter, view: SelfAssessmentView, maxStars: number): void {
  const { score } = view;
  heading(writer, 'KẾT QUẢ TỰ ĐÁNH GIÁ', 'Result');
  for (const part of score.parts)
    writer.paragraph(`Phần ${part.code} — ${part.label}: ${pts(part.total)} / ${pts(part.maxPoints)} điểm`, { size: 10 });
  writer.paragraph(`Tổng điểm: ${pts(score.total)} / ${pts(score.maxPoints)} điểm`, { font: 'bold', size: 11, gap: 6 });

  writer.ensureSpace(40);
  const y = writer.doc.y;
  const width = writer.starRow(writer.left, y, score.stars ?? 0, maxStars, 18);
  writer.style({ font: 'bold', size: 12 });
  const stars = score.stars === null ? 'Không được xếp hạng' : `Hạng dự kiến: ${score.stars} sao`;
  writer.doc.text(stars, writer.left + width + 8, y + 2, { width: writer.width - width - 8 });
  writer.doc.x = writer.left;
  writer.doc.y = Math.max(writer.doc.y, y + 24);
  if (score.stars !== null && score.stars < score.band)
    writer.paragraph(
      `Tổng điểm thuộc khung hạng ${score.band} sao, nhưng chưa đạt điểm tối thiểu của các tiêu chí bắt buộc (có dấu *) của hạng đó.`,
      { size: 9.5 },
    );
  if (score.unanswered.length > 0)
    writer.paragraph(`Còn ${score.unanswered.length} tiêu chí chưa tự đánh giá (tính 0 điểm): ${score.unanswered.join(', ')}.`, {
      size: 9.5,
      font: 'italic',
    });

  const above = score.unmetMinima.filter((level) => level.stars > (score.stars ?? 0) && level.unmet.length > 0);
  const [next, ...higher] = above;
  if (!next) return;
  heading(writer, 'TIÊU CHÍ CHƯA ĐẠT ĐIỂM TỐI THIỂU', 'Starred minima not met');
  // The next level in full; the levels above only by code (their lists repeat the next one's).
  writer.paragraph(`Để đạt hạng ${next.stars} sao:`, { font: 'bold', size: 10 });
  for (const entry of next.unmet)
    writer.paragraph(
      `• ${entry.criterionCode} ${entry.label}: đang ${pts(entry.chosenPoints)} điểm, cần tối thiểu ${pts(entry.requiredPoints)} điểm`,
      { size: 9.5, indent: 10 },
    );
  for (const level of higher)
    writer.paragraph(
      `Để đạt hạng ${level.stars} sao: ${level.unmet.length} tiêu chí chưa đạt điểm tối thiểu (${level.unmet.map((entry) => entry.criterionCode).join(', ')}).`,
      { size: 9.5, gap: 3 },
    );
}

function planSection(writer: PdfWriter, plan: StarPlanView | null, score: SelfAssessmentView['score']): void {
  if (!plan) {
    heading(writer, 'CON ĐƯỜNG LÊN HẠNG SAO TIẾP THEO', 'The way to the next star');
    writer.paragraph('Sản phẩm đã ở hạng cao nhất của bộ tiêu chí.', { size: 10 });
    return;
  }
  heading(writer, `CON ĐƯỜNG LÊN HẠNG ${plan.target} SAO`, `The way to ${plan.target} stars`);
  if (!plan.reachable)
    writer.paragraph(`Bộ tiêu chí không cho phép đạt hạng ${plan.target} sao từ các câu trả lời hiện tại.`, { size: 10, font: 'italic' });
  plan.steps.forEach((step, index) => {
    writer.ensureSpace(70);
    writer.paragraph(`Bước ${index + 1}. ${step.criterionCode} ${step.label}`, { font: 'bold', size: 10, gap: 1 });
    const from = step.currentLabel
      ? `${step.currentLabel} (${pts(step.currentPoints)} điểm)`
      : `chưa chọn (${pts(step.currentPoints)} điểm)`;
    writer.paragraph(`Từ: ${from}`, { size: 9.5, indent: 12, gap: 0 });
    writer.paragraph(`Lên: ${step.neededLabel} (${pts(step.neededPoints)} điểm) — thêm +${pts(step.pointsGained)} điểm`, {
      size: 9.5,
      indent: 12,
      gap: 0,
    });
    const why =
      step.reason === 'minimum'
        ? `Lý do: điểm tối thiểu bắt buộc (dấu *) của hạng ${plan.target} sao.`
        : `Lý do: cần thêm điểm để đủ tổng điểm của hạng ${plan.target} sao.`;
    writer.paragraph(why, { size: 9, indent: 12, color: PDF_COLORS.muted, gap: 1 });
    if (step.evidence.length > 0) {
      writer.paragraph('Minh chứng cần chuẩn bị:', { size: 9.5, indent: 12, font: 'italic', gap: 0 });
      for (const item of step.evidence) writer.paragraph(`• ${item.label}: ${item.requirement}`, { size: 9, indent: 22, gap: 1 });
    }
    writer.doc.moveDown(0.3);
  });
  writer.paragraph(
    `Sau các bước trên: ${pts(plan.totalAfter)} / ${pts(score.maxPoints)} điểm (từ ${pts(score.total)}, thêm +${pts(plan.pointsGained)} điểm).`,
    { font: 'bold', size: 10 },
  );
}

function signature(writer: PdfWriter): void {
  writer.ensureSpace(120);
  writer.doc.moveDown(1.5);
  const half = writer.width / 2;
  const x = writer.left + half;
  const y = writer.doc.y;
  const line = (text: string, font: 'regular' | 'bold' | 'italic', size: number) => {
    writer.style({ font, size });
    writer.doc.text(text, x, writer.doc.y, { width: half, align: 'center' });
  };
  writer.doc.y = y;
  line('……………, ngày …… tháng …… năm ……', 'italic', 10);
  line('ĐẠI DIỆN THEO PHÁP LUẬT CỦA CƠ SỞ', 'bold', 10.5);
  line('(Ký, họ tên, đóng dấu)', 'italic', 9.5);
  writer.doc.x = writer.left;
}

/**
 * The PDF of one self-assessment. `maxStars` is the sheet's highest level (5 under 26/2026).
 * Same view, same bytes: the document's dates come from the answers, never from the clock.
 */
export async function renderSelfAssessmentPdf(view: SelfAssessmentView, maxStars: number): Promise<Buffer> {
  const writer = new PdfWriter({
    title: `Báo cáo tự đánh giá về sản phẩm — ${view.product.name}`,
    author: view.product.producerName,
    subject: `Mẫu số 02, phần III — ${view.regime.docNo}`,
    date: new Date(reportDate(view)),
  });
  title(writer, view);
  await criteriaTable(writer, view);
  result(writer, view, maxStars);
  planSection(writer, view.plan, view.score);
  signature(writer);
  writer.footer((page, pages) => `${view.product.name} — Báo cáo tự đánh giá — Trang ${page}/${pages}`);
  return writer.finish();
}
