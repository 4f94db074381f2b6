import type { Answers, DossierState, PreparedSheet } from '@ocop/domain/evaluation';
import { DomainError, type RoleGrant } from '@ocop/domain/shared';
import type { OcopApp } from '../app';
import { type AuditContext, DEMO_PROVINCE, type DemoUser } from '../modules/identity';
import { PdfWriter } from '../platform/pdf/pdf-document';
import { DEMO_BICH_THAO_KEY, DEMO_PRODUCER_MEMBER_LOGIN, demoName } from './registry-demo';

/**
 * The demo of the evaluation process (QĐ 26/2026 Art. 7): one extra round of Sơn La, a council of
 * five, and one dossier of a different demo product in every state of the lifecycle. Every step is
 * taken through the evaluation services as the demo user whose step it is (producer, commune
 * officer, OCOP office, council members), so the audit, the history, the notices and the seals of
 * the score sheets are the real ones. Idempotent: nothing is done when the demo round exists.
 * The products the browser journeys file themselves (the two Tà Xùa teas, the Bích Thao ground
 * coffee) get no dossier here.
 */

export const DEMO_ROUND_PREFIX = 'Đợt đánh giá bổ sung (demo)';
export const demoRoundName = (year: number) => `${DEMO_ROUND_PREFIX} năm ${year}`;
export const DEMO_COUNCIL_NAME = '(Demo) Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Sơn La – đợt bổ sung';
export const DEMO_RECOGNITION_NUMBER = '2150/QĐ-UBND (demo)';
export const DEMO_MINISTRY_PROPOSAL_NUMBER = '2151/QĐ-UBND (demo)';
export const DEMO_MINISTRY_DECISION_NUMBER = '512/QĐ-BNNMT (demo)';

const OFFICE_LOGIN = 'vanphong.sonla@ocop.demo';

type Department = 'agriculture_environment' | 'industry_trade' | 'health' | 'science_technology' | 'culture_sports_tourism';

/** The council of five: the existing demo council member chairs it; four more from the provincial departments. */
export const DEMO_COUNCIL: readonly { login: string; fullName: string; department: Department }[] = [
  { login: 'hoidong.sonla@ocop.demo', fullName: '(Demo) Thành viên Hội đồng tỉnh', department: 'agriculture_environment' },
  { login: 'hoidong2.sonla@ocop.demo', fullName: '(Demo) Ủy viên Hội đồng – Sở Công Thương', department: 'industry_trade' },
  { login: 'hoidong3.sonla@ocop.demo', fullName: '(Demo) Ủy viên Hội đồng – Sở Y tế', department: 'health' },
  { login: 'hoidong4.sonla@ocop.demo', fullName: '(Demo) Ủy viên Hội đồng – Sở Khoa học và Công nghệ', department: 'science_technology' },
  {
    login: 'hoidong5.sonla@ocop.demo',
    fullName: '(Demo) Ủy viên Hội đồng – Sở Văn hóa, Thể thao và Du lịch',
    department: 'culture_sports_tourism',
  },
];

/** Commune officers of the communes the dossiers sit in (Phường Chiềng An's is a base demo user). */
export const DEMO_COMMUNE_OFFICERS: readonly { login: string; fullName: string; communeCode: string }[] = [
  { login: 'xa.chiengan@ocop.demo', fullName: '(Demo) Cán bộ Phường Chiềng An', communeCode: '03664' },
  { login: 'xa.mocson@ocop.demo', fullName: '(Demo) Cán bộ Phường Mộc Sơn', communeCode: '03979' },
  { login: 'xa.yenchau@ocop.demo', fullName: '(Demo) Cán bộ Xã Yên Châu', communeCode: '04075' },
  { login: 'xa.maison@ocop.demo', fullName: '(Demo) Cán bộ Xã Mai Sơn', communeCode: '04105' },
  { login: 'xa.chiengson@ocop.demo', fullName: '(Demo) Cán bộ Xã Chiềng Sơn', communeCode: '03985' },
  { login: 'xa.ngocchien@ocop.demo', fullName: '(Demo) Cán bộ Xã Ngọc Chiến', communeCode: '03820' },
];

