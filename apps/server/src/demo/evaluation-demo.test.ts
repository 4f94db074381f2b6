import type { CertificateView } from '@ocop/contracts/certification';
import type { DossierView, RoundView } from '@ocop/contracts/dossiers';
import { DOSSIER_STATES } from '@ocop/domain/evaluation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../modules/identity';
import { type Client, type TestApp, startTestApp } from '../test-support/test-app';
import {
  DEMO_COUNCIL,
  DEMO_DOSSIERS,
  DEMO_MINISTRY_DECISION_NUMBER,
  DEMO_RECOGNITION_NUMBER,
  DEMO_ROUND_PREFIX,
  seedEvaluationDemo,
} from './evaluation-demo';
import { DEMO_GARLIC_MEMBER_LOGIN } from './inquiries-demo';
import { seedLegacyCertificatesDemo } from './legacy-certificates-demo';
import { seedDemoData } from './seed-demo';

const DAY = 86_400_000;
type Brief = { id: string; state: string; product: { name: string } };

describe('evaluation demo data', () => {
  let t: TestApp;
  let officer: Client;
  let round: RoundView;
  let seconds: number;
  let evaluationMs: number;

  const dossiersOf = async (client: Client): Promise<Brief[]> =>
    (await client.get(`/api/evaluation/dossiers?roundId=${round.id}&pageSize=100`)).json().items;
  const byState = async (state: string) => {
    const brief = (await dossiersOf(officer)).find((item) => item.state === state) as Brief;
    return (await officer.get(`/api/evaluation/dossiers/${brief.id}`)).json() as DossierView;
  };

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.advance(280 * DAY); // 2026-12-07: QĐ 26/2026 is in force, as on the demo's first start
    const started = performance.now();
    evaluationMs = (await seedDemoData(t.modules)).evaluationMs;
    seconds = (performance.now() - started) / 1000;
    officer = await t.as({ role: 'province_officer' });
    const rounds: RoundView[] = (await officer.get('/api/evaluation/rounds?provinceCode=14')).json();
    round = rounds.find((item) => item.name.startsWith(DEMO_ROUND_PREFIX)) as RoundView;
  }, 120_000);
  afterAll(() => t.close());

  it('opens one extra round of Sơn La, still open for filing, with one dossier in every state of the lifecycle', async () => {
    console.info(`demo seed: ${seconds.toFixed(1)} s in all, of which the evaluation ${(evaluationMs / 1000).toFixed(1)} s`);
    expect(round).toMatchObject({ name: 'Đợt đánh giá bổ sung (demo) năm 2026', kind: 'extra', level: 'province' });
    expect(round.proposalsBy > '2026-12-07').toBe(true);
    const items = await dossiersOf(officer);
    expect(items.map((item) => item.state).sort()).toEqual([...DOSSIER_STATES].sort());
    expect(new Set(items.map((item) => item.product.name)).size).toBe(DEMO_DOSSIERS.length);
    for (const spared of ['Chè Shan tuyết Tà Xùa', 'Bạch trà mây Tà Xùa', 'Cà phê bột nguyên chất Bích Thao'])
      expect(items.some((item) => item.product.name.includes(spared))).toBe(false);
  });

  it('seats a council of five, chaired by the demo council member', async () => {
    const councils: { id: string }[] = (await officer.get(`/api/evaluation/councils?roundId=${round.id}`)).json().items;
    expect(councils).toHaveLength(1);
    const council = (await officer.get(`/api/evaluation/councils/${councils[0]?.id}`)).json();
    expect(council.members).toHaveLength(5);
    const chair = council.members.find((member: { position: string }) => member.position === 'chair');
    expect(chair.fullName).toBe(DEMO_COUNCIL[0]?.fullName);
    expect(new Set(council.members.map((member: { department: string }) => member.department)).size).toBe(5);
  });

  it('recognises 4★ by a decision, refuses 2★, and records the ministry’s 5★', async () => {
    const recognised = await byState('recognised');
    expect(recognised).toMatchObject({ recognisedStars: 4, decision: { number: DEMO_RECOGNITION_NUMBER } });
    const refused = await byState('not_recognised');
    expect(refused.resultStars).toBe(2);
    const proposed = await byState('proposed_to_ministry');
    expect(proposed.resultTotal).toBeGreaterThanOrEqual(90);
    const ministry = await byState('ministry_recognised');
    expect(ministry.recognisedStars).toBe(5);
    expect(JSON.stringify(ministry)).toContain(DEMO_MINISTRY_DECISION_NUMBER);
  });

  it('has the certificates the decisions issued: 4★ by the province, 5★ by the ministry, both valid', async () => {
    const page = (await officer.get('/api/certificates?pageSize=100')).json() as { items: CertificateView[] };
    const byDecision = (number: string) => page.items.find((item) => item.decisionNumber === number);
    expect(byDecision(DEMO_RECOGNITION_NUMBER)).toMatchObject({ stars: 4, status: 'valid', issuer: { level: 'province' } });
    expect(byDecision(DEMO_MINISTRY_DECISION_NUMBER)).toMatchObject({
      stars: 5,
      status: 'valid',
      issuer: { level: 'ministry', name: 'Bộ Nông nghiệp và Môi trường' },
    });
  });

  it('seals every submitted sheet; the chair still has the dossier in scoring to score, a member declared a conflict', async () => {
    const seals = await t.modules.evaluation.scoring.verifySheets();
    expect(seals.broken).toEqual([]);
    expect(seals.sealedSheets).toBe(2 + 5 * 5);
    const scoring = await byState('council_scoring');
    const chair = t.client(await t.login(DEMO_COUNCIL[0]?.login as string, DEMO_PASSWORD));
    const mine = await chair.get(`/api/evaluation/dossiers/${scoring.id}/my-sheet`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().canEdit).toBe(true);
    const fifth = t.client(await t.login(DEMO_COUNCIL[4]?.login as string, DEMO_PASSWORD));
    expect((await fifth.get(`/api/evaluation/dossiers/${scoring.id}/my-sheet`)).json().canEdit).toBe(false);
  });

  it('shows each commune officer only the dossiers of their commune', async () => {
    const chiengAn = t.client(await t.login('xa.chiengan@ocop.demo', DEMO_PASSWORD));
    const states = (await dossiersOf(chiengAn)).map((item) => item.state).sort();
    expect(states).toEqual(['returned_by_commune', 'submitted']);
  });

  it('imports three certificates issued before the system: Mộc Châu’s still valid, the province’s expired, Yên Châu’s expiring', async () => {
    const legacy = ((await officer.get('/api/certificates?q=-DEMO&pageSize=50')).json().items as CertificateView[]).filter(
      (item) => item.source === 'legacy',
    );
    const byNumber = new Map(legacy.map((item) => [item.number, item]));
    expect(byNumber.get('0125/GCN-UBND-MC-DEMO')).toMatchObject({
      stars: 3,
      regimeCode: '148/2023',
      status: 'valid',
      issuer: { level: 'district', name: 'Ủy ban nhân dân huyện Mộc Châu', unitCode: '123' },
      legacyDistrictName: 'Huyện Mộc Châu',
    });
    expect(byNumber.get('0311/GCN-UBND-SL-DEMO')).toMatchObject({
      stars: 4,
      regimeCode: '1048/2019',
      status: 'expired',
      issuer: { level: 'province', name: 'Ủy ban nhân dân tỉnh Sơn La' },
    });
    const yenChau = byNumber.get('0207/GCN-UBND-YC-DEMO');
    expect(yenChau).toMatchObject({ status: 'expiring', issuer: { level: 'district', name: 'Ủy ban nhân dân huyện Yên Châu' } });
    expect(yenChau?.daysLeft).toBeLessThan(183);
    expect(await seedLegacyCertificatesDemo(t.modules)).toEqual({ created: 0 });
  });

  it('adds nothing when the seed runs again', async () => {
    const before = (await dossiersOf(officer)).length;
    const again = await seedDemoData(t.modules);
    expect(again.users).toEqual([]);
    expect(await seedEvaluationDemo(t.modules, { producerIds: new Map() })).toEqual({ created: false, dossiers: 0 });
    expect((await dossiersOf(officer)).length).toBe(before);
    const rounds: RoundView[] = (await officer.get('/api/evaluation/rounds?provinceCode=14')).json();
    expect(rounds.filter((item) => item.name.startsWith(DEMO_ROUND_PREFIX))).toHaveLength(1);
  });

  it('gives the black garlic cooperative’s member two buyers’ inquiries in its inbox, seeded once', async () => {
    await seedDemoData(t.modules);
    const member = t.client(await t.login(DEMO_GARLIC_MEMBER_LOGIN, DEMO_PASSWORD));
    const inbox = (await member.get('/api/inquiries')).json() as { items: { productName: string | null }[]; unread: number };
    expect(inbox.unread).toBe(2);
    expect(inbox.items.map((item) => item.productName ?? '-').sort()).toEqual(['(Demo) Tỏi đen Yên Châu', '-'].sort());
    const notices = (await member.get('/api/notifications')).json() as { items: { kind: string }[] };
    expect(notices.items.filter((item) => item.kind === 'inquiry.received')).toHaveLength(2);
  });
});
