import type { DossierView, RoundView } from '@ocop/contracts/dossiers';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenDocument, givenEvaluationScene, givenSelfAssessment } from '../../../test-support/evaluation-builders';
import { givenProducer, givenProduct } from '../../../test-support/registry-builders';
import { type Client, type TestApp, startTestApp } from '../../../test-support/test-app';

type Scene = Awaited<ReturnType<typeof givenEvaluationScene>>;

describe('evaluation dossiers through the process of QĐ 26/2026', () => {
  let t: TestApp;
  let scene: Scene;
  let round: RoundView;
  let dossier: DossierView;

  const step = (client: Client, action: string, extra: Record<string, unknown> = {}) =>
    client.post(`/api/evaluation/dossiers/${dossier.id}/transitions`, { action, revision: dossier.revision, ...extra });
  const reload = async (client: Client) => {
    dossier = (await client.get(`/api/evaluation/dossiers/${dossier.id}`)).json();
    return dossier;
  };
  const rowCount = async (table: string) =>
    Number(
      ((await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] }).rows[0]
        ?.n,
    );

  beforeAll(async () => {
    t = await startTestApp();
    scene = await givenEvaluationScene(t);
  });
  afterAll(() => t.close());

  it('opens the year’s Art. 5 rounds once: two of the province (30/4 → 30/6, 30/10 → 30/12) and two of the ministry', async () => {
    const opened = await scene.officer.post('/api/evaluation/rounds/defaults', { provinceCode: '14', year: 2026 });
    expect(opened.statusCode).toBe(200);
    const rounds = opened.json() as RoundView[];
    expect(rounds.filter((r) => r.level === 'province').map((r) => [r.name, r.proposalsBy, r.resultsBy])).toEqual([
      ['Đợt 1 năm 2026', '2026-04-30', '2026-06-30'],
      ['Đợt 2 năm 2026', '2026-10-30', '2026-12-30'],
    ]);
    expect(rounds.filter((r) => r.level === 'ministry')).toHaveLength(2);
    expect((await scene.officer.post('/api/evaluation/rounds/defaults', { provinceCode: '14', year: 2026 })).json()).toEqual([]);
    round = rounds.find((r) => r.proposalsBy === '2026-10-30') as RoundView;
  });

  it('refuses a round whose results come before its proposals, and a producer opening rounds', async () => {
    const bad = await scene.officer.post('/api/evaluation/rounds', {
      provinceCode: '14',
      year: 2026,
      proposalsBy: '2026-11-30',
      resultsBy: '2026-11-01',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('round.dates_invalid');
    expect((await scene.member.post('/api/evaluation/rounds/defaults', { provinceCode: '14', year: 2027 })).statusCode).toBe(403);
  });

  it('opens a first-evaluation dossier with the registry’s documents already offered as evidence', async () => {
    await givenDocument(scene.member, scene.producer.id, 'business_licence');
    const opened = await scene.member.post('/api/evaluation/dossiers', { productId: scene.product.id, roundId: round.id, kind: 'first' });
    expect(opened.statusCode).toBe(201);
    dossier = opened.json();
    expect(dossier).toMatchObject({ state: 'draft', kind: 'first', regimeCode: '26/2026', samplesRequired: 5 });
    expect(dossier.checklist.map((line) => [line.key, line.present])).toEqual([
      ['giay-dang-ky-kinh-doanh', true],
      ['giay-chung-nhan-du-dieu-kien', false],
    ]);
    const again = await scene.member.post('/api/evaluation/dossiers', { productId: scene.product.id, roundId: round.id, kind: 'first' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('dossier.open_exists');
  });

  it('refuses submitting while documents are missing, naming them, and changes nothing', async () => {
    await givenSelfAssessment(scene.member, scene.product.id);
    const refused = await step(scene.member, 'submit');
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'dossier.documents_missing' });
    expect(refused.json().detail).toContain('Giấy chứng nhận cơ sở đủ điều kiện sản xuất');
    expect((await reload(scene.member)).state).toBe('draft');
  });

  it('submits once the checklist is complete, freezing the self-assessment and Mẫu 01 from the registry', async () => {
    const certificate = await givenDocument(scene.member, scene.producer.id, 'food_safety_certificate');
    const added = await scene.member.post(`/api/evaluation/dossiers/${dossier.id}/evidence`, { documentId: certificate.id });
    expect(added.statusCode).toBe(200);
    dossier = added.json();
    expect(dossier.missingDocuments).toEqual([]);
    const saved = await scene.member.put(`/api/evaluation/dossiers/${dossier.id}/registration`, {
      revision: dossier.revision,
      registration: { annualOutput: '12 tấn', markets: 'Hà Nội, Sơn La' },
    });
    expect(saved.statusCode).toBe(200);
    dossier = saved.json();
    const submitted = await step(scene.member, 'submit');
    expect(submitted.statusCode).toBe(200);
    dossier = submitted.json();
    expect(dossier.state).toBe('submitted');
    expect(dossier.submittedOn).toBe('2026-09-01');
    expect(dossier.selfAssessment?.total).toBeGreaterThan(90);
    expect(dossier.registration).toMatchObject({
      producerName: 'HTX Cà phê Chiềng An',
      annualOutput: '12 tấn',
      communeName: 'Phường Chiềng An',
    });
    expect(dossier.communeClock).toMatchObject({ receivedOn: '2026-09-01', allowed: 15, dueOn: '2026-09-22', overdue: false });
    // The producer edits nothing once submitted.
    const late = await scene.member.put(`/api/evaluation/dossiers/${dossier.id}/registration`, {
      revision: dossier.revision,
      registration: {},
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('dossier.not_editable');
  });

  it('counts the commune’s 15 working days past the province’s holidays (2 September)', async () => {
    const set = await scene.officer.put('/api/evaluation/holidays', {
      provinceCode: '14',
      year: 2026,
      holidays: [
        { day: '2026-09-01', name: 'Quốc khánh' },
        { day: '2026-09-02', name: 'Quốc khánh' },
      ],
    });
    expect(set.statusCode).toBe(200);
    expect((await reload(scene.commune)).communeClock).toMatchObject({ dueOn: '2026-09-23' });
  });

  it('hides the dossier from the commune officer of another commune (404), who cannot propose it', async () => {
    const other = await t.as({ role: 'commune_officer', communeCode: '03868' });
    expect((await other.get(`/api/evaluation/dossiers/${dossier.id}`)).statusCode).toBe(404);
    const proposed = await other.post(`/api/evaluation/dossiers/${dossier.id}/transitions`, {
      action: 'propose',
      revision: dossier.revision,
    });
    expect(proposed.statusCode).toBe(404);
    expect((await reload(scene.commune)).state).toBe('submitted');
  });

  it('lets the commune propose only with the Mẫu 03 report', async () => {
    const early = await step(scene.commune, 'propose');
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('dossier.commune_report_missing');
    const report = await scene.commune.put(`/api/evaluation/dossiers/${dossier.id}/commune-report`, {
      revision: dossier.revision,
      rawMaterialOrigin: 'Cà phê trồng tại các bản của phường, 100% nguyên liệu địa phương.',
      localLabour: '25 lao động là người địa phương.',
      ideaOrigin: 'Ý tưởng của hợp tác xã từ năm 2016.',
      localIdentity: 'Giống Catimor trồng trên đất đỏ bazan, chế biến ướt truyền thống.',
      conclusion: 'Đủ điều kiện đề nghị tỉnh đánh giá, phân hạng.',
    });
    expect(report.statusCode).toBe(200);
    dossier = report.json();
    expect(dossier.communeReport).toMatchObject({ reportedOn: '2026-09-01' });
    const proposed = await step(scene.commune, 'propose');
    expect(proposed.statusCode).toBe(200);
    dossier = proposed.json();
    expect(dossier).toMatchObject({ state: 'proposed', proposedOn: '2026-09-01', communeClock: null });
  });

  it('gives two officers moving the dossier at once one success and one 409, and records one step', async () => {
    const second = await t.as({ role: 'province_officer' });
    const [a, b] = await Promise.all([step(scene.officer, 'receive'), step(second, 'receive')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)?.json().code).toMatch(/dossier\.(changed_concurrently|action_not_allowed)/);
    dossier = await reload(scene.officer);
    expect(dossier.state).toBe('received');
    expect(dossier.history.filter((entry) => entry.action === 'receive')).toHaveLength(1);
  });

  it('sends to the council only with a council and the five samples', async () => {
    const noCouncil = await step(scene.officer, 'send_to_council');
    expect(noCouncil.json().code).toBe('dossier.council_not_assigned');
    await t.database.db.execute(sql`
      insert into councils (id, province_code, round_id, name, created_at)
      values ('7d1c2f0e-0000-4000-8000-000000000001', '14', ${round.id}, 'Hội đồng tỉnh Sơn La', now())`);
    await t.database.db.execute(sql`update dossiers set council_id = '7d1c2f0e-0000-4000-8000-000000000001' where id = ${dossier.id}`);
    await reload(scene.officer);
    const noSamples = await step(scene.officer, 'send_to_council');
    expect(noSamples.statusCode).toBe(422);
    expect(noSamples.json()).toMatchObject({ code: 'dossier.samples_missing', details: { samplesReceived: 0, samplesRequired: 5 } });
    dossier = (
      await scene.officer.put(`/api/evaluation/dossiers/${dossier.id}/samples`, { revision: dossier.revision, samplesReceived: 5 })
    ).json();
    const sent = await step(scene.officer, 'send_to_council');
    expect(sent.statusCode).toBe(200);
    expect(sent.json().state).toBe('council_scoring');
  });

  it('shows the board by round and state with counts, and only one’s own dossiers to a producer', async () => {
    const board = await scene.officer.get(`/api/evaluation/dossiers?roundId=${round.id}`);
    expect(board.statusCode).toBe(200);
    expect(board.json()).toMatchObject({ total: 1, counts: { council_scoring: 1 } });
    const outsider = await givenProducer(scene.officer, { name: 'HTX Mận Mộc Châu' });
    const stranger = await t.as({ role: 'producer_member', producerId: outsider.id });
    expect((await stranger.get('/api/evaluation/dossiers')).json()).toMatchObject({ total: 0, items: [] });
    expect((await stranger.get(`/api/evaluation/dossiers/${dossier.id}`)).statusCode).toBe(404);
    // A council member sees only the dossiers of councils they sit on.
    const council = await t.as({ role: 'council_member' });
    expect((await council.get('/api/evaluation/dossiers')).json().total).toBe(0);
  });

  it('writes an audit entry and a transition for every step', async () => {
    dossier = await reload(scene.officer);
    expect(dossier.history.map((entry) => entry.action)).toEqual(['submit', 'propose', 'receive', 'send_to_council']);
    expect(dossier.history[0]?.actorName).toContain('producer_member');
    expect(await rowCount(`audit_entries where entity_id = '${dossier.id}' and action like 'dossier.%'`)).toBeGreaterThanOrEqual(8);
  });

  it('refuses recognising outside a decision, and a decision with a number the province used', async () => {
    const refused = await step(scene.officer, 'recognise');
    expect(refused.json().code).toBe('dossier.decision_missing');
  });
});

describe('re-evaluation and upgrade dossiers', () => {
  let t: TestApp;
  let scene: Scene;
  let roundId: string;

  beforeAll(async () => {
    t = await startTestApp();
    scene = await givenEvaluationScene(t);
    const rounds = (await scene.officer.post('/api/evaluation/rounds/defaults', { provinceCode: '14', year: 2026 })).json() as RoundView[];
    roundId = (rounds.find((r) => r.proposalsBy === '2026-10-30') as RoundView).id;
  });
  afterAll(() => t.close());

  it('refuses a re-evaluation before its window (180 to 120 days before expiry) with the days it may be filed, and stores nothing', async () => {
    const early = await scene.member.post('/api/evaluation/dossiers', {
      productId: scene.product.id,
      roundId,
      kind: 're_evaluation',
      certificateExpiresOn: '2027-12-31',
    });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'dossier.re_evaluation_too_early', details: { from: '2027-07-04', to: '2027-09-02' } });
    expect(early.json().detail).toContain('2027-07-04');
    expect((await scene.officer.get('/api/evaluation/dossiers')).json().total).toBe(0);
  });

  it('refuses a re-evaluation of a lapsed certificate, and marks a late one for the Art. 12.3 extension', async () => {
    const lapsed = await scene.member.post('/api/evaluation/dossiers', {
      productId: scene.product.id,
      roundId,
      kind: 're_evaluation',
      certificateExpiresOn: '2026-08-01',
    });
    expect(lapsed.json().code).toBe('dossier.re_evaluation_lapsed');
    const late = await scene.member.post('/api/evaluation/dossiers', {
      productId: scene.product.id,
      roundId,
      kind: 're_evaluation',
      certificateExpiresOn: '2026-10-15',
    });
    expect(late.statusCode).toBe(201);
    expect(late.json()).toMatchObject({ kind: 're_evaluation', lateFiling: true });
    expect(late.json().checklist.map((line: { key: string }) => line.key)).toContain('kiem-nghiem');
  });

  it('refuses an upgrade without a recognised dossier or certificate', async () => {
    const officer = scene.officer;
    const producer = await givenProducer(officer, { name: 'HTX Mơ Mộc Châu', communeCode: '03664', legacyCommuneCode: null });
    const product = await givenProduct(t, officer, producer.id, { nameVi: 'Mơ muối' });
    const member = await t.as({ role: 'producer_member', producerId: producer.id });
    const upgrade = await member.post('/api/evaluation/dossiers', { productId: product.id, roundId, kind: 'upgrade' });
    expect(upgrade.statusCode).toBe(422);
    expect(upgrade.json().code).toBe('dossier.base_required');
  });
});