/** The users the evaluation demo adds to the base demo users (council members 2–5, commune officers but Chiềng An's). */
export const DEMO_EVALUATION_USERS: readonly DemoUser[] = [
  ...DEMO_COUNCIL.slice(1).map((seat) => ({ login: seat.login, fullName: seat.fullName, role: 'council_member' as const })),
  ...DEMO_COMMUNE_OFFICERS.slice(1).map((officer) => ({
    login: officer.login,
    fullName: officer.fullName,
    role: 'commune_officer' as const,
    communeCode: officer.communeCode,
  })),
];

/** Score windows [low, high) of the five members (chair first) for a result; null: that member does not score. */
type Windows = readonly ([number, number] | null)[];

/** Five members' windows near [low, high): each a few points above the previous, so the sheets differ a little. */
const around = (low: number, high: number): Windows => [0, 1, 2, 1, 3].map((shift) => [low + shift, high + shift] as [number, number]);

type DemoDossier = {
  state: DossierState;
  producerKey: string;
  product: string;
  /** The producer's own self-assessment window. */
  self: [number, number];
  /** The council's sheets (from council_scoring on), and the star level whose minima the answers keep. */
  sheets?: { windows: Windows; keep: number };
};

/** One dossier per state, each of a different product; the commune of each has a demo commune officer. */
export const DEMO_DOSSIERS: readonly DemoDossier[] = [
  { state: 'draft', producerKey: DEMO_BICH_THAO_KEY, product: 'Trà cascara Bích Thao', self: [62, 68] },
  { state: 'submitted', producerKey: 'chieng-xom', product: 'Rau cải mèo Chiềng An', self: [55, 62] },
  { state: 'returned_by_commune', producerKey: 'chieng-xom', product: 'Mắc khén rừng Chiềng Xôm', self: [64, 69] },
  { state: 'proposed', producerKey: 'tu-nhien', product: 'Cà chua an toàn Mộc Châu', self: [70, 76] },
  { state: 'received', producerKey: 'tu-nhien', product: 'Khoai tây Mộc Châu', self: [58, 64] },
  { state: 'returned_for_completion', producerKey: 'tay-bac-garlic', product: 'Xoài tròn Yên Châu', self: [66, 72] },
  { state: 'advisory_review', producerKey: 'thanh-long', product: 'Rượu cao sâm Ngọc Linh', self: [72, 78] },
  {
    state: 'council_scoring',
    producerKey: 'cuong-hoa',
    product: 'Xoài sấy dẻo Cường Hoa',
    self: [74, 80],
    // Two members have submitted; the chair and one member have not yet; the fifth declared a conflict.
    sheets: { windows: around(72, 76).map((window, index) => (index === 1 || index === 2 ? window : null)), keep: 4 },
  },
  {
    state: 'scored',
    producerKey: 'cuong-hoa',
    product: 'Mận sấy dẻo Cường Hoa',
    self: [64, 70],
    sheets: { windows: around(58, 62), keep: 3 },
  },
  {
    state: 'recognised',
    producerKey: 'tay-bac-garlic',
    product: 'Tỏi đen Yên Châu',
    self: [80, 86],
    sheets: { windows: around(76, 80), keep: 4 },
  },
  {
    state: 'not_recognised',
    producerKey: 'ngoc-chien',
    product: 'Du lịch cộng đồng bản Lướt – suối khoáng nóng Ngọc Chiến',
    self: [52, 58],
    sheets: { windows: around(38, 42), keep: 2 },
  },
  {
    state: 'proposed_to_ministry',
    producerKey: 'thanh-long',
    product: 'Cao sâm Ngọc Linh Thành Long',
    self: [92, 96],
    sheets: { windows: around(91, 94), keep: 5 },
  },
  {
    state: 'ministry_recognised',
    producerKey: 'ngoc-chien',
    product: 'Gạo nếp tan Ngọc Chiến',
    self: [93, 97],
    sheets: { windows: around(92, 95), keep: 5 },
  },
];

