import type { MySheetView } from '@ocop/contracts/councils';
import type { DossierView, RoundView } from '@ocop/contracts/dossiers';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersScoring, givenDocument, givenEvaluationScene, givenSelfAssessment } from '../../test-support/evaluation-builders';
import { givenProduct } from '../../test-support/registry-builders';
import type { Client, TestApp } from '../../test-support/test-app';
import { startTestApp } from '../../test-support/test-app';

/** The text of a PDF, read back with poppler's pdftotext. */
function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'ocop-pdf-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), bytes);
    return execFileSync('pdftotext', ['-layout', join(dir, 'doc.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The whole chain of QĐ 26/2026 Art. 7 through HTTP on the real database: the producer files, the
 * commune proposes with Mẫu 03, the office receives and sends to a council, three members score (a
 * fourth declares a conflict), the result is 4★ and a decision recognises it; another dossier scored
 * at 90 or more goes to the ministry, whose 5★ is recorded. The documents of each step are read back.
 */
describe('the evaluation process end to end', () => {
  let t: TestApp;
  let scene: Awaited<ReturnType<typeof givenEvaluationScene>>;
  let round: RoundView;
  let councilId: string;
  let members: (Client & { session: { userId: string } })[];

  const view = async (client: Client, id: string) => (await client.get(`/api/evaluation/dossiers/${id}`)).json() as DossierView;
  const act = async (client: Client, id: string, action: string, extra: Record<string, unknown> = {}) => {
    const current = await view(client, id);
    const response = await client.post(`/api/evaluation/dossiers/${id}/transitions`, { action, revision: current.revision, ...extra });
    if (response.statusCode !== 200) throw new Error(`${action}: ${response.statusCode} ${response.body}`);
    return response.json() as DossierView;
  };

  /** Files a dossier for the product and takes it to the council (Mẫu 03, receipt, samples, assignment). */
  async function toCouncil(productId: string): Promise<string> {
    const opened = await scene.member.post('/api/evaluation/dossiers', { productId, roundId: round.id, kind: 'first' });
    expect(opened.statusCode).toBe(201);
    const id = (opened.json() as DossierView).id;
    await act(scene.member, id, 'submit');
    const submitted = await view(scene.commune, id);
    const report = await scene.commune.put(`/api/evaluation/dossiers/${id}/commune-report`, {
      revision: submitted.revision,
      rawMaterialOrigin: 'Nguyên liệu trồng tại địa phương.',
      localLabour: 'Lao động địa phương.',
      ideaOrigin: 'Ý tưởng của chủ thể.',
      localIdentity: 'Bản sắc văn hóa Thái.',
      conclusion: 'Đề nghị tỉnh đánh giá, phân hạng.',
    });
    expect(report.statusCode).toBe(200);
    await act(scene.commune, id, 'propose');
    await act(scene.officer, id, 'receive');
    const received = await view(scene.officer, id);
    expect(
      (await scene.officer.put(`/api/evaluation/dossiers/${id}/samples`, { revision: received.revision, samplesReceived: 5 })).statusCode,
    ).toBe(200);
    expect((await scene.officer.post(`/api/evaluation/councils/${councilId}/dossiers`, { dossierIds: [id] })).statusCode).toBe(200);
    expect((await act(scene.officer, id, 'send_to_council')).state).toBe('council_scoring');
    return id;
  }

  async function scoreBy(scorers: Client[], id: string, low: number, high: number) {
    for (const member of scorers) {
      const sheet = (await member.get(`/api/evaluation/dossiers/${id}/my-sheet`)).json() as MySheetView;
      const answers = answersScoring(sheet.content, low, high);
      const saved = await member.put(`/api/evaluation/dossiers/${id}/my-sheet`, { answers, comments: {}, revision: sheet.revision });
      expect(saved.statusCode).toBe(200);
      const submitted = await member.post(`/api/evaluation/dossiers/${id}/my-sheet/submit`, {
        revision: (saved.json() as MySheetView).revision,
      });
      expect(submitted.statusCode).toBe(200);
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    scene = await givenEvaluationScene(t);
    const rounds = (await scene.officer.post('/api/evaluation/rounds/defaults', { provinceCode: '14', year: 2026 })).json() as RoundView[];
    round = rounds.find((r) => r.level === 'province' && r.proposalsBy === '2026-10-30') as RoundView;
    await givenDocument(scene.member, scene.producer.id, 'business_licence');
    await givenDocument(scene.member, scene.producer.id, 'food_safety_certificate');
    const council = await scene.officer.post('/api/evaluation/councils', {
      roundId: round.id,
      name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Sơn La',
      establishedBy: 'Quyết định số 1234/QĐ-UBND ngày 01/08/2026',
      quorum: 3,
    });
    expect(council.statusCode).toBe(201);
    councilId = council.json().id;
    members = [];
    const seats = [
      ['chair', 'agriculture_environment'],
      ['member', 'industry_trade'],
      ['member', 'health'],
      ['member', 'science_technology'],
    ] as const;
    for (const [position, department] of seats) {
      const member = await t.as({ role: 'council_member' });
      const added = await scene.officer.post(`/api/evaluation/councils/${councilId}/members`, {
        userId: member.session.userId,
        position,
        department,
      });
      expect(added.statusCode).toBe(200);
      members.push(member);
    }
  });
  afterAll(() => t.close());

  it('lists the province’s council candidates to the officer, and to no one of another province', async () => {
    const listed = await scene.officer.get('/api/evaluation/council-candidates?provinceCode=14');
    expect(listed.statusCode).toBe(200);
    const ids = (listed.json().members as { id: string }[]).map((member) => member.id);
    for (const member of members) expect(ids).toContain(member.session.userId);
    expect((await scene.officer.get('/api/evaluation/council-candidates?provinceCode=01')).statusCode).toBe(403);
    expect((await scene.member.get('/api/evaluation/council-candidates?provinceCode=14')).statusCode).toBe(403);
  });

  it('runs a dossier from the producer to a 4★ recognition, with the documents of every step', async () => {
    await givenSelfAssessment(scene.member, scene.product.id, 'best');
    const id = await toCouncil(scene.product.id);
    const [chair, second, third, fourth] = members as unknown as [Client, Client, Client, Client];
    const conflict = await fourth.put(`/api/evaluation/dossiers/${id}/conflict`, {
      hasConflict: true,
      reason: 'Người thân làm việc tại hợp tác xã',
    });
    expect(conflict.statusCode).toBe(200);
    const barred = await fourth.put(`/api/evaluation/dossiers/${id}/my-sheet`, { answers: {}, comments: {}, revision: 0 });
    expect(barred.statusCode).toBe(409);
    expect(barred.json().code).toBe('scoring.conflict_declared');
    await scoreBy([chair, second, third], id, 75, 88);

    const scored = await act(scene.officer, id, 'close_scoring');
    expect(scored.state).toBe('scored');
    expect(scored.resultStars).toBe(4);
    expect(scored.resultTotal).toBeGreaterThanOrEqual(70);
    expect(scored.resultTotal).toBeLessThan(90);

    const decision = await scene.officer.post('/api/evaluation/decisions', {
      roundId: round.id,
      kind: 'recognition',
      number: '2150/QĐ-UBND',
      signedOn: '2026-09-01',
      dossierIds: [id],
    });
    expect(decision.statusCode).toBe(201);
    const recognised = await view(scene.member, id);
    expect(recognised).toMatchObject({ state: 'recognised', recognisedStars: 4, decision: { number: '2150/QĐ-UBND' } });

    const minutes = await scene.officer.get(`/api/evaluation/rounds/${round.id}/minutes.pdf`);
    expect(minutes.statusCode).toBe(200);
    expect(minutes.headers['content-type']).toBe('application/pdf');
    const minutesText = pdfText(minutes.rawPayload);
    expect(minutesText).toContain('BIÊN BẢN');
    expect(minutesText).toContain('Người thân làm việc tại hợp tác xã');
    expect(minutesText).toContain(scene.product.nameVi);

    const decisionPdf = pdfText((await scene.officer.get(`/api/evaluation/decisions/${decision.json().id}/decision.pdf`)).rawPayload);
    expect(decisionPdf).toContain('2150/QĐ-UBND');
    expect(decisionPdf).toContain(scene.product.nameVi);

    const letter = await scene.member.get(`/api/evaluation/dossiers/${id}/result-letter.pdf`);
    expect(letter.statusCode).toBe(200);
    expect(pdfText(letter.rawPayload)).toContain('5 sao');
    const form = pdfText((await scene.member.get(`/api/evaluation/dossiers/${id}/registration-form.pdf`)).rawPayload);
    expect(form).toContain('HTX Cà phê Chiềng An');
    const report = pdfText((await scene.commune.get(`/api/evaluation/dossiers/${id}/commune-report.pdf`)).rawPayload);
    expect(report).toContain('Bản sắc văn hóa Thái');
  });

  it('opens an upgrade on the recognised dossier: its evidence is carried over and each changed criterion asks for proof', async () => {
    const view0 = (await scene.member.get(`/api/products/${scene.product.id}/self-assessment`)).json();
    const [code, optionId] = Object.entries(view0.answers as Record<string, string>)[0] as [string, string];
    const other = (view0.content.parts as { criteria: { code: string; options: { id: string }[]; children: unknown[] }[] }[])
      .flatMap((part) => part.criteria)
      .find((criterion) => criterion.code === code)
      ?.options.find((option) => option.id !== optionId);
    if (!other) throw new Error('no other option');
    const saved = await scene.member.put(`/api/products/${scene.product.id}/self-assessment`, {
      criteriaVersionId: view0.version.id,
      revision: view0.revision,
      answers: { ...view0.answers, [code]: other.id },
    });
    expect(saved.statusCode).toBe(200);
    const opened = await scene.member.post('/api/evaluation/dossiers', { productId: scene.product.id, roundId: round.id, kind: 'upgrade' });
    expect(opened.statusCode).toBe(201);
    const upgrade = opened.json() as DossierView;
    expect(upgrade.baseDossierId).not.toBeNull();
    expect(upgrade.evidence.length).toBeGreaterThanOrEqual(2);
    expect(upgrade.checklist.find((line) => line.key === `criterion:${code}`)).toMatchObject({ present: false });
    expect(upgrade.missingDocuments).toHaveLength(1);
  });

  it('sends a dossier of 90 points or more to the ministry, whose recorded 5★ recognises it', async () => {
    const product = await givenProduct(t, scene.officer, scene.producer.id, { nameVi: 'Cà phê rang xay Chiềng An' });
    await givenSelfAssessment(scene.member, product.id, 'best');
    const id = await toCouncil(product.id);
    const [chair, second, third] = members as unknown as [Client, Client, Client];
    await scoreBy([chair, second, third], id, 91, 94);
    const scored = await act(scene.officer, id, 'close_scoring');
    expect(scored.resultTotal).toBeGreaterThanOrEqual(90);
    // The province does not recognise ≥ 90 itself: its decision approves the result and proposes it to the ministry.
    const refused = await scene.officer.post('/api/evaluation/decisions', {
      roundId: round.id,
      kind: 'recognition',
      number: '2151/QĐ-UBND',
      signedOn: '2026-09-01',
      dossierIds: [id],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('dossier.result_not_for_this_step');
    const proposal = await scene.officer.post('/api/evaluation/decisions', {
      roundId: round.id,
      kind: 'ministry_proposal',
      number: '2151/QĐ-UBND',
      signedOn: '2026-09-01',
      dossierIds: [id],
    });
    expect(proposal.statusCode).toBe(201);
    const proposed = await view(scene.officer, id);
    expect(proposed.state).toBe('proposed_to_ministry');
    const recorded = await scene.officer.post(`/api/evaluation/dossiers/${id}/ministry-result`, {
      revision: proposed.revision,
      stars: 5,
      total: 92.5,
      decisionNo: '512/QĐ-BNNMT',
      decidedOn: '2026-11-20',
    });
    expect(recorded.statusCode).toBe(200);
    expect(recorded.json()).toMatchObject({ state: 'ministry_recognised', recognisedStars: 5 });
  });
});
