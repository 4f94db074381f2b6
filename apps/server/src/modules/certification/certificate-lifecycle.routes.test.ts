import type { CertificateView, PublicCertificateView } from '@ocop/contracts/certification';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY } from '../../test-support/evaluation-builders';
import { givenCertificate, givenFollowUpDossier, recordRecognition } from '../../test-support/certification-builders';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { certificateRevocations, certificates } from './certificates/certificate.tables';

/** The day the test clock shows (Vietnam time). */
const todayOf = (t: TestApp) => new Date(t.clock.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
const daysBefore = (t: TestApp, days: number) => new Date(t.clock.now().getTime() + 7 * 3_600_000 - days * DAY).toISOString().slice(0, 10);

describe('the certificate lifecycle', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('an upgrade supersedes the old certificate from its decision; the old one stays verifiable', async () => {
    const { officer, dossier, certificate: old } = await givenCertificate(t, { stars: 3, signedOn: '2026-09-01' });
    const upgradeId = await givenFollowUpDossier(t, dossier, {
      kind: 'upgrade',
      state: 'scored',
      result: {
        total: 78,
        band: 4,
        stars: 4,
        parts: [],
        criteria: {},
        members: [],
        unmetMinima: [],
        meetingNeeded: false,
        closedOn: '2026-09-01',
      },
      resultTotal: 78,
      resultStars: 4,
    });
    const decision = await recordRecognition(officer, dossier.roundId, [upgradeId], todayOf(t));
    const list = ((await officer.get(`/api/certificates?productId=${dossier.productId}`)).json() as { items: CertificateView[] }).items;
    expect(list).toHaveLength(2);
    const [newer, older] = list;
    expect(newer).toMatchObject({ stars: 4, status: 'valid', decisionNumber: decision.number, dossierId: upgradeId });
    expect(older).toMatchObject({ id: old.id, status: 'superseded', statusSince: todayOf(t), mayShowMark: false });
    expect(older?.supersededBy?.number).toBe(newer?.number);
    const mark = (await officer.get(`/api/products/${dossier.productId}/ocop-mark`)).json();
    expect(mark).toMatchObject({ allowed: true, stars: 4, certificateNumber: newer?.number });

    const page = await t.app.inject({ method: 'GET', url: `/c/${old.number}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Đã được thay thế');
    expect(page.body).toContain(newer?.number);
  });

  it('a re-evaluation filed in time keeps it valid; filed late it is extended at most 180 days past expiry (Art. 12.3)', async () => {
    const { dossier, certificate } = await givenCertificate(t, { signedOn: '2026-09-01' });
    // The certificate ends 2029-08-31; move to 150 days before and file a re-evaluation.
    t.clock.advance((Date.parse('2029-04-03') - Date.parse(todayOf(t))) * 1);
    await givenFollowUpDossier(t, dossier, { kind: 're_evaluation', state: 'submitted', submittedOn: todayOf(t), lateFiling: false });
    // Signed in afresh each time: the clock jumps past any session's end.
    const read = async () =>
      (await (await t.as({ role: 'province_officer' })).get(`/api/certificates/${certificate.id}`)).json() as CertificateView;
    expect(todayOf(t)).toBe('2029-04-03');
    expect(await read()).toMatchObject({ status: 'in_re_evaluation', mayShowMark: true, validUntil: '2029-08-31' });
    t.clock.advance(200 * DAY); // 2029-10-20: past expiry, the result not in yet
    const extended = await read();
    expect(extended).toMatchObject({ status: 'extended', mayShowMark: true, validUntil: '2030-02-27' });
    t.clock.advance(140 * DAY); // past the 180 days
    expect(await read()).toMatchObject({ status: 'expired', mayShowMark: false });
  });

  it('a revocation takes effect 15 days after the finding and shows on the public page from then; revoking twice is refused', async () => {
    const { officer, certificate } = await givenCertificate(t, { signedOn: todayOf(t) });
    const body = (findingOn: string) => ({
      ground: 'c',
      decisionNumber: '77/QĐ-UBND',
      decidedOn: todayOf(t),
      findingOn,
      reason: 'Kết quả kiểm tra an toàn thực phẩm không đạt.',
    });
    const future = await officer.post(`/api/certificates/${certificate.id}/revocation`, body('2099-01-01'));
    expect(future.statusCode).toBe(422);
    expect(future.json()).toMatchObject({ code: 'certificate.finding_in_future' });

    const recent = await officer.post(`/api/certificates/${certificate.id}/revocation`, body(daysBefore(t, 5)));
    expect(recent.statusCode).toBe(200);
    expect(recent.json()).toMatchObject({ status: 'valid', revocation: { effectiveOn: daysBefore(t, -10) } });
    const before = (await t.app.inject({ method: 'GET', url: `/c/${certificate.number}`, headers: { accept: 'application/json' } })).json();
    expect(before).toMatchObject({ status: 'valid', revocation: null });

    const twice = await officer.post(`/api/certificates/${certificate.id}/revocation`, body(daysBefore(t, 20)));
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'certificate.already_revoked' });
    expect(
      await t.database.db.select().from(certificateRevocations).where(eq(certificateRevocations.certificateId, certificate.id)),
    ).toHaveLength(1);

    t.clock.advance(10 * DAY);
    const after = (
      await t.app.inject({ method: 'GET', url: `/c/${certificate.number}`, headers: { accept: 'application/json' } })
    ).json() as PublicCertificateView;
    expect(after).toMatchObject({ status: 'revoked', mayShowMark: false, revocation: { ground: 'c', decisionNumber: '77/QĐ-UBND' } });
    const html = await t.app.inject({ method: 'GET', url: `/c/${certificate.number}` });
    expect(html.body).toContain('Đã thu hồi');
    expect(html.body).toContain('77/QĐ-UBND');
  });

  it('a producer member cannot revoke', async () => {
    const { certificate } = await givenCertificate(t);
    const [row] = await t.database.db.select().from(certificates).where(eq(certificates.id, certificate.id));
    const member = await t.as({ role: 'producer_member', producerId: row?.producerId ?? '' });
    const refused = await member.post(`/api/certificates/${certificate.id}/revocation`, {
      ground: 'a',
      decisionNumber: '1/QĐ',
      decidedOn: todayOf(t),
      findingOn: todayOf(t),
      reason: 'x',
    });
    expect(refused.statusCode).toBe(403);
  });
});

describe('public verification', () => {
  let t: TestApp;
  let certificate: CertificateView;
  beforeAll(async () => {
    t = await startTestApp();
    ({ certificate } = await givenCertificate(t));
  });
  afterAll(async () => t.close());

  it('renders a small page with no script, the status first, then product, producer, stars, dates and decision', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/c/${certificate.number}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).not.toContain('<script');
    expect(Buffer.byteLength(response.body)).toBeLessThan(8_000);
    // The status first; the stars sit beside the product's name, then the producer, dates and decision.
    const order = ['Còn hiệu lực', certificate.productName, '★★★★', certificate.producerName, certificate.decisionNumber];
    const positions = order.map((text) => response.body.indexOf(text.replace(/&/g, '&amp;')));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('answers JSON by content negotiation, without internal ids', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/c/${encodeURIComponent(certificate.number)}`,
      headers: { accept: 'application/json' },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json() as PublicCertificateView & { id?: string };
    expect(body).toMatchObject({ number: certificate.number, status: 'valid', stars: 4, mayShowMark: true });
    expect(body.id).toBeUndefined();
    expect(response.headers.vary).toContain('accept');
  });

  it('accepts the number as people type it', async () => {
    const typed = certificate.number.toLowerCase();
    const response = await t.app.inject({ method: 'GET', url: `/c/${typed}`, headers: { accept: 'application/json' } });
    expect(response.json()).toMatchObject({ number: certificate.number });
  });

  it('a made-up number gets 404 and a malformed one 400, in the same frame, both in Vietnamese and English', async () => {
    const madeUp = await t.app.inject({ method: 'GET', url: '/c/99999/GCN-OCOP-14-2026' });
    expect(madeUp.statusCode).toBe(404);
    expect(madeUp.body).toContain('Không tìm thấy giấy chứng nhận');
    expect(madeUp.body).toContain('No such certificate');
    for (const url of ['/c/%3Cscript%3E', `/c/${'1'.repeat(300)}`, '/c/..%2F..%2Fetc']) {
      const malformed = await t.app.inject({ method: 'GET', url });
      expect(malformed.statusCode, url).toBe(400);
      expect(malformed.body).not.toContain('<script>');
    }
    const json = await t.app.inject({ method: 'GET', url: '/c/99999/GCN-X', headers: { accept: 'application/json' } });
    expect(json.statusCode).toBe(404);
    expect(json.json()).toMatchObject({ code: 'certificate.not_found' });
  });
});
