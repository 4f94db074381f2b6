import { describe, expect, it } from 'vitest';
import { certificateFixture, certificateSamples, longName } from '../../../test-support/certificate-documents';
import { pdfCreationDate, pdfPageCount, pdfPageSize, pdfQrText, pdfText, pdfWords } from '../../../test-support/pdf-probe';
import { renderCertificates } from './certificate.pdf';

const MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];

describe('Giấy chứng nhận sản phẩm OCOP (PDF)', () => {
  const [threeStars, longNames, ministry] = certificateSamples() as [
    ReturnType<typeof certificateFixture>,
    ReturnType<typeof certificateFixture>,
    ReturnType<typeof certificateFixture>,
  ];
  const three = [threeStars, longNames, ministry];

  it('gives each certificate one A4 landscape page with all it certifies', async () => {
    const bytes = await renderCertificates(three);
    expect(pdfPageCount(bytes)).toBe(3);
    expect(pdfPageSize(bytes)).toBe('841.89 x 595.28');
    const pages = [1, 2, 3].map((page) => pdfText(bytes, page));
    for (const [index, certificate] of three.entries()) {
      const text = pages[index];
      for (const expected of [
        ...MOTTO,
        'GIẤY CHỨNG NHẬN',
        `SẢN PHẨM OCOP ĐẠT HẠNG ${certificate.stars} SAO`,
        'Chương trình Mỗi xã một sản phẩm',
        `Số: ${certificate.number}`,
        certificate.productName,
        `Chủ thể: ${certificate.producerName}`,
        `Theo Quyết định số ${certificate.decisionNumber}`,
        'Quét mã để kiểm tra hiệu lực',
        'Scan to verify',
        certificate.verificationUrl,
        certificate.signerName ?? '',
      ]) {
        expect(text, `page ${index + 1}`).toContain(expected);
      }
    }
    expect(pages[0]).toContain('ỦY BAN NHÂN DÂN TỈNH SƠN LA');
    expect(pages[0]).toContain('Bộ sản phẩm: Thực phẩm chế biến');
    expect(pages[0]).toContain('Địa chỉ: Bản Mòng, xã Chiềng Cơi, tỉnh Sơn La');
    expect(pages[0]).toContain('ngày 20/11/2026 của Ủy ban nhân dân tỉnh Sơn La');
    expect(pages[0]).toContain('Có giá trị 36 tháng, từ ngày 20/11/2026 đến ngày 19/11/2029');
    expect(pages[0]).toContain('Sơn La, ngày 20 tháng 11 năm 2026');
    expect(pages[0]).toContain('KT. CHỦ TỊCH PHÓ CHỦ TỊCH');
    expect(pages[1]).toContain('SẢN PHẨM OCOP ĐẠT HẠNG 4 SAO');
    expect(pages[2]).toContain('BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG');
    expect(pages[2]).toContain('Hà Nội, ngày 15 tháng 12 năm 2026');
    expect(pages[2]).toContain('Có giá trị 36 tháng, từ ngày 15/12/2026 đến ngày 14/12/2029');
  });

  it('prints the stars as vector paths and gives the same bytes for the same data, dated by the issue day', async () => {
    const [a, b] = [await renderCertificates(three), await renderCertificates(three)];
    expect(a.equals(b)).toBe(true);
    expect(a.includes('/Subtype /Image')).toBe(false);
    // The latest issue day of the run (15/12/2026, noon in Vietnam), never the clock.
    expect(pdfCreationDate(a)).toBe('2026-12-15T05:00:00Z');
  });

  it("puts on page 2 a QR code that scans to that certificate's verification page", async () => {
    const bytes = await renderCertificates(three);
    expect(await pdfQrText(bytes, 2)).toBe(longNames.verificationUrl);
    expect(longNames.verificationUrl).not.toBe(threeStars.verificationUrl);
  });

  it('keeps 200-character names whole on one page each, shrinking them to fit', async () => {
    const long = certificateFixture({
      productName: longName('Trà Shan tuyết cổ thụ', 200),
      producerName: longName('Hợp tác xã Nông nghiệp Dịch vụ', 200),
    });
    expect(long.productName).toHaveLength(200);
    const bytes = await renderCertificates([long, threeStars, long]);
    expect(pdfPageCount(bytes)).toBe(3);
    const text = pdfText(bytes, 3);
    expect(text).toContain(long.productName);
    expect(text).toContain(long.producerName);
    expect(text).toContain('Có giá trị 36 tháng');
  });

  it('stays on its page with every field at its longest, and the code still scans', async () => {
    const worst = certificateFixture({
      number: `${'9'.repeat(20)}/GCN-OCOP-BNNMT-${'2'.repeat(30)}`.slice(0, 64),
      productName: longName('Trà', 200),
      productSetName: longName('Bộ', 120),
      producerName: longName('Hợp tác xã', 200),
      producerAddress: longName('Bản', 200),
      issuer: { name: 'Ủy ban nhân dân đặc khu Phú Quốc, tỉnh An Giang', level: 'district', placeName: 'Phú Quốc' },
      signerTitle: 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH THƯỜNG TRỰC',
      verificationUrl: `https://ocop.sonla.gov.vn/c/${'9'.repeat(20)}/GCN-OCOP-BNNMT-${'2'.repeat(30)}`,
    });
    const bytes = await renderCertificates([worst, worst]);
    expect(pdfPageCount(bytes)).toBe(2);
    expect(await pdfQrText(bytes, 2)).toBe(worst.verificationUrl);
    expect(pdfText(bytes, 2)).toContain('PHÓ CHỦ TỊCH THƯỜNG TRỰC');
    // The middle gives way to the tall signature block: the validity line ends above the dated line.
    const words = pdfWords(bytes, 2);
    const validityEnd = words.find((word) => word.text === '19/11/2029');
    const dated = words.filter((word) => word.text === 'Quốc,').at(-1);
    expect(validityEnd && dated && validityEnd.yMax <= dated.yMin).toBe(true);
  });

  it('states the validity in months only when the dates span whole months', async () => {
    const odd = certificateFixture({ issuedOn: '2026-11-20', expiresOn: '2029-11-30' });
    expect(pdfText(await renderCertificates([odd]))).toContain('Có giá trị từ ngày 20/11/2026 đến ngày 30/11/2029');
    const legacy = certificateSamples()[3];
    expect(pdfText(await renderCertificates(legacy ? [legacy] : []))).toContain('Có giá trị 36 tháng, từ ngày 28/06/2023');
  });

  it('refuses to print nothing', async () => {
    await expect(renderCertificates([])).rejects.toThrow(RangeError);
  });
});