/** How far along the path each state lies; returns and endings branch off it. */
const STAGE: Record<DossierState, number> = {
  draft: 0,
  submitted: 1,
  returned_by_commune: 2,
  proposed: 2,
  received: 3,
  returned_for_completion: 4,
  advisory_review: 4,
  council_scoring: 5,
  scored: 6,
  recognised: 7,
  not_recognised: 7,
  proposed_to_ministry: 7,
  ministry_recognised: 8,
};

const SYSTEM: RoleGrant[] = [{ role: 'system_admin', provinceCode: null, communeCode: null, producerId: null, salesPointId: null }];

type Actor = { userId: string | null; grants: readonly RoleGrant[]; context: AuditContext };
type Modules = OcopApp['modules'];

/**
 * Answers whose total lands in [low, high): every criterion at its best option, then lowered one by
 * one (never below the option the minima of `keep` stars need) while the total stays at least `low`.
 * The same walk as the tests' `answersScoring`, on the prepared sheet.
 */
export function answersInWindow(sheet: PreparedSheet, low: number, high: number, keep: number): Answers {
  const answers: Record<string, string> = {};
  let total = 0;
  for (const criterion of sheet.answerable) {
    const best = [...criterion.options].sort((a, b) => b.points - a.points)[0];
    if (!best) continue;
    answers[criterion.code] = best.id;
    total += best.points;
  }
  for (const criterion of sheet.answerable) {
    if (total < high) break;
    const best = criterion.options.find((option) => option.id === answers[criterion.code]);
    const floor = sheet.requirement(criterion.code, keep)?.option ?? [...criterion.options].sort((a, b) => a.points - b.points)[0];
    if (!best || !floor || floor.points >= best.points) continue;
    const chosen = [...criterion.options]
      .filter((option) => option.points >= floor.points && option.points < best.points)
      .sort((a, b) => a.points - b.points)
      .find((option) => total - best.points + option.points >= low);
    if (!chosen) continue;
    answers[criterion.code] = chosen.id;
    total += chosen.points - best.points;
  }
  return answers;
}

/** A small real PDF standing for a paper a producer holds, marked as demo (one per kind, shared by the demo producers). */
async function demoPaper(title: string, today: string): Promise<Buffer> {
  const writer = new PdfWriter({ title: `${title} (demo)`, date: new Date(`${today}T00:00:00Z`) });
  writer.paragraph('DỮ LIỆU DEMO – KHÔNG CÓ GIÁ TRỊ PHÁP LÝ', { font: 'bold', size: 9, align: 'center', gap: 16 });
  writer.paragraph(title.toUpperCase(), { font: 'bold', size: 15, align: 'center', gap: 10 });
  writer.paragraph('Giấy tờ minh họa do hệ thống tạo cho dữ liệu demo của tỉnh Sơn La.', { size: 10, color: '#555555' });
  return writer.finish();
}

const PAPERS = [
  { kind: 'business_licence' as const, title: 'Giấy chứng nhận đăng ký kinh doanh', issuer: 'Sở Tài chính tỉnh Sơn La (demo)' },
  {
    kind: 'food_safety_certificate' as const,
    title: 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
    issuer: 'Sở Nông nghiệp và Môi trường tỉnh Sơn La (demo)',
  },
];

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The demo users as actors of the services: their id, their grants, and an audit context naming them. */
async function actorOf(modules: Modules, login: string): Promise<Actor> {
  const found = await modules.identity.auth.findUserByLogin(login);
  if (!found) throw new Error(`demo user ${login} missing`);
  const user = await modules.identity.users.getSelf(found.id);
  return {
    userId: user.id,
    grants: user.roles,
    context: { actorUserId: user.id, actorName: user.fullName, ipAddress: null, requestId: null },
  };
}

