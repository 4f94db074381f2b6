import type { CouncilView } from '@ocop/contracts/councils';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/database/database';
import { givenDossier, givenRound, moveToScoringSeason } from '../../../test-support/scoring-builders';
import { type Client, HANOI, type TestApp, startTestApp } from '../../../test-support/test-app';

describe('council routes', () => {
  let t: TestApp;
  let officer: Client;
  let hanoiOfficer: Client;
  let councilMember: Client;
  let roundId: string;
  let otherRoundId: string;

  const councilOf = async (id: string) => (await officer.get(`/api/evaluation/councils/${id}`)).json() as CouncilView;
  const userOf = async (role: 'council_member' | 'province_officer', provinceCode?: string) =>
    (await t.givenUser({ role, ...(provinceCode ? { provinceCode } : {}) })).user.id;

  beforeAll(async () => {
    t = await startTestApp();
    moveToScoringSeason(t);
    officer = await t.as({ role: 'province_officer' });
    hanoiOfficer = await t.as({ role: 'province_officer', provinceCode: HANOI });
    councilMember = await t.as({ role: 'council_member' });
    roundId = (await givenRound(t)).id;
    otherRoundId = (await givenRound(t)).id;
  });
  afterAll(() => t.close());

  it('sets up a council with the defaults, lists it by round and keeps it in its province', async () => {
    const created = await officer.post('/api/evaluation/councils', {
      roundId,
      name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Sơn La năm 2026',
      establishedBy: 'QĐ 1234/QĐ-UBND',
    });
    expect(created.statusCode).toBe(201);
    const council = created.json() as CouncilView;
    expect(council).toMatchObject({ provinceCode: '14', spreadLimit: 10, quorum: 3, writtenOpinion: false, members: [], dossiers: [] });
    const list = (await officer.get(`/api/evaluation/councils?roundId=${roundId}`)).json();
    expect(list.items.map((item: { id: string }) => item.id)).toEqual([council.id]);
    // Outside one's province it does not exist; council members do not manage councils.
    expect((await hanoiOfficer.get(`/api/evaluation/councils/${council.id}`)).statusCode).toBe(404);
    expect((await hanoiOfficer.get(`/api/evaluation/councils?roundId=${roundId}`)).statusCode).toBe(404);
    expect((await hanoiOfficer.post('/api/evaluation/councils', { roundId, name: 'Hội đồng lạ' })).statusCode).toBe(404);
    expect((await councilMember.get(`/api/evaluation/councils/${council.id}`)).statusCode).toBe(403);
    const [audit] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_entries where action = 'council.created' and entity_id = ${council.id}`,
    );
    expect(audit?.n).toBe(1);
  });

  it('seats members of the province by position, one chair, and refuses a council member of another province', async () => {
    const council = (
      await officer.post('/api/evaluation/councils', { roundId, name: 'Hội đồng thành viên', quorum: 5 })
    ).json() as CouncilView;
    const url = `/api/evaluation/councils/${council.id}/members`;
    const chair = await officer.post(url, {
      userId: await userOf('council_member'),
      position: 'chair',
      department: 'agriculture_environment',
      title: 'Phó Chủ tịch UBND tỉnh',
    });
    expect(chair.statusCode).toBe(200);
    expect((chair.json() as CouncilView).members).toMatchObject([
      { position: 'chair', department: 'agriculture_environment', title: 'Phó Chủ tịch UBND tỉnh', fullName: 'Người dùng council_member' },
    ]);

    const secondChair = await officer.post(url, { userId: await userOf('council_member'), position: 'chair', department: 'health' });
    expect(secondChair.statusCode).toBe(409);
    expect(secondChair.json()).toMatchObject({
      code: 'council.chair_exists',
      detail: 'Hội đồng đã có chủ tịch (Người dùng council_member); mỗi hội đồng chỉ có một chủ tịch.',
    });

    const foreign = await officer.post(url, { userId: await userOf('council_member', HANOI), position: 'member', department: 'health' });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json()).toMatchObject({
      code: 'council.member_of_other_province',
      detail: 'Người dùng này là thành viên hội đồng của tỉnh khác (mã 01), không thể tham gia hội đồng của tỉnh này.',
    });

    const officerUser = await userOf('province_officer');
    const officerAsMember = await officer.post(url, { userId: officerUser, position: 'member', department: 'ocop_office' });
    expect(officerAsMember.statusCode).toBe(422);
    expect(officerAsMember.json().code).toBe('council.user_not_council_member');
    const secretary = await officer.post(url, { userId: officerUser, position: 'secretary', department: 'ocop_office' });
    expect(secretary.statusCode).toBe(200);
    const again = await officer.post(url, { userId: officerUser, position: 'advisory', department: 'ocop_office' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('Người dùng này đã có trong hội đồng.');
    expect(
      (await officer.post(url, { userId: await userOf('council_member'), position: 'member', department: 'not_a_department' })).statusCode,
    ).toBe(400);

    // Nothing the refusals tried was kept.
    const after = await councilOf(council.id);
    expect(after.members.map((member) => member.position)).toEqual(['chair', 'secretary']);

    const secretaryId = after.members.find((member) => member.position === 'secretary')?.id;
    const removed = await officer.delete(`${url}/${secretaryId}`);
    expect(removed.statusCode).toBe(200);
    expect((removed.json() as CouncilView).members.map((member) => member.position)).toEqual(['chair']);
    expect((await officer.delete(`${url}/${secretaryId}`)).statusCode).toBe(404);
  });

  it('assigns dossiers of its round before or while they are scored, and nothing else', async () => {
    const council = (await officer.post('/api/evaluation/councils', { roundId, name: 'Hội đồng giao hồ sơ' })).json() as CouncilView;
    const url = `/api/evaluation/councils/${council.id}/dossiers`;
    const received = await givenDossier(t, officer, { roundId, state: 'received' });
    const scoring = await givenDossier(t, officer, { roundId });
    const draft = await givenDossier(t, officer, { roundId, state: 'draft' });
    const otherRound = await givenDossier(t, officer, { roundId: otherRoundId });

    const assigned = await officer.post(url, { dossierIds: [received.id, scoring.id] });
    expect(assigned.statusCode).toBe(200);
    expect((assigned.json() as CouncilView).dossiers.map((dossier) => dossier.id).sort()).toEqual([received.id, scoring.id].sort());

    const notYet = await officer.post(url, { dossierIds: [draft.id] });
    expect(notYet.statusCode).toBe(422);
    expect(notYet.json()).toMatchObject({
      code: 'council.dossier_not_assignable',
      detail: `Không thể giao hồ sơ ${draft.id} cho hội đồng: hồ sơ phải cùng đợt đánh giá và đang ở bước tiếp nhận, tổ tư vấn xem xét hoặc hội đồng chấm điểm (hiện: "draft").`,
    });
    const wrongRound = await officer.post(url, { dossierIds: [otherRound.id] });
    expect(wrongRound.statusCode).toBe(422);
    expect((await hanoiOfficer.post(url, { dossierIds: [scoring.id] })).statusCode).toBe(404);
    // One refused dossier refuses the whole list.
    const mixed = await officer.post(url, { dossierIds: [draft.id, otherRound.id] });
    expect(mixed.statusCode).toBe(422);
    const councils = await queryRows<{ id: string; council_id: string | null }>(
      t.database.db,
      sql`select id, council_id from dossiers where id in (${draft.id}, ${otherRound.id})`,
    );
    expect(councils.map((row) => row.council_id)).toEqual([null, null]);
    expect((await councilOf(council.id)).dossiers).toHaveLength(2);
  });
});
