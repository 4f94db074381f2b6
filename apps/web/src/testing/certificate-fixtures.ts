import type { CertificateView } from '@ocop/contracts/certification';
import { PRODUCER_ID, PRODUCT_ID } from './fixtures';

export const CERTIFICATE_ID = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
export const CERTIFICATE_2_ID = '8d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a';
export const CERTIFICATE_DOSSIER_ID = '9e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b';

/** A 4★ certificate of Sơn La, expiring in 40 days. */
export function buildCertificate(overrides: Partial<CertificateView> = {}): CertificateView {
  return {
    id: CERTIFICATE_ID,
    number: '12/GCN-OCOP-14-2023',
    provinceCode: '14',
    source: 'decision',
    stars: 4,
    status: 'expiring',
    statusSince: '2026-04-13',
    validUntil: '2026-10-11',
    daysLeft: 40,
    mayShowMark: true,
    productId: PRODUCT_ID,
    productName: 'Chè Shan tuyết Bích Thảo',
    productCode: 'SLA-CHE-0001',
    productSetName: 'Chè và sản phẩm từ chè',
    producerId: PRODUCER_ID,
    producerName: 'Hợp tác xã Chè Bích Thảo',
    producerAddress: 'Phường Chiềng An, Tỉnh Sơn La',
    communeCode: '03679',
    legacyDistrictCode: null,
    legacyDistrictName: null,
    legacyCommuneCode: null,
    issuer: { level: 'province', name: 'Ủy ban nhân dân tỉnh Sơn La', unitCode: '14' },
    regimeCode: '148/2023',
    decisionNumber: '1234/QĐ-UBND',
    decisionDate: '2023-10-12',
    dossierId: CERTIFICATE_DOSSIER_ID,
    decisionId: null,
    issuedOn: '2023-10-12',
    expiresOn: '2026-10-11',
    supersededBy: null,
    revocation: null,
    pendingReEvaluation: null,
    verificationUrl: 'https://ocop.sonla.gov.vn/c/12/GCN-OCOP-14-2023',
    ...overrides,
  };
}

export function certificatePage(items: CertificateView[], page = 1, pageSize = 20) {
  return { items, total: items.length, page, pageSize };
}