/** The producer's demo member where there is one; else the producer's grant without a user (the demo has one member login). */
function producerActor(producerId: string, member: Actor | null): Actor {
  if (member) return member;
  return {
    userId: null,
    grants: [{ role: 'producer_member', provinceCode: DEMO_PROVINCE, communeCode: null, producerId, salesPointId: null }],
    context: { actorUserId: null, actorName: '(Demo) Chủ thể', ipAddress: null, requestId: null },
  };
}

/**
 * Seeds the evaluation demo once (see the file's comment). Skipped, returning `created: false`,
 * when the demo round exists or when the regime in force has no sheet for a planned product (before
 * QĐ 26/2026 took effect).
 */
export async function seedEvaluationDemo(
  modules: Modules,
  options: { producerIds: ReadonlyMap<string, string> },
): Promise<{ created: boolean; dossiers: number }> {
  const evaluation = modules.evaluation;
  const office = await actorOf(modules, OFFICE_LOGIN);
  const existing = await evaluation.rounds.list(office, { provinceCode: DEMO_PROVINCE });
  if (existing.some((round) => round.name.startsWith(DEMO_ROUND_PREFIX))) return { created: false, dossiers: 0 };

  // The products, and their sheet under the regime in force (none before QĐ 26/2026: nothing to show).
  const planned: { plan: DemoDossier; productId: string; producerId: string; sheet: PreparedSheet; versionId: string }[] = [];
  const productsOf = new Map<string, { id: string; nameVi: string }[]>();
  for (const plan of DEMO_DOSSIERS) {
    const producerId = options.producerIds.get(plan.producerKey);
    if (!producerId) return { created: false, dossiers: 0 };
    let items = productsOf.get(producerId);
    if (!items) {
      items = (await modules.registry.products.listProducts({ grants: SYSTEM }, { producerId, page: 1, pageSize: 50 })).items;
      productsOf.set(producerId, items);
    }
    const product = items.find((item) => item.nameVi === demoName(plan.product));
    if (!product) return { created: false, dossiers: 0 };
    const state = await evaluation.selfAssessments.read({ userId: null, grants: SYSTEM }, product.id).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'evaluation.no_sheet_for_set') return null;
      throw error;
    });
    if (!state) return { created: false, dossiers: 0 };
    planned.push({ plan, productId: product.id, producerId, sheet: state.sheet, versionId: state.version.id });
  }

  const today = evaluation.dossiers.core.today();
  const year = Number(today.slice(0, 4));
  const bichThaoMember = await actorOf(modules, DEMO_PRODUCER_MEMBER_LOGIN).catch(() => null);
  const bichThaoId = options.producerIds.get(DEMO_BICH_THAO_KEY);
  const seats = await Promise.all(DEMO_COUNCIL.map((seat) => actorOf(modules, seat.login)));
  const communes = new Map<string, Actor>();
  for (const officer of DEMO_COMMUNE_OFFICERS) communes.set(officer.communeCode, await actorOf(modules, officer.login));

  // The papers every dossier needs, uploaded by each producer once (the dossier links them itself on opening).
  const producers = [...new Set(planned.map((entry) => entry.producerId))];
  const papers = await Promise.all(PAPERS.map((paper) => demoPaper(paper.title, today)));
  for (const producerId of producers) {
    const actor = producerActor(producerId, producerId === bichThaoId ? bichThaoMember : null);
    const held = await modules.registry.files.listDocuments(SYSTEM, { producerId });
    const producer = await modules.registry.producers.getProducer({ grants: SYSTEM }, producerId);
    for (const [index, paper] of PAPERS.entries()) {
      if (held.some((entry) => entry.document.kind === paper.kind && (entry.document.validTo ?? today) >= today)) continue;
      const number = `${String(index + 1).padStart(2, '0')}${producer.registrationNumber.slice(-4)}/DEMO`;
      await modules.registry.files.addDocument(
        actor,
        { producerId },
        { bytes: papers[index] as Buffer, filename: `${paper.kind}-demo.pdf` },
        { kind: paper.kind, number, issuer: paper.issuer, validFrom: addDays(today, -365), validTo: addDays(today, 3 * 365) },
        actor.context,
      );
    }
  }

  const round = await evaluation.rounds.create(
    office,
    {
      provinceCode: DEMO_PROVINCE,
      level: 'province',
      year,
      name: demoRoundName(year),
      filingBy: null,
      proposalsBy: addDays(today, 55),
      resultsBy: addDays(today, 115),
    },
    office.context,
  );
  let council = await evaluation.councils.create(
    office,
    {
      roundId: round.id,
      name: DEMO_COUNCIL_NAME,
      establishedBy: `Quyết định số 1234/QĐ-UBND (demo) ngày ${today.split('-').reverse().join('/')}`,
      spreadLimit: 10,
      quorum: 3,
      writtenOpinion: false,
    },
    office.context,
  );
  for (const [index, seat] of DEMO_COUNCIL.entries()) {
    const member = seats[index] as Actor;
    council = await evaluation.councils.addMember(
      office,
      council.id,
      { userId: member.userId as string, position: index === 0 ? 'chair' : 'member', department: seat.department },
      office.context,
    );
  }

  const recognise: string[] = [];
  const toMinistry: string[] = [];
  let ministryRecognised: string | null = null;
  for (const entry of planned) {
    const { plan } = entry;
    const producer = producerActor(entry.producerId, entry.producerId === bichThaoId ? bichThaoMember : null);
    const answers = answersInWindow(entry.sheet, plan.self[0], plan.self[1], plan.sheets?.keep ?? 3);
    await evaluation.selfAssessments.save(producer, entry.productId, { criteriaVersionId: entry.versionId, answers }, producer.context);
    let row = await evaluation.dossiers.open(producer, { productId: entry.productId, roundId: round.id, kind: 'first' }, producer.context);
    const id = row.id;
    const stage = STAGE[plan.state];
    // Each step over the revision as it now stands (assignment and sheets change the row too).
    const step = async (actor: Actor, action: string, reasons?: string) => {
      const { revision } = await evaluation.dossiers.core.readable(office, id);
      row = await evaluation.dossiers.transition(actor, id, { action, revision, reasons }, actor.context);
    };
    if (stage < 1) continue;
    await step(producer, 'submit');
    const commune = communes.get(row.communeCode);
    if (!commune) throw new Error(`no demo commune officer for ${row.communeCode}`);
    if (plan.state === 'returned_by_commune') {
      await step(
        commune,
        'return_to_producer',
        'Bổ sung ảnh chụp nhãn sản phẩm và bản công bố chất lượng; ghi rõ nguồn nguyên liệu trong Mẫu 01. (Dữ liệu demo)',
      );
      continue;
    }
    if (stage < 2) continue;
    row = await evaluation.dossiers.saveCommuneReport(
      commune,
      id,
      {
        revision: row.revision,
        rawMaterialOrigin: 'Nguyên liệu trồng và thu hái tại địa phương, có vùng nguyên liệu ổn định. (Dữ liệu demo)',
        localLabour: 'Sử dụng lao động là người dân trong xã, phần lớn là đồng bào dân tộc thiểu số. (Dữ liệu demo)',
        ideaOrigin: 'Ý tưởng sản phẩm của chủ thể, phát triển từ sản vật truyền thống của địa phương. (Dữ liệu demo)',
        localIdentity: 'Sản phẩm gắn với tri thức và bản sắc văn hóa của đồng bào Thái, Mông tại Sơn La. (Dữ liệu demo)',
        conclusion: 'Hồ sơ đầy đủ, đúng quy định; UBND xã đề nghị tỉnh đánh giá, phân hạng sản phẩm. (Dữ liệu demo)',
      },
      commune.context,
    );
    await step(commune, 'propose');
    if (stage < 3) continue;
    await step(office, 'receive');
    if (plan.state === 'received') {
      row = await evaluation.dossiers.recordSamples(office, id, { revision: row.revision, samplesReceived: 3 }, office.context);
      continue;
    }
    if (plan.state === 'returned_for_completion') {
      await step(
        office,
        'return_for_completion',
        'Phiếu kết quả kiểm nghiệm đã quá 12 tháng; đề nghị bổ sung phiếu kiểm nghiệm mới. (Dữ liệu demo)',
      );
      continue;
    }
    if (plan.state === 'advisory_review') {
      await step(office, 'send_to_advisory');
      row = await evaluation.dossiers.saveAdvisoryReview(
        office,
        id,
        {
          revision: row.revision,
          report: 'Tổ tư vấn đã rà soát hồ sơ: thông tin đầy đủ, nhãn đúng quy định. (Dữ liệu demo)',
          siteVisitNotes: 'Khảo sát thực tế tại cơ sở sản xuất: nhà xưởng, quy trình ngâm ủ đạt yêu cầu. (Dữ liệu demo)',
          labTestsRequested: 'Kiểm nghiệm bổ sung hàm lượng methanol. (Dữ liệu demo)',
        },
        office.context,
      );
      continue;
    }
    row = await evaluation.dossiers.recordSamples(office, id, { revision: row.revision, samplesReceived: 5 }, office.context);
    await evaluation.councils.assignDossiers(office, council.id, { dossierIds: [id] }, office.context);
    await step(office, 'send_to_council');
    const sheets = plan.sheets;
    if (!sheets) continue;
    if (plan.state === 'council_scoring') {
      const last = seats[4] as Actor;
      await evaluation.scoring.declareConflict(
        last,
        id,
        { hasConflict: true, reason: 'Người thân là thành viên của hộ kinh doanh (dữ liệu demo)' },
        last.context,
      );
    }
    for (const [index, window] of sheets.windows.entries()) {
      if (!window) continue;
      const member = seats[index] as Actor;
      const memberAnswers = answersInWindow(entry.sheet, window[0], window[1], sheets.keep);
      const saved = await evaluation.scoring.save(member, id, { answers: memberAnswers, comments: {}, revision: 0 }, member.context);
      await evaluation.scoring.submit(member, id, { revision: saved.row?.revision ?? 1 }, member.context);
    }
    if (stage < 6) continue;
    await step(seats[0] as Actor, 'close_scoring');
    if (plan.state === 'recognised') recognise.push(id);
    if (plan.state === 'proposed_to_ministry' || plan.state === 'ministry_recognised') toMinistry.push(id);
    if (plan.state === 'ministry_recognised') ministryRecognised = id;
    if (plan.state === 'not_recognised')
      await step(office, 'not_recognise', 'Kết quả 2 sao, chưa đạt mức được công nhận (từ 3 sao). (Dữ liệu demo)');
  }

  if (recognise.length > 0)
    await evaluation.dossiers.recordDecision(
      office,
      { roundId: round.id, kind: 'recognition', number: DEMO_RECOGNITION_NUMBER, signedOn: today, dossierIds: recognise },
      office.context,
    );
  if (toMinistry.length > 0)
    await evaluation.dossiers.recordDecision(
      office,
      { roundId: round.id, kind: 'ministry_proposal', number: DEMO_MINISTRY_PROPOSAL_NUMBER, signedOn: today, dossierIds: toMinistry },
      office.context,
    );
  if (ministryRecognised) {
    const proposed = await evaluation.dossiers.core.readable(office, ministryRecognised);
    const total = proposed.resultTotal ?? 92;
    await evaluation.dossiers.recordMinistryResult(
      office,
      ministryRecognised,
      { revision: proposed.revision, stars: 5, total, decisionNo: DEMO_MINISTRY_DECISION_NUMBER, decidedOn: today },
      office.context,
    );
  }
  return { created: true, dossiers: planned.length };
}
