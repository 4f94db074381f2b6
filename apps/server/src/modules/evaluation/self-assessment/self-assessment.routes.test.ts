import type { SelfAssessmentView } from '@ocop/contracts/evaluation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersOf } from '../../../test-support/evaluation-builders';
import { givenProducer, givenProduct, productSetId } from '../../../test-support/registry-builders';
import { type Client, type TestApp, startTestApp } from '../../../test-support/test-app';

const DAY = 86_400_000;

const extremeAnswers = answersOf;

describe('self-assessment routes', () => {
  let t: TestApp;
  let officer: Client;
  let member: Client;
  let otherMember: Client;
  let communeOfficer: Client;
  let council: Client;
  let productId: string;
  let otherProductId: string;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as({ role: 'province_officer' });
    const producer = await givenProducer(officer, { name: 'HTX Chè Tà Xùa' });
    const other = await givenProducer(officer, { name: 'HTX Mận Mộc Châu' });
    // Made under the QĐ 148 classification (the test clock starts on 2026-03-02) ...
    productId = (await givenProduct(t, officer, producer.id, { nameVi: 'Chè Shan tuyết Tà Xùa' })).id;
    otherProductId = (await givenProduct(t, officer, other.id, { nameVi: 'Chè búp' })).id;
    // ... and self-assessed after QĐ 26/2026 took effect: the 148 set maps to its 26/2026 successor.
    t.clock.advance(276 * DAY); // 2026-12-03; sessions of March have expired, so everyone signs in now
    officer = await t.as({ role: 'province_officer' });
    member = await t.as({ role: 'producer_member', producerId: producer.id });
    otherMember = await t.as({ role: 'producer_member', producerId: other.id });
    communeOfficer = await t.as({ role: 'commune_officer', communeCode: producer.communeCode });
    council = await t.as({ role: 'council_member' });
  });
  afterAll(() => t.close());

  it('lists the three regimes with their numbers as data, 26/2026 in force with its 26 published sheets', async () => {
    const regimes = (await member.get('/api/evaluation/regimes')).json();
    expect(regimes.map((regime: { code: string }) => regime.code)).toEqual(['26/2026', '148/2023', '1048/2019']);
    const [current, old148, old1048] = regimes;
    expect(current).toMatchObject({
      inForce: true,
      publishedSets: 26,
      certificateValidityMonths: 36,
      reEvaluationFiling: { earliestDaysBeforeExpiry: 180, latestDaysBeforeExpiry: 120 },
      starsWithoutDecision: [1, 2],
    });
    expect(current.parts.map((part: { maxPoints: number }) => part.maxPoints)).toEqual([40, 25, 35]);
    expect(current.evidence).toHaveLength(15);
    expect(old148).toMatchObject({ inForce: false, publishedSets: 0, effectiveTo: '2026-07-20' });
    expect(old1048.parts.map((part: { maxPoints: number }) => part.maxPoints)).toEqual([35, 25, 40]);
    expect(old1048.publishedSets).toBe(25);
  });

  it('shows a regime’s sheets and one version with running part totals and no validator issues', async () => {
    const sets = (await officer.get(`/api/evaluation/regimes/${encodeURIComponent('26/2026')}/sets`)).json();
    expect(sets.items).toHaveLength(26);
    const tea = sets.items.find((item: { productSetCode: string }) => item.productSetCode === '1.5.1');
    expect(tea).toMatchObject({ name: 'Chè tươi, chè chế biến', version: 1, status: 'published', source: 'reference' });
    expect(tea.partTotals).toEqual([
      { code: 'A', maxPoints: 40, sum: 40 },
      { code: 'B', maxPoints: 25, sum: 25 },
      { code: 'C', maxPoints: 35, sum: 35 },
    ]);
    const version = (await officer.get(`/api/evaluation/criteria-versions/${tea.id}`)).json();
    expect(version.issues).toEqual([]);
    expect(version.content.parts[0].criteria[0].children[0].evidence).toEqual(['nguon-goc-nguyen-lieu']);
    const legacy = (await officer.get(`/api/evaluation/regimes/${encodeURIComponent('1048/2019')}/sets`)).json();
    const withIssues = await Promise.all(
      legacy.items.map(
        async (item: { id: string }) => (await officer.get(`/api/evaluation/criteria-versions/${item.id}`)).json().issues.length,
      ),
    );
    expect(withIssues.filter((count: number) => count > 0).length).toBeGreaterThanOrEqual(3);
  });

  it('starts empty, saves every change as a draft, and projects stars with the plan to the next one', async () => {
    const first = (await member.get(`/api/products/${productId}/self-assessment`)).json() as SelfAssessmentView;
    expect(first).toMatchObject({
      product: { name: 'Chè Shan tuyết Tà Xùa', producerName: 'HTX Chè Tà Xùa', productSet: { versionCode: 'qd148-2023', code: '1.5.1' } },
      regime: { code: '26/2026', docNo: '26/2026/QĐ-TTg' },
      version: { productSetCode: '1.5.1', status: 'published' },
      revision: 0,
      canEdit: true,
      score: { total: 0, maxPoints: 100, stars: 1 },
    });
    expect(first.plan?.target).toBe(2);

    const worst = extremeAnswers(first, 'worst');
    const saved = await member.put(`/api/products/${productId}/self-assessment`, {
      criteriaVersionId: first.version.id,
      answers: worst,
    });
    expect(saved.statusCode).toBe(200);
    const afterWorst = saved.json() as SelfAssessmentView;
    expect(afterWorst.revision).toBe(1);

    // Follow the plan to 3★, then ask for the plan to 4★.
    const to3 = (await member.get(`/api/products/${productId}/self-assessment?target=3`)).json() as SelfAssessmentView;
    expect(to3.plan).toMatchObject({ target: 3, reachable: true });
    const answers3 = { ...worst, ...Object.fromEntries((to3.plan?.steps ?? []).map((step) => [step.criterionCode, step.neededOptionId])) };
    const at3 = (
      await member.put(`/api/products/${productId}/self-assessment`, {
        criteriaVersionId: first.version.id,
        answers: answers3,
        revision: 1,
      })
    ).json() as SelfAssessmentView;
    expect(at3.score.stars).toBe(3);
    expect(at3.plan?.target).toBe(4);
    const step = at3.plan?.steps[0];
    expect(step).toMatchObject({
      label: expect.any(String),
      neededLabel: expect.any(String),
      reason: expect.stringMatching(/^(minimum|band)$/),
    });
    expect(at3.plan?.steps.some((candidate) => candidate.evidence.length > 0)).toBe(true);
    const answers4 = { ...answers3, ...Object.fromEntries((at3.plan?.steps ?? []).map((s) => [s.criterionCode, s.neededOptionId])) };
    const at4 = (
      await member.put(`/api/products/${productId}/self-assessment`, {
        criteriaVersionId: first.version.id,
        answers: answers4,
        revision: 2,
      })
    ).json() as SelfAssessmentView;
    expect(at4.score.stars).toBe(4);
    expect(at4.score.total).toBeGreaterThanOrEqual(70);

    const admin = await t.as({ role: 'province_admin' });
    const entries = (await admin.get(`/api/audit-entries?entityType=product&entityId=${productId}`)).json().items as { action: string }[];
    expect(entries.filter((entry) => entry.action === 'self_assessment.saved')).toHaveLength(3);
  });

  it('lets the commune officer of its place and the province read it, read-only; the council and other producers get 404', async () => {
    const asCommune = await communeOfficer.get(`/api/products/${productId}/self-assessment`);
    expect(asCommune.statusCode).toBe(200);
    expect(asCommune.json().canEdit).toBe(false);
    expect((await officer.get(`/api/products/${productId}/self-assessment`)).json().canEdit).toBe(false);
    const refusedWrite = await officer.put(`/api/products/${productId}/self-assessment`, {
      criteriaVersionId: asCommune.json().version.id,
      answers: {},
    });
    expect(refusedWrite.statusCode).toBe(403);
    expect((await council.get(`/api/products/${productId}/self-assessment`)).statusCode).toBe(403);
    const foreign = await otherMember.get(`/api/products/${productId}/self-assessment`);
    expect(foreign.statusCode).toBe(404);
    const foreignWrite = await otherMember.put(`/api/products/${productId}/self-assessment`, {
      criteriaVersionId: asCommune.json().version.id,
      answers: {},
    });
    expect(foreignWrite.statusCode).toBe(404);
    expect(foreignWrite.json().code).toBe('product.not_found');
    expect((await otherMember.get(`/api/products/${otherProductId}/self-assessment`)).statusCode).toBe(200);
  });

  it('refuses bad answers in Vietnamese and changes nothing', async () => {
    const view = (await member.get(`/api/products/${productId}/self-assessment`)).json() as SelfAssessmentView;
    const put = (body: Record<string, unknown>) =>
      member.put(`/api/products/${productId}/self-assessment`, body, { 'accept-language': 'vi' });

    const foreignOption = await put({ criteriaVersionId: view.version.id, answers: { '1.1': '1.2/1' }, revision: view.revision });
    expect(foreignOption.statusCode).toBe(422);
    expect(foreignOption.json()).toMatchObject({
      code: 'evaluation.option_not_of_criterion',
      detail: 'Phương án 1.2/1 không thuộc tiêu chí 1.1.',
    });

    const unknown = await put({ criteriaVersionId: view.version.id, answers: { '99.9': '99.9/1' }, revision: view.revision });
    expect(unknown.json().code).toBe('evaluation.unknown_criterion');

    const legacySheets = (await member.get(`/api/evaluation/regimes/${encodeURIComponent('1048/2019')}/sets`)).json();
    const otherVersion = await put({ criteriaVersionId: legacySheets.items[0].id, answers: {}, revision: view.revision });
    expect(otherVersion.statusCode).toBe(409);
    expect(otherVersion.json().code).toBe('self_assessment.other_version');

    const stale = await put({ criteriaVersionId: view.version.id, answers: {}, revision: view.revision - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('self_assessment.stale_revision');

    const tooMany = await put({
      criteriaVersionId: view.version.id,
      answers: Object.fromEntries(Array.from({ length: 401 }, (_, index) => [`${index}`, 'x'])),
      revision: view.revision,
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().code).toBe('request.invalid');

    const after = (await member.get(`/api/products/${productId}/self-assessment`)).json() as SelfAssessmentView;
    expect(after.revision).toBe(view.revision);
    expect(after.answers).toEqual(view.answers);
  });

  it('answers 404 for a product that does not exist and for a set without a sheet before 26/2026', async () => {
    expect((await member.get('/api/products/00000000-0000-4000-8000-000000000000/self-assessment')).statusCode).toBe(404);
    expect(await productSetId(t, '1.5.1')).toEqual(expect.any(String));
  });
});
