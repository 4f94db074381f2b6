import { execFileSync } from 'node:child_process';
import type { SelfAssessmentView } from '@ocop/contracts/evaluation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenProducer, givenProduct } from '../../../test-support/registry-builders';
import { type Client, type TestApp, startTestApp } from '../../../test-support/test-app';

const DAY = 86_400_000;

/** The text of a PDF as poppler reads it (layout kept, so table rows stay on one line). */
const pdfText = (bytes: Buffer) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: bytes }).toString('utf8');
const pageCount = (bytes: Buffer) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: bytes }).toString())?.[1]);
/** pdftotext may break a long line anywhere: compare on text with all runs of white space made one space. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** Every answerable criterion at its lowest option. */
function worstAnswers(view: SelfAssessmentView): Record<string, string> {
  const answers: Record<string, string> = {};
  const walk = (criteria: SelfAssessmentView['content']['parts'][number]['criteria']) => {
    for (const criterion of criteria) {
      const lowest = [...criterion.options].sort((a, b) => a.points - b.points)[0];
      if (lowest) answers[criterion.code] = lowest.id;
      walk(criterion.children);
    }
  };
  for (const part of view.content.parts) walk(part.criteria);
  return answers;
}

describe('self-assessment PDF (Mẫu 02, phần III)', () => {
  let t: TestApp;
  let member: Client;
  let otherMember: Client;
  let productId: string;
  let view: SelfAssessmentView;

  beforeAll(async () => {
    t = await startTestApp();
    let officer = await t.as({ role: 'province_officer' });
    const producer = await givenProducer(officer, { name: 'HTX Chè Tà Xùa' });
    const other = await givenProducer(officer, { name: 'HTX Mận Mộc Châu' });
    productId = (await givenProduct(t, officer, producer.id, { nameVi: 'Chè Shan tuyết Tà Xùa' })).id;
    // 26/2026 is in force from 2026-05-22; sessions of March have expired by then.
    t.clock.advance(276 * DAY);
    officer = await t.as({ role: 'province_officer' });
    member = await t.as({ role: 'producer_member', producerId: producer.id });
    otherMember = await t.as({ role: 'producer_member', producerId: other.id });
    const first = (await member.get(`/api/products/${productId}/self-assessment`)).json() as SelfAssessmentView;
    const saved = await member.put(`/api/products/${productId}/self-assessment`, {
      criteriaVersionId: first.version.id,
      answers: worstAnswers(first),
    });
    expect(saved.statusCode).toBe(200);
    view = (await member.get(`/api/products/${productId}/self-assessment?target=3`)).json() as SelfAssessmentView;
  });
  afterAll(() => t.close());

  it('prints the header, every criterion with its points, the total, the stars, the plan with its evidence and the signature block', async () => {
    const response = await member.get(`/api/products/${productId}/self-assessment.pdf?target=3`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(
      /^inline; filename="bao-cao-tu-danh-gia-Che Shan tuyet Ta Xua-2026-12-03\.pdf"/,
    );
    const bytes = response.rawPayload;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const text = flat(pdfText(bytes));
    expect(text).toContain('BÁO CÁO TỰ ĐÁNH GIÁ VỀ SẢN PHẨM');
    expect(text).toContain('ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN THEO BỘ TIÊU CHÍ SẢN PHẨM OCOP');
    expect(text).toContain('Tên chủ thể: HTX Chè Tà Xùa');
    expect(text).toContain('Sản phẩm: Chè Shan tuyết Tà Xùa');
    expect(text).toContain('Bộ sản phẩm: 1.5.1');
    expect(text).toContain(`theo 26/2026/QĐ-TTg — phiên bản ${view.version.version}`);
    expect(text).toContain('Ngày tự đánh giá: 03/12/2026');
    const total = String(view.score.total).replace('.', ',');
    expect(text).toContain(`TỔNG ĐIỂM ${total} / 100`);
    expect(text).toContain(`Tổng điểm: ${total} / 100 điểm`);
    expect(text).toContain(`Hạng dự kiến: ${view.score.stars} sao`);
    // Every answerable criterion has a row whose code is printed.
    for (const code of Object.keys(view.answers)) expect(text).toMatch(new RegExp(` ${code.replaceAll('.', '\\.')}\\*? `));
    expect(text).toContain('(*) Tiêu chí có điểm tối thiểu bắt buộc');

    expect(text).toContain('CON ĐƯỜNG LÊN HẠNG 3 SAO');
    const steps = view.plan?.steps ?? [];
    expect(steps.length).toBeGreaterThan(0);
    steps.forEach((step, index) => {
      expect(text).toContain(flat(`Bước ${index + 1}. ${step.criterionCode} ${step.label}`));
      expect(text).toContain(flat(`Lên: ${step.neededLabel} (${String(step.neededPoints).replace('.', ',')} điểm)`));
      for (const item of step.evidence) expect(text).toContain(flat(`• ${item.label}: ${item.requirement}`));
    });
    expect(steps.some((step) => step.evidence.length > 0)).toBe(true);
    expect(text).toContain('ĐẠI DIỆN THEO PHÁP LUẬT CỦA CƠ SỞ');
    expect(text).toContain('(Ký, họ tên, đóng dấu)');
    expect(text).toMatch(/Trang 1\/\d/);

    const pages = pageCount(bytes);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(8);
  });

  it('gives the same bytes for the same answers (dates from the data, not the clock)', async () => {
    const first = await member.get(`/api/products/${productId}/self-assessment.pdf`);
    t.clock.advance(60_000); // a minute: PDF dates have seconds, and the session stays open
    const again = await member.get(`/api/products/${productId}/self-assessment.pdf`);
    expect(again.statusCode).toBe(200);
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(flat(pdfText(first.rawPayload))).toContain('CON ĐƯỜNG LÊN HẠNG 2 SAO');
  });

  it('answers 404 for another producer’s product and 400 for a target that is not a level', async () => {
    const foreign = await otherMember.get(`/api/products/${productId}/self-assessment.pdf`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('product.not_found');
    expect((await member.get(`/api/products/${productId}/self-assessment.pdf?target=9`)).statusCode).toBe(400);
  });
});
