import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  communeReportFixture,
  councilMinutesFixture,
  recognitionDecisionFixture,
  registrationFormFixture,
  resultLetterFixture,
} from '../../../test-support/evaluation-documents';
import { renderCommuneReportPdf } from './commune-report.pdf';
import { renderCouncilMinutesPdf } from './council-minutes.pdf';
import { renderRecognitionDecisionPdf } from './recognition-decision.pdf';
import { renderRegistrationFormPdf } from './registration-form.pdf';
import { renderResultLetterPdf } from './result-letter.pdf';

/** The text poppler reads back in drawing order (a table cell stays whole), every run of white space made one space. */
const textOf = (bytes: Buffer, page?: number) =>
  execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-raw', '-enc', 'UTF-8', '-', '-'], {
    input: bytes,
  })
    .toString('utf8')
    .replace(/\s+/g, ' ');
const pageCount = (bytes: Buffer) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: bytes }).toString())?.[1]);

const MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];

describe('Mẫu 01 — Phiếu đăng ký', () => {
  it('carries the producer, the product, the kind, the self-assessment and the commitment', async () => {
    const text = textOf(await renderRegistrationFormPdf(registrationFormFixture()));
    for (const expected of [
      ...MOTTO,
      'PHIẾU ĐĂNG KÝ',
      'Tham gia đánh giá, phân hạng sản phẩm OCOP',
      'của tỉnh Sơn La năm 2026',
      'HTX Cà phê Bích Thao',
      'Hợp tác xã',
      '5500612345',
      'Lò Thị Bích Thao',
      'bichthao.coffee@gmail.com',
      'Tên sản phẩm: Cà phê Arabica Sơn La',
      '14-04022-001-2026',
      '1.4.2 — Cà phê, ca cao',
      'Đánh giá lần đầu',
      'Nâng hạng',
      'Đánh giá lại',
      'Kết quả tự đánh giá: 74,50/100 điểm',
      'Dự kiến 4 sao',
      '5 sản phẩm',
      'Cam đoan những thông tin trong Phiếu đăng ký là đúng sự thật',
      'Chiềng An, ngày 09 tháng 3 năm 2026',
      '012-2026/PĐK-14-04024-2026',
      'Trang 1/',
    ])
      expect(text).toContain(expected);
  });
});

describe('Mẫu 03 — Báo cáo của UBND xã', () => {
  it('carries the commune, the four findings, the conclusion, the proposal and the chair', async () => {
    const text = textOf(await renderCommuneReportPdf(communeReportFixture()));
    for (const expected of [
      ...MOTTO,
      'ỦY BAN NHÂN DÂN',
      'PHƯỜNG CHIỀNG AN',
      'Số: 45/BC-UBND',
      'Chiềng An, ngày 24 tháng 3 năm 2026',
      'BÁO CÁO',
      'I. THÔNG TIN CHUNG VỀ HỒ SƠ SẢN PHẨM',
      'Giới tính: Nữ',
      'Dân tộc: Thái',
      '1. Về nguồn gốc sản phẩm, sử dụng nguyên liệu địa phương',
      '2. Về sử dụng lao động địa phương',
      '3. Nguồn gốc ý tưởng sản phẩm',
      '4. Bản sắc, trí tuệ địa phương',
      'khoảng 45 ha liên kết với 62 hộ',
      'Hồ sơ đầy đủ thành phần theo quy định',
      'Ủy ban nhân dân phường Chiềng An đề nghị Ủy ban nhân dân tỉnh Sơn La đánh giá, phân hạng sản phẩm OCOP cho sản phẩm Cà phê Arabica Sơn La của HTX Cà phê Bích Thao',
      'TM. ỦY BAN NHÂN DÂN',
      'Lường Văn Thắng',
    ])
      expect(text).toContain(expected);
  });
});

describe('Biên bản họp Hội đồng', () => {
  it('records members, conflicts, every sheet, averages, stars after minima, outliers and the summary', async () => {
    const data = councilMinutesFixture(6);
    const text = textOf(await renderCouncilMinutesPdf(data));
    for (const expected of [
      ...MOTTO,
      'BIÊN BẢN',
      'HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG',
      'Số: 03/BB-HĐ',
      'Quyết định số 812/QĐ-UBND ngày 15/4/2026',
      'Hôm nay, ngày 18 tháng 6 năm 2026, tại Hội trường Sở Nông nghiệp và Môi trường tỉnh Sơn La',
      'Đặng Ngọc Hậu',
      'Phó Chủ tịch UBND tỉnh, Sở Nông nghiệp và Môi trường',
      'Sở Văn hóa, Thể thao và Du lịch',
      'Vắng mặt',
      'II. KHAI BÁO XUNG ĐỘT LỢI ÍCH',
      'Có người thân là thành viên của chủ thể',
      'Không chấm (xung đột lợi ích): Hoàng Thị Thu Trang',
      'Phần A (40)',
      'Phần B (25)',
      'Phần C (35)',
      'Điểm trung bình 19,20 12,40 17,20 48,80',
      'Lệch +16,60 so với trung bình',
      'Chưa đạt điểm tối thiểu của hạng 4 sao: C.3.1 Tính độc đáo của sản phẩm (trung bình 1,50, tối thiểu 3)',
      'Kết quả: 3 sao — Đề nghị UBND tỉnh công nhận',
      'Kết quả: 5 sao — Đề nghị Bộ Nông nghiệp và Môi trường đánh giá 5 sao',
      'Kết quả: 2 sao — Không đề nghị công nhận',
      'IV. TỔNG HỢP KẾT QUẢ',
      'Công nhận 4 sao',
      'THƯ KÝ HỘI ĐỒNG',
      'CHỦ TỊCH HỘI ĐỒNG',
      'Bạc Thị Ngọc Ánh',
    ])
      expect(text).toContain(expected);
  });

  it('renders 50 dossiers over many pages, the table header repeated and the pages numbered', async () => {
    const bytes = await renderCouncilMinutesPdf(councilMinutesFixture(50, 5));
    const pages = pageCount(bytes);
    expect(pages).toBeGreaterThan(10);
    const last = textOf(bytes, pages);
    expect(last).toContain(`Trang ${pages}/${pages}`);
    expect(last).toContain('50 Chè Shan tuyết Tà Xùa (lô');
    expect(last).toContain('Điểm TB');
    expect(textOf(bytes)).toContain('50. Chè Shan tuyết Tà Xùa (lô 9)');
  });
});

