import type { CertificatePdfData } from '../modules/certification/certificates/certificate.pdf';

/** Certificates as the PDF renderer takes them, for its tests, the bench and a look at the layout. */

const PUBLIC_URL = 'https://ocop.sonla.gov.vn';

export function certificateFixture(overrides: Partial<CertificatePdfData> = {}): CertificatePdfData {
  const number = overrides.number ?? '12/GCN-OCOP-14-2026';
  return {
    number,
    stars: 4,
    productName: 'Trà Shan tuyết Tà Xùa',
    productSetName: 'Chè',
    producerName: 'Hợp tác xã Chè Tà Xùa',
    producerAddress: 'Xã Tà Xùa, tỉnh Sơn La',
    issuer: { name: 'Ủy ban nhân dân tỉnh Sơn La', level: 'province', placeName: 'Sơn La' },
    decisionNumber: '2150/QĐ-UBND',
    decisionDate: '2026-11-20',
    issuedOn: '2026-11-20',
    expiresOn: '2029-11-19',
    signerTitle: 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH',
    signerName: 'Nguyễn Thành Công',
    verificationUrl: `${PUBLIC_URL}/c/${number}`,
    ...overrides,
  };
}

/** A name of `length` characters made of real words: the longest a product or producer may carry. */
export function longName(start: string, length: number): string {
  const words = ' đặc sản vùng cao Tây Bắc, sản xuất theo quy trình hữu cơ, thu hái thủ công từ cây chè cổ thụ trên núi';
  let name = start;
  while (name.length < length) name += words;
  return name.slice(0, length).trimEnd();
}

/** Four certificates that differ where the layout may break: 3★, 4★ with long names, 5★ by the ministry, a district's legacy one. */
export function certificateSamples(): CertificatePdfData[] {
  return [
    certificateFixture({
      number: '7/GCN-OCOP-14-2026',
      stars: 3,
      productName: 'Mật ong hoa ban',
      productSetName: 'Thực phẩm chế biến',
      producerName: 'Hộ kinh doanh Lò Văn Minh',
      producerAddress: 'Bản Mòng, xã Chiềng Cơi, tỉnh Sơn La',
      verificationUrl: `${PUBLIC_URL}/c/7/GCN-OCOP-14-2026`,
    }),
    certificateFixture({
      productName: longName('Trà Shan tuyết cổ thụ Tà Xùa', 200),
      producerName: longName('Hợp tác xã Nông nghiệp và Dịch vụ Chè Shan tuyết Tà Xùa', 200),
      producerAddress: 'Bản Bẹ, xã Tà Xùa, tỉnh Sơn La',
    }),
    certificateFixture({
      number: '3/GCN-OCOP-BNNMT-2026',
      stars: 5,
      productName: 'Cà phê Arabica Sơn La rang xay',
      productSetName: 'Đồ uống',
      producerName: 'Hợp tác xã Cà phê Bích Thao',
      producerAddress: 'Xã Chiềng Ban, tỉnh Sơn La',
      issuer: { name: 'Bộ Nông nghiệp và Môi trường', level: 'ministry', placeName: 'Hà Nội' },
      decisionNumber: '4821/QĐ-BNNMT',
      decisionDate: '2026-12-15',
      issuedOn: '2026-12-15',
      expiresOn: '2029-12-14',
      signerTitle: 'KT. BỘ TRƯỞNG / THỨ TRƯỞNG',
      signerName: 'Trần Thanh Nam',
      verificationUrl: `${PUBLIC_URL}/c/3/GCN-OCOP-BNNMT-2026`,
    }),
    certificateFixture({
      number: '05/GCN-OCOP-MC-2023',
      stars: 3,
      productName: 'Sữa chua nếp cẩm Mộc Châu',
      productSetName: null,
      producerName: 'Công ty TNHH Thực phẩm Cao nguyên',
      producerAddress: null,
      issuer: { name: 'Ủy ban nhân dân huyện Mộc Châu', level: 'district', placeName: 'Mộc Châu' },
      decisionNumber: '1275/QĐ-UBND',
      decisionDate: '2023-06-28',
      issuedOn: '2023-06-28',
      expiresOn: '2026-06-27',
      signerTitle: 'CHỦ TỊCH',
      signerName: 'Đinh Văn Thành',
      verificationUrl: `${PUBLIC_URL}/c/05/GCN-OCOP-MC-2023`,
    }),
  ];
}
