import type { CertificateView } from '@ocop/contracts/certification';
import type { DossierState } from '@ocop/domain/evaluation';
import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { certificates } from '../modules/certification/certificates/certificate.tables';
import { dossiers } from '../modules/evaluation/dossiers/dossier.tables';
import { producers } from '../modules/registry/producers/producer.tables';
import { givenDossier, givenRound, moveToScoringSeason } from './scoring-builders';
import { type Client, SON_LA, type TestApp } from './test-app';

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

/** A second dossier of the same product (re-evaluation or upgrade), straight into the table in the state asked. */
export async function givenFollowUpDossier(t: TestApp, base: { id: string }, change: Partial<typeof dossiers.$inferInsert>) {
  const [row] = await t.database.db.select().from(dossiers).where(eq(dossiers.id, base.id));
  if (!row) throw new Error('base dossier missing');
  const { id: _id, decisionId: _decision, revision: _revision, ...copy } = row;
  const [inserted] = await t.database.db
    .insert(dossiers)
    .values({ ...copy, baseDossierId: base.id, recognisedStars: null, createdAt: t.clock.now(), updatedAt: t.clock.now(), ...change })
    .returning({ id: dossiers.id });
  if (!inserted) throw new Error('dossier not inserted');
  return inserted.id;
}

/** Changes a dossier straight in the table (a state the HTTP chain would take long to reach). */
export async function setDossier(t: TestApp, id: string, change: Partial<typeof dossiers.$inferInsert>) {
  await t.database.db.update(dossiers).set(change).where(eq(dossiers.id, id));
}

/** Marks a dossier recognised with `stars` straight in the table (a state no decision would reach, e.g. 2★). */
export async function forceRecognised(t: TestApp, dossierId: string, stars: number) {
  await setDossier(t, dossierId, { state: 'recognised', recognisedStars: stars });
}

/** A re-evaluation dossier of the same product as `dossierId`, filed on `filedOn` and not yet decided. */
export async function givenReEvaluationFiled(t: TestApp, dossierId: string, filedOn: string) {
  await givenFollowUpDossier(t, { id: dossierId }, { kind: 're_evaluation', state: 'submitted', submittedOn: filedOn, result: null });
}

/**
 * A certificate imported from before the system (source 'legacy'), straight into the table, with
 * the expiry asked for: a 4★ of Sơn La under 148/2023, of the given producer and product (none by default).
 */
export async function givenLegacyCertificate(
  t: TestApp,
  options: { expiresOn: string; producerId?: string; productId?: string; productName?: string; provinceCode?: string; stars?: number },
) {
  const issuedOn = `${Number(options.expiresOn.slice(0, 4)) - 3}${options.expiresOn.slice(4)}`;
  const number = `${randomInt(1, 999_999)}/GCN-OCOP-LEGACY`;
  const [row] = await t.database.db
    .insert(certificates)
    .values({
      provinceCode: options.provinceCode ?? SON_LA,
      number,
      year: Number(issuedOn.slice(0, 4)),
      source: 'legacy',
      producerId: options.producerId ?? null,
      productId: options.productId ?? null,
      productName: options.productName ?? `Mận hậu Mộc Châu ${randomInt(1000, 9999)}`,
      producerName: 'HTX Nông nghiệp Mộc Châu',
      stars: options.stars ?? 4,
      regimeCode: '148/2023',
      issuerLevel: 'province',
      issuerName: 'Ủy ban nhân dân tỉnh Sơn La',
      issuerUnitCode: options.provinceCode ?? SON_LA,
      decisionNumber: `${randomInt(100, 9999)}/QĐ-UBND`,
      decisionDate: issuedOn,
      issuedOn,
      expiresOn: options.expiresOn,
      createdAt: t.clock.now(),
    })
    .returning();
  if (!row) throw new Error('legacy certificate not inserted');
  return row;
}

/** A re-evaluation of the product filed on `filedOn` and not decided yet, straight into the table: its certificate is in re-evaluation. */
export async function givenPendingReEvaluation(t: TestApp, officer: Client, productId: string, filedOn: string) {
  const round = await givenRound(t);
  const dossier = await givenDossier(t, officer, { roundId: round.id, state: 'submitted' });
  await t.database.db.update(dossiers).set({ productId, kind: 're_evaluation', submittedOn: filedOn }).where(eq(dossiers.id, dossier.id));
  return dossier.id;
}

/** Gives the producer this phone, straight into the table (what a reminder's SMS and Zalo are sent to). */
export async function setProducerPhone(t: TestApp, producerId: string, phone: string | null) {
  await t.database.db.update(producers).set({ phone }).where(eq(producers.id, producerId));
}