describe('Dự thảo Quyết định công nhận', () => {
  it('a draft: blank number and date, legal bases, Điều 1 table with stars and scores, 36 months, Điều 2–3, Nơi nhận', async () => {
    const text = textOf(await renderRecognitionDecisionPdf(recognitionDecisionFixture(true)));
    for (const expected of [
      ...MOTTO,
      'DỰ THẢO',
      'ỦY BAN NHÂN DÂN',
      'TỈNH SƠN LA',
      'Số: ……/QĐ-UBND',
      'Sơn La, ngày …… tháng …… năm 2026',
      'QUYẾT ĐỊNH',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SƠN LA',
      'Căn cứ Quyết định số 26/2026/QĐ-TTg ngày 22/5/2026',
      'Theo đề nghị của Giám đốc Sở Nông nghiệp và Môi trường',
      'Điều 1. Công nhận 3 sản phẩm đạt tiêu chuẩn sản phẩm OCOP cấp tỉnh (1 sản phẩm đạt 4 sao, 2 sản phẩm đạt 3 sao)',
      'Mận hậu Mộc Châu sấy dẻo',
      'HTX Nông nghiệp Mộc Châu Xanh',
      '4 sao',
      '83,40',
      'có giá trị 36 tháng kể từ ngày ký',
      'Điều 2.',
      'Điều 3. Quyết định này có hiệu lực kể từ ngày ký',
      'Nơi nhận:',
      'KT. CHỦ TỊCH',
    ])
      expect(text).toContain(expected);
  });

  it('a signed decision prints its number and date', async () => {
    const text = textOf(await renderRecognitionDecisionPdf(recognitionDecisionFixture(false)));
    expect(text).toContain('Số: 1234/QĐ-UBND');
    expect(text).toContain('Sơn La, ngày 25 tháng 6 năm 2026');
    expect(text).not.toContain('DỰ THẢO');
  });
});

describe('Thông báo kết quả', () => {
  it('gives the result, the members’ totals and what to improve with the evidence to prepare', async () => {
    const text = textOf(await renderResultLetterPdf(resultLetterFixture()));
    for (const expected of [
      ...MOTTO,
      'SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG',
      'Số: 1502/TB-SNNMT',
      'THÔNG BÁO',
      'Kính gửi:',
      'Ủy ban nhân dân phường Chiềng An',
      'Tổng điểm 68,40 100',
      'Đạt 3 sao — đề nghị UBND tỉnh công nhận',
      'Thành viên 2: 67,00',
      '3. Nội dung cần cải thiện để đạt hạng 4 sao',
      'a) Tiêu chí bắt buộc (*) chưa đạt điểm tối thiểu',
      'A.2.3 Liên kết chuỗi giá',
      'Có liên kết nhưng chưa có hợp đồng',
      '(3 điểm)',
      '• Hợp đồng liên kết với các hộ',
      'b) Tiêu chí còn điểm thấp',
      'Phiếu kiểm nghiệm định kỳ',
      'Nguyễn Thị Hồng Nhung',
    ])
      expect(text).toContain(expected);
  });
});

describe('the same data gives the same bytes', () => {
  it.each([
    ['registration form', () => renderRegistrationFormPdf(registrationFormFixture())],
    ['commune report', () => renderCommuneReportPdf(communeReportFixture())],
    ['minutes', () => renderCouncilMinutesPdf(councilMinutesFixture(8))],
    ['decision', () => renderRecognitionDecisionPdf(recognitionDecisionFixture(true))],
    ['result letter', () => renderResultLetterPdf(resultLetterFixture())],
  ])('%s', async (_, render) => {
    const [a, b] = [await render(), await render()];
    expect(a.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(a.equals(b)).toBe(true);
    // Stars and check boxes are vector paths, not pictures.
    expect(a.includes('/Subtype /Image')).toBe(false);
  });
});
