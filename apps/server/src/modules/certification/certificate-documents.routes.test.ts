import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenCertificate, givenScoredDossier, recordRecognition } from '../../test-support/certification-builders';
import { pdfPageCount, pdfPageSize, pdfQrText, pdfText } from '../../test-support/pdf-probe';
import { startTestApp, type TestApp } from '../../test-support/test-app';

describe('certificates as PDF', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('renders the certificate whose QR code opens its verification page, which says it is valid', async () => {
    const { officer, certificate } = await givenCertificate(t);
    const response = await officer.get(`/api/certificates/${certificate.id}/certificate.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const bytes = response.rawPayload;
    expect(pdfPageSize(bytes)).toBe('841.89 x 595.28');
    const text = pdfText(bytes);
    for (const expected of [certificate.number, certificate.productName, certificate.decisionNumber, 'HẠNG 4 SAO'])
      expect(text).toContain(expected);
    const url = await pdfQrText(bytes);
    expect(url).toBe(certificate.verificationUrl);
    const page = await t.app.inject({ method: 'GET', url: new URL(url ?? '').pathname });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Còn hiệu lực');
  });

  it('renders one decision’s certificates in one file, one page each, for those who may read them', async () => {
    const { officer } = await givenCertificate(t);
    const first = await givenScoredDossier(t, officer);
    const second = await givenScoredDossier(t, officer, { roundId: first.roundId, stars: 3, total: 60 });
    await recordRecognition(officer, first.roundId, [first.id, second.id]);
    const list = (await officer.get(`/api/certificates?productId=${second.productId}`)).json() as {
      items: { decisionId: string | null }[];
    };
    const decisionId = list.items[0]?.decisionId;
    const response = await officer.get(`/api/certificates/decisions/${decisionId}/certificates.pdf`);
    expect(response.statusCode).toBe(200);
    expect(pdfPageCount(response.rawPayload)).toBe(2);
    expect(pdfText(response.rawPayload, 2)).toContain('HẠNG 3 SAO');

    const stranger = await t.as({ role: 'province_officer', provinceCode: '01' });
    expect((await stranger.get(`/api/certificates/decisions/${decisionId}/certificates.pdf`)).statusCode).toBe(404);
  });
});
