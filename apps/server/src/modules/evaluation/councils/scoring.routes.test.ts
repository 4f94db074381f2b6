import type { CouncilView, MySheetView, ScoresView } from '@ocop/contracts/councils';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/database/database';
import {
  answerableOf,
  answersBy,
  givenDossier,
  givenRound,
  moveToScoringSeason,
  scoreAndSubmit,
} from '../../../test-support/scoring-builders';
import { type Client, HANOI, type TestApp, startTestApp } from '../../../test-support/test-app';

type Member = Client & { session: { userId: string } };

describe('scoring routes', () => {
  let t: TestApp;
  let officer: Client;
  let roundId: string;

  /** A council of the round with a chair and `members` scoring members (and a secretary), each signed in. */
  async function givenCouncil(members: number, options: Record<string, unknown> = {}) {
    const council = (
      await officer.post('/api/evaluation/councils', { roundId, name: `Hội đồng ${members + 1}`, ...options })
    ).json() as CouncilView;
    const seat = async (position: string, role: 'council_member' | 'province_officer' = 'council_member') => {
      const client = (await t.as({ role })) as Member;
      const added = await officer.post(`/api/evaluation/councils/${council.id}/members`, {
        userId: client.session.userId,
        position,
        department: position === 'secretary' ? 'ocop_office' : 'industry_trade',
      });
      if (added.statusCode !== 200) throw new Error(added.body);
      return client;
    };
    const chair = await seat('chair');
    const scorers: Member[] = [chair];
    for (let index = 0; index < members; index++) scorers.push(await seat('member'));
    const secretary = await seat('secretary', 'province_officer');
    return { id: council.id, chair, scorers, secretary };
  }

  async function givenAssignedDossier(councilId: string) {
    const dossier = await givenDossier(t, officer, { roundId });
    const assigned = await officer.post(`/api/evaluation/councils/${councilId}/dossiers`, { dossierIds: [dossier.id] });
    if (assigned.statusCode !== 200) throw new Error(assigned.body);
    return dossier.id;
  }

  const sheetUrl = (dossierId: string) => `/api/evaluation/dossiers/${dossierId}/my-sheet`;
  const sheetRow = async (dossierId: string, userId: string) =>
    (
      await queryRows<{ status: string; revision: number; answers: Record<string, string> }>(
        t.database.db,
        sql`select s.status, s.revision, s.answers from score_sheets s join council_members m on m.id = s.member_id
            where s.dossier_id = ${dossierId} and m.user_id = ${userId}`,
      )
    )[0];

  beforeAll(async () => {
    t = await startTestApp();
    moveToScoringSeason(t);
    officer = await t.as({ role: 'province_officer' });
    roundId = (await givenRound(t)).id;
  });
  afterAll(() => t.close());

  it('gives members the dossier’s frozen sheet, and no one else', async () => {
    const council = await givenCouncil(1);
    const dossierId = await givenAssignedDossier(council.id);
    const member = council.scorers[1] as Member;
    const view = (await member.get(sheetUrl(dossierId))).json() as MySheetView;
    expect(view).toMatchObject({
      status: 'none',
      revision: 0,
      total: 0,
      canEdit: true,
      version: { regimeCode: '26/2026', productSetCode: '1.5.1' },
    });
    expect(view.unanswered.length).toBe(answerableOf(view.content).length);

    const secretary = await council.secretary.get(sheetUrl(dossierId));
    expect(secretary.statusCode).toBe(403); // a province officer does not hold dossiers.score at all
    const stranger = await t.as({ role: 'council_member' });
    expect((await stranger.get(sheetUrl(dossierId))).statusCode).toBe(404);
    // A council member of another province cannot be seated, and cannot score either.
    const hanoi = (await t.as({ role: 'council_member', provinceCode: HANOI })) as Member;
    const seated = await officer.post(`/api/evaluation/councils/${council.id}/members`, {
      userId: hanoi.session.userId,
      position: 'member',
      department: 'health',
    });
    expect(seated.statusCode).toBe(422);
    expect(seated.json().detail).toBe(
      'Người dùng này là thành viên hội đồng của tỉnh khác (mã 01), không thể tham gia hội đồng của tỉnh này.',
    );
    const foreign = await hanoi.put(sheetUrl(dossierId), { answers: {}, revision: 0 });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().detail).toBe('Không tìm thấy hồ sơ này, hoặc hồ sơ không thuộc hội đồng của bạn.');
    // A member of another council of the same province.
    const other = await givenCouncil(0);
    expect((await other.chair.get(sheetUrl(dossierId))).statusCode).toBe(404);
    expect(await sheetRow(dossierId, hanoi.session.userId)).toBeUndefined();
  });

  it('saves drafts, refuses foreign options, stale revisions and incomplete sheets, then seals the submitted sheet', async () => {
    const council = await givenCouncil(1);
    const dossierId = await givenAssignedDossier(council.id);
    const member = council.scorers[1] as Member;
    const first = (await member.get(sheetUrl(dossierId))).json() as MySheetView;
    const [c1, c2] = answerableOf(first.content);
    if (!c1 || !c2) throw new Error('sheet too small');

    const foreign = await member.put(sheetUrl(dossierId), { answers: { [c1.code]: c2.options[0]?.id }, revision: 0 });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json()).toMatchObject({
      code: 'evaluation.option_not_of_criterion',
      detail: `Phương án ${c2.options[0]?.id} không thuộc tiêu chí ${c1.code}.`,
    });
    expect(await sheetRow(dossierId, member.session.userId)).toBeUndefined();

    const best = answersBy(first.content, (sorted) => sorted.at(-1));
    const partial = { [c1.code]: best[c1.code] as string };
    const saved = await member.put(sheetUrl(dossierId), {
      answers: partial,
      comments: { [c1.code]: '  Có hồ sơ gốc  ', [c2.code]: ' ' },
      revision: 0,
    });
    expect(saved.statusCode).toBe(200);
    const draft = saved.json() as MySheetView;
    expect(draft).toMatchObject({ status: 'draft', revision: 1, comments: { [c1.code]: 'Có hồ sơ gốc' }, answers: partial });
    expect(draft.total).toBe(c1.options.reduce((max, option) => Math.max(max, option.points), 0));

    const stale = await member.put(sheetUrl(dossierId), { answers: best, revision: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toBe('Phiếu chấm điểm vừa được lưu ở nơi khác. Hãy tải lại để xem bản mới nhất (lần lưu 1).');
    const long = await member.put(sheetUrl(dossierId), { answers: best, comments: { [c1.code]: 'x'.repeat(2_001) }, revision: 1 });
    expect(long.statusCode).toBe(400);
    expect(await sheetRow(dossierId, member.session.userId)).toMatchObject({ status: 'draft', revision: 1, answers: partial });

    const incomplete = await member.post(`${sheetUrl(dossierId)}/submit`, { revision: 1 });
    expect(incomplete.statusCode).toBe(422);
    const missing = answerableOf(first.content)
      .map((criterion) => criterion.code)
      .filter((code) => code !== c1.code);
    expect(incomplete.json()).toMatchObject({
      code: 'scoring.incomplete',
      detail: `Chưa thể nộp phiếu: còn ${missing.length} tiêu chí chưa chấm (${missing.join(', ')}).`,
    });
    expect(await sheetRow(dossierId, member.session.userId)).toMatchObject({ status: 'draft', revision: 1 });

    const complete = (await member.put(sheetUrl(dossierId), { answers: best, revision: 1 })).json() as MySheetView;
    expect(complete.total).toBe(100);
    const submitted = await member.post(`${sheetUrl(dossierId)}/submit`, { revision: complete.revision });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', sealSeq: 1, canEdit: false });
    expect((submitted.json() as MySheetView).hash).toMatch(/^[0-9a-f]{64}$/);

    const after = await member.put(sheetUrl(dossierId), { answers: partial, revision: 3 });
    expect(after.statusCode).toBe(409);
    expect(after.json()).toMatchObject({ code: 'scoring.sheet_submitted', detail: 'Phiếu chấm điểm đã nộp và niêm phong, không thể sửa.' });
    expect((await member.post(`${sheetUrl(dossierId)}/submit`, { revision: 3 })).json().code).toBe('scoring.sheet_submitted');
    const late = await member.put(`/api/evaluation/dossiers/${dossierId}/conflict`, { hasConflict: true, reason: 'Người thân' });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toBe('Bạn đã nộp phiếu chấm điểm hồ sơ này nên không thể thay đổi khai báo xung đột lợi ích.');
    expect(await sheetRow(dossierId, member.session.userId)).toMatchObject({ status: 'submitted', answers: best });

    // The database refuses to change a submitted sheet, whoever asks.
    const refused = await t.database.db.execute(sql`update score_sheets set total = 1 where dossier_id = ${dossierId}`).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).not.toBeNull();
  });

  it('discards the draft of a member who declares a conflict, and refuses their scoring', async () => {
    const council = await givenCouncil(1);
    const dossierId = await givenAssignedDossier(council.id);
    const member = council.scorers[1] as Member;
    const first = (await member.get(sheetUrl(dossierId))).json() as MySheetView;
    const worst = answersBy(first.content, (sorted) => sorted[0]);
    expect((await member.put(sheetUrl(dossierId), { answers: worst, revision: 0 })).statusCode).toBe(200);

    const declared = await member.put(`/api/evaluation/dossiers/${dossierId}/conflict`, {
      hasConflict: true,
      reason: 'Là thành viên hợp tác xã',
    });
    expect(declared.statusCode).toBe(200);
    expect(declared.json()).toMatchObject({ hasConflict: true, reason: 'Là thành viên hợp tác xã', draftDiscarded: true });
    expect(await sheetRow(dossierId, member.session.userId)).toBeUndefined();

    const refused = await member.put(sheetUrl(dossierId), { answers: worst, revision: 0 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'scoring.conflict_declared',
      detail: 'Bạn đã khai báo xung đột lợi ích với hồ sơ này nên không được chấm điểm hồ sơ.',
    });
    expect(await sheetRow(dossierId, member.session.userId)).toBeUndefined();
    expect(((await member.get(sheetUrl(dossierId))).json() as MySheetView).canEdit).toBe(false);

    const scores = (await officer.get(`/api/evaluation/dossiers/${dossierId}/scores`)).json() as ScoresView;
    expect(scores.conflicts).toMatchObject([{ memberId: first.member.id, reason: 'Là thành viên hợp tác xã' }]);
    expect(scores.notSubmitted.map((entry) => entry.memberId)).not.toContain(first.member.id);
  });

  it('averages nine members’ sheets, flags outliers, and shows the scores to the secretariat and the chair', async () => {
    const council = await givenCouncil(8, { writtenOpinion: true, quorum: 5 });
    const dossierId = await givenAssignedDossier(council.id);
    const view = (await council.chair.get(sheetUrl(dossierId))).json() as MySheetView;
    const best = answersBy(view.content, (sorted) => sorted.at(-1));
    const worst = answersBy(view.content, (sorted) => sorted[0]);
    // Five members give the best option everywhere (100 points), four the worst; all at once.
    const sheets = await Promise.all(council.scorers.map((member, index) => scoreAndSubmit(member, dossierId, index < 5 ? best : worst)));
    const worstTotal = sheets[8]?.total ?? -1;
    expect(sheets.map((sheet) => sheet.sealSeq).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);

    const outcome = await t.modules.evaluation.scoring.resultFor(dossierId);
    // By hand: (5 × 100 + 4 × worst) / 9, to two decimals.
    const expected = Math.round(((5 * 100 + 4 * worstTotal) / 9) * 100) / 100;
    expect(outcome).toMatchObject({ councilAssigned: true, submittedSheets: 9, quorum: 5, meetingNeeded: true });
    expect(outcome.result?.total).toBe(expected);
    const [c1] = answerableOf(view.content);
    const points = (c1?.options ?? []).map((option) => option.points);
    expect(outcome.result?.criteria[c1?.code ?? '']).toBe(
      Math.round(((5 * Math.max(...points) + 4 * Math.min(...points)) / 9) * 100) / 100,
    );
    expect(outcome.result?.members.every((member) => member.outlier)).toBe(true);

    const scores = await officer.get(`/api/evaluation/dossiers/${dossierId}/scores`);
    expect(scores.statusCode).toBe(200);
    const body = scores.json() as ScoresView;
    expect(body).toMatchObject({ submittedSheets: 9, quorumReached: true, meetingNeeded: true, notSubmitted: [], conflicts: [] });
    expect(body.average?.total).toBe(expected);
    expect(body.sheets).toHaveLength(9);
    expect(body.sheets[0]?.criteria[c1?.code ?? '']).toMatchObject({ comment: null });
    expect((await council.chair.get(`/api/evaluation/dossiers/${dossierId}/scores`)).statusCode).toBe(200);
    expect((await (council.scorers[1] as Member).get(`/api/evaluation/dossiers/${dossierId}/scores`)).statusCode).toBe(404);
    expect((await officer.get(`/api/evaluation/dossiers/${dossierId}/seal`)).json()).toEqual({ ok: true, sealedSheets: 9, broken: null });
  });

  it('finds exactly the sheet tampered with behind the application’s back', async () => {
    const council = await givenCouncil(2);
    const dossierId = await givenAssignedDossier(council.id);
    const view = (await council.chair.get(sheetUrl(dossierId))).json() as MySheetView;
    const best = answersBy(view.content, (sorted) => sorted.at(-1));
    const sealed: MySheetView[] = [];
    for (const member of council.scorers)
      sealed.push(await scoreAndSubmit(member, dossierId, best, { [Object.keys(best)[0] ?? '']: 'Đạt' }));
    expect((await officer.get(`/api/evaluation/dossiers/${dossierId}/seal`)).json()).toMatchObject({ ok: true, sealedSheets: 3 });

    const victim = sealed[1] as MySheetView;
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table score_sheets disable trigger score_sheets_sealed_guard`);
      await tx.execute(sql`update score_sheets set total = 42 where dossier_id = ${dossierId} and seal_seq = 2`);
      await tx.execute(sql`alter table score_sheets enable trigger score_sheets_sealed_guard`);
    });

    const seal = (await officer.get(`/api/evaluation/dossiers/${dossierId}/seal`)).json();
    expect(seal).toMatchObject({
      ok: false,
      sealedSheets: 3,
      broken: { dossierId, memberId: victim.member.id, sealSeq: 2, field: 'hash' },
    });
    expect(seal.broken.stored).toBe(victim.hash);
    expect(seal.broken.expected).not.toBe(victim.hash);
    const report = await t.modules.evaluation.scoring.verifySheets();
    expect(report.broken).toHaveLength(1);
    expect(report.broken[0]).toMatchObject({ dossierId, sealSeq: 2 });
    expect((await council.chair.get(`/api/evaluation/dossiers/${dossierId}/seal`)).statusCode).toBe(403);
  });
});
