import type { SupervisionListView } from '@ocop/contracts/certification';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenCertificate, givenReEvaluationFiled } from '../../../test-support/certification-builders';
import { startTestApp, type Client, type TestApp } from '../../../test-support/test-app';
import { certificates } from '../certificates/certificate.tables';

const ids = (view: SupervisionListView) => view.items.map((item) => item.id);

async function sheetRows(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow((row) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows.push(values.map((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? ''))));
  });
  return rows;
}

describe('GET /api/certificates/supervision', () => {
  let t: TestApp;
  let officer: Client;
  /** Issued on 1 Sept 2026 (the test's today), then given the dates each case needs. */
  const given: Record<
    'near' | 'renewing' | 'far' | 'expired' | 'revoked' | 'revoking',
    { id: string; number: string; producerId: string }
  > = {} as never;

  async function listOf(client: Client, list: string): Promise<SupervisionListView> {
    const response = await client.get(`/api/certificates/supervision?list=${list}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as SupervisionListView;
  }

  beforeAll(async () => {
    t = await startTestApp();
    const dossierOf: Record<string, string> = {};
    for (const name of ['near', 'renewing', 'far', 'expired', 'revoked', 'revoking'] as const) {
      const issued = await givenCertificate(t);
      officer = issued.officer;
      dossierOf[name] = issued.dossier.id;
      given[name] = { id: issued.certificate.id, number: issued.certificate.number, producerId: issued.certificate.producerId ?? '' };
    }
    // Today is 2026-09-01: one certificate ends in 40 days, one expired 10 days ago; "far" keeps its 36 months.
    await t.database.db.update(certificates).set({ expiresOn: '2026-10-11' }).where(eq(certificates.id, given.near.id));
    // "renewing" ends in two months, and its producer has filed the re-evaluation already.
    await t.database.db.update(certificates).set({ expiresOn: '2026-11-01' }).where(eq(certificates.id, given.renewing.id));
    await givenReEvaluationFiled(t, dossierOf.renewing ?? '', '2026-08-25');
    await t.database.db
      .update(certificates)
      .set({ issuedOn: '2023-08-22', decisionDate: '2023-08-22', expiresOn: '2026-08-21' })
      .where(eq(certificates.id, given.expired.id));
    const revoke = (id: string, findingOn: string, decisionNumber: string) =>
      officer.post(`/api/certificates/${id}/revocation`, {
        ground: 'd',
        decisionNumber,
        decidedOn: '2026-09-01',
        findingOn,
        reason: 'Sử dụng nhãn OCOP cho sản phẩm khác',
      });
    expect((await revoke(given.revoked.id, '2026-08-10', '12/QĐ-UBND')).statusCode).toBe(200);
    expect((await revoke(given.revoking.id, '2026-08-30', '13/QĐ-UBND')).statusCode).toBe(200);
  });
  afterAll(async () => t.close());

  it('lists a certificate ending within 3 months in both expiring lists, a far one in neither', async () => {
    const three = await listOf(officer, 'expiring_3m');
    const six = await listOf(officer, 'expiring_6m');
    expect(three).toMatchObject({ list: 'expiring_3m', today: '2026-09-01', truncated: false });
    expect(ids(three)).toContain(given.near.id);
    expect(ids(six)).toContain(given.near.id);
    for (const list of [three, six]) {
      expect(ids(list)).not.toContain(given.far.id);
      expect(ids(list)).not.toContain(given.expired.id);
      expect(ids(list)).not.toContain(given.revoking.id);
    }
    expect(three.items.find((item) => item.id === given.near.id)).toMatchObject({ status: 'expiring', daysLeft: 40 });
    // The one whose re-evaluation is filed stays on the list, marked so.
    expect(three.items.find((item) => item.id === given.renewing.id)).toMatchObject({
      status: 'in_re_evaluation',
      pendingReEvaluation: { filedOn: '2026-08-25' },
    });
    expect(ids(three).indexOf(given.near.id)).toBeLessThan(ids(three).indexOf(given.renewing.id));
  });

  it('lists an expired, unrenewed certificate, and revoked ones with those not yet in effect', async () => {
    const expired = await listOf(officer, 'expired_not_renewed');
    expect(ids(expired)).toEqual([given.expired.id]);
    expect(expired.items[0]?.status).toBe('expired');

    const revoked = await listOf(officer, 'revoked');
    expect(ids(revoked)).toEqual([given.revoking.id, given.revoked.id]);
    expect(revoked.items[0]).toMatchObject({ status: 'valid', revocation: { effectiveOn: '2026-09-14', decisionNumber: '13/QĐ-UBND' } });
    expect(revoked.items[1]).toMatchObject({ status: 'revoked', revocation: { effectiveOn: '2026-08-25' } });
  });

  it('exports each list as an xlsx with a title, Vietnamese headers and the rows', async () => {
    const response = await officer.get('/api/certificates/supervision.xlsx?list=expiring_3m');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain('giam-sat-gcn-expiring-3m-2026-09-01.xlsx');
    const rows = await sheetRows(response.rawPayload);
    expect(rows[0]?.[0]).toBe('Giấy chứng nhận OCOP — Sắp hết hạn trong 3 tháng — ngày 01/09/2026');
    expect(rows[1]).toEqual([
      'Số GCN',
      'Sản phẩm',
      'Chủ thể',
      'Địa chỉ',
      'Số sao',
      'Cơ quan cấp',
      'Quyết định',
      'Ngày cấp',
      'Hết hạn',
      'Trạng thái',
      'Số ngày còn lại',
      'Đã nộp hồ sơ đánh giá lại',
    ]);
    const near = rows.find((row) => row[0] === given.near.number);
    expect(near?.slice(4)).toEqual([
      '4',
      'Ủy ban nhân dân tỉnh Sơn La',
      expect.stringMatching(/^\d+\/QĐ-UBND ngày 01\/09\/2026$/),
      '2026-09-01',
      '2026-10-11',
      'Còn hiệu lực – sắp hết hạn',
      '40',
      'Chưa',
    ]);

    const revoked = await sheetRows((await officer.get('/api/certificates/supervision.xlsx?list=revoked')).rawPayload);
    expect(revoked[1]?.slice(-4)).toEqual(['Căn cứ thu hồi', 'Số QĐ thu hồi', 'Ngày phát hiện', 'Ngày hiệu lực']);
    const pending = revoked.find((row) => row[0] === given.revoking.number);
    expect(pending?.slice(-4)).toEqual(['d) Sử dụng sai nhãn hiệu, biểu trưng OCOP', '13/QĐ-UBND', '2026-08-30', '2026-09-14']);
    expect(revoked.filter((row) => row[0] === given.revoked.number)).toHaveLength(1);
    expect(rows.find((row) => row[0] === given.renewing.number)?.at(-1)).toBe('Đã nộp ngày 25/08/2026');

    const expired = await sheetRows((await officer.get('/api/certificates/supervision.xlsx?list=expired_not_renewed')).rawPayload);
    expect(expired.map((row) => row[0])).toContain(given.expired.number);
  });

  it('shows a producer’s member only its own certificates, and refuses an unknown list', async () => {
    const member = await t.as({ role: 'producer_member', producerId: given.near.producerId });
    expect(ids(await listOf(member, 'expiring_6m'))).toEqual([given.near.id]);
    expect(ids(await listOf(member, 'revoked'))).toEqual([]);
    const sheet = await sheetRows((await member.get('/api/certificates/supervision.xlsx?list=expiring_6m')).rawPayload);
    expect(sheet.slice(2).map((row) => row[0])).toEqual([given.near.number]);

    expect((await officer.get('/api/certificates/supervision?list=everything')).statusCode).toBe(400);
    expect((await t.anonymous.get('/api/certificates/supervision?list=revoked')).statusCode).toBe(401);
  });
});
