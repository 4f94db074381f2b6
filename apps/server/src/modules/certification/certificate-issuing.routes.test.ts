import type { CertificateView } from '@ocop/contracts/certification';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenCertificate, givenScoredDossier, markDossierRecognised, recordRecognition } from '../../test-support/certification-builders';
import { moveToScoringSeason } from '../../test-support/scoring-builders';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { certificates } from './certificates/certificate.tables';

describe('issuing certificates on recognition', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('issues one certificate per recognised product, numbered by the province pattern, valid 36 months, from the decision', async () => {
    const { certificate, decision, dossier } = await givenCertificate(t, { signedOn: '2026-09-01' });
    expect(certificate).toMatchObject({
      stars: 4,
      status: 'valid',
      mayShowMark: true,
      source: 'decision',
      dossierId: dossier.id,
      decisionNumber: decision.number,
      decisionDate: '2026-09-01',
      issuedOn: '2026-09-01',
      expiresOn: '2029-08-31',
      issuer: { level: 'province', name: 'Ủy ban nhân dân tỉnh Sơn La', unitCode: '14' },
      regimeCode: '26/2026',
    });
    expect(certificate.number).toMatch(/^\d+\/GCN-OCOP-14-2026$/);
    expect(certificate.verificationUrl).toBe(`http://localhost/c/${certificate.number}`);
    expect(certificate.producerAddress).toContain('Sơn La');
  });

  it('numbers the province’s certificates in sequence, and follows a changed pattern', async () => {
    moveToScoringSeason(t);
    const officer = await t.as({ role: 'province_admin' });
    const settings = (await officer.get('/api/certification/settings/14')).json() as { revision: number; example: string };
    const saved = await officer.put('/api/certification/settings/14', {
      numberPattern: '{seq:4}/{year}/GCN-{stars}S',
      expiringWindowDays: 180,
      revision: settings.revision,
    });
    expect(saved.statusCode).toBe(200);
    const stale = await officer.put('/api/certification/settings/14', {
      numberPattern: '{seq}/X',
      expiringWindowDays: 180,
      revision: settings.revision,
    });
    expect(stale.statusCode).toBe(409);
    const invalid = await officer.put('/api/certification/settings/14', {
      numberPattern: 'GCN-{year}',
      expiringWindowDays: 180,
      revision: (saved.json() as { revision: number }).revision,
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json()).toMatchObject({ code: 'certificate.pattern_invalid' });

    const first = await givenScoredDossier(t, officer);
    const second = await givenScoredDossier(t, officer, { roundId: first.roundId });
    await recordRecognition(officer, first.roundId, [first.id, second.id]);
    const numbers = (await t.database.db.select({ number: certificates.number, seq: certificates.seq }).from(certificates))
      .filter((row) => row.number.includes('/GCN-4S'))
      .map((row) => row.seq ?? 0)
      .sort((a, b) => a - b);
    expect(numbers).toHaveLength(2);
    expect((numbers[1] ?? 0) - (numbers[0] ?? 0)).toBe(1);
    await officer.put('/api/certification/settings/14', {
      numberPattern: '{seq}/GCN-OCOP-{province}-{year}',
      expiringWindowDays: 180,
      revision: (saved.json() as { revision: number }).revision,
    });
  });

  it('refuses to issue for a dossier not recognised, for 2★, or twice; nothing is stored', async () => {
    moveToScoringSeason(t);
    const officer = await t.as({ role: 'province_officer' });
    const scored = await givenScoredDossier(t, officer);
    const before = (await t.database.db.select().from(certificates)).length;

    const notRecognised = await officer.post('/api/certificates', { dossierId: scored.id });
    expect(notRecognised.statusCode).toBe(422);
    expect(notRecognised.json()).toMatchObject({ code: 'certificate.dossier_not_recognised' });

    const twoStars = await givenScoredDossier(t, officer, { stars: 2, total: 40 });
    await markDossierRecognised(t, twoStars.id, 2);
    const refused = await officer.post('/api/certificates', { dossierId: twoStars.id });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'certificate.stars_not_certified' });
    expect((refused.json() as { detail: string }).detail).toContain('2 sao');

    const { certificate, dossier } = await givenCertificate(t);
    const again = await officer.post('/api/certificates', { dossierId: dossier.id });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'certificate.already_issued' });
    expect((await t.database.db.select().from(certificates)).length).toBe(before + 1);
    expect(certificate.status).toBe('valid');
  });

  it('shows certificates to the producer’s members and the province, not to other producers', async () => {
    const { certificate } = await givenCertificate(t);
    const member = await t.as({ role: 'producer_member', producerId: certificate.producerId ?? '' });
    expect((await member.get(`/api/certificates/${certificate.id}`)).statusCode).toBe(200);
    const other = await givenCertificate(t);
    expect((await member.get(`/api/certificates/${other.certificate.id}`)).statusCode).toBe(404);
    const list = (await member.get('/api/certificates')).json() as { items: CertificateView[] };
    expect(list.items.map((item) => item.id)).toEqual([certificate.id]);
  });
});
