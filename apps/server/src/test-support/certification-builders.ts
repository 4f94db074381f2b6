import type { CertificateView } from '@ocop/contracts/certification';
import type { DossierState } from '@ocop/domain/evaluation';
import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { dossiers } from '../modules/evaluation/dossiers/dossier.tables';
import { givenDossier, givenRound, moveToScoringSeason } from './scoring-builders';
import type { Client, TestApp } from './test-app';

/** A council result of `total` points and `stars`, as stored when scoring closes. */
function storedResult(total: number, stars: number, closedOn: string) {
  return { total, band: stars, stars, parts: [], criteria: {}, members: [], unmetMinima: [], meetingNeeded: false, closedOn };
}

/**
 * A dossier scored by its council (straight into the table), then recognised through HTTP by a
 * decision of the province: the decision issues the certificate in its own transaction.
 */
export async function givenScoredDossier(
  t: TestApp,
  officer: Client,
  options: { total?: number; stars?: number; state?: DossierState; roundId?: string } = {},
) {
  const round = options.roundId ? { id: options.roundId } : await givenRound(t);
  const dossier = await givenDossier(t, officer, { roundId: round.id, state: options.state ?? 'scored' });
  const stars = options.stars ?? 4;
  const total = options.total ?? 75;
  await t.database.db
    .update(dossiers)
    .set({ result: storedResult(total, stars, '2026-09-01'), resultTotal: total, resultStars: stars })
    .where(eq(dossiers.id, dossier.id));
  return { ...dossier, roundId: round.id };
}

/** Records a recognition decision of the province over the dossiers; fails the test when refused. */
export async function recordRecognition(officer: Client, roundId: string, dossierIds: string[], signedOn = '2026-09-01') {
  const number = `${randomInt(100, 999_999)}/QĐ-UBND`;
  const response = await officer.post('/api/evaluation/decisions', {
    roundId,
    kind: 'recognition',
    number,
    signedOn,
    signerName: 'Nguyễn Văn A',
    signerTitle: 'KT. CHỦ TỊCH — PHÓ CHỦ TỊCH',
    dossierIds,
  });
  if (response.statusCode !== 200 && response.statusCode !== 201)
    throw new Error(`decision refused: ${response.statusCode} ${response.body}`);
  return { number, signedOn };
}

/** A 4★ certificate issued by a province decision on a fresh dossier; the clock is moved to the scoring season. */
export async function givenCertificate(t: TestApp, options: { stars?: number; signedOn?: string } = {}) {
  moveToScoringSeason(t);
  const officer = await t.as({ role: 'province_officer' });
  const dossier = await givenScoredDossier(t, officer, { stars: options.stars ?? 4, total: options.stars === 3 ? 60 : 75 });
  const decision = await recordRecognition(officer, dossier.roundId, [dossier.id], options.signedOn);
  const page = await officer.get(`/api/certificates?productId=${dossier.productId}`);
  const certificate = (page.json() as { items: CertificateView[] }).items[0];
  if (!certificate) throw new Error(`no certificate issued: ${page.body}`);
  return { officer, dossier, decision, certificate };
}
