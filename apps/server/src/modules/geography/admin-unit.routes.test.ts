import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../test-support/test-app';

describe('administrative unit routes', () => {
  let t: TestApp;
  let officer: Client;
  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as({ role: 'province_officer' });
  });
  afterAll(() => t.close());

  it('loads both snapshots with their national counts', async () => {
    expect((await officer.get('/api/admin-units/snapshots')).json()).toEqual({ snapshots: ['2025-03-01', '2025-07-01'] });
    const before = (await officer.get('/api/admin-units/provinces?asOf=2025-03-01')).json();
    const after = (await officer.get('/api/admin-units/provinces?asOf=2025-07-01')).json();
    expect(before).toHaveLength(63);
    expect(after).toHaveLength(34);
  });

  it('lists Sơn La’s 12 districts and 200 communes before the reform and 75 communes after', async () => {
    const before = (await officer.get('/api/admin-units/provinces/14?asOf=2025-06-30')).json();
    expect(before.snapshot).toBe('2025-03-01');
    expect(before.province.name).toBe('Tỉnh Sơn La');
    expect(before.districts).toHaveLength(12);
    expect(before.communes).toHaveLength(200);
    expect(before.districts.map((d: { name: string }) => d.name)).toContain('Thị xã Mộc Châu');
    const after = (await officer.get('/api/admin-units/provinces/14?asOf=2025-07-01')).json();
    expect(after.snapshot).toBe('2025-07-01');
    expect(after.districts).toHaveLength(0);
    expect(after.communes).toHaveLength(75);
    expect(after.communes.find((c: { code: string }) => c.code === '03664')).toMatchObject({
      name: 'Phường Chiềng An',
      type: 'Phường',
      parentCode: '14',
    });
  });

  it('maps an old commune to the new one it went into', async () => {
    // Xã Hua La (03676) went whole into Phường Chiềng Cơi (03670).
    const links = (await officer.get('/api/admin-units/communes/03676/successors')).json();
    expect(links).toEqual([
      expect.objectContaining({
        whole: true,
        oldUnit: expect.objectContaining({ name: 'Xã Hua La' }),
        newUnit: expect.objectContaining({ code: '03670', name: 'Phường Chiềng Cơi' }),
      }),
    ]);
  });

  it('maps a new commune to the old communes it was formed from', async () => {
    const links = (await officer.get('/api/admin-units/communes/03664/predecessors')).json();
    expect(links.map((l: { oldUnit: { name: string } }) => l.oldUnit.name).sort()).toEqual([
      'Phường Chiềng An',
      'Xã Chiềng Xôm',
      'Xã Chiềng Đen',
    ]);
    expect(links.every((l: { whole: boolean; newUnit: { name: string } }) => l.whole && l.newUnit.name === 'Phường Chiềng An')).toBe(true);
  });

  it('shows a commune split in parts', async () => {
    // Phường Ngọc Hà of Hà Nội went partly into several new wards.
    const links = (await officer.get('/api/admin-units/communes/00016/successors')).json();
    expect(links.length).toBeGreaterThan(1);
    expect(links.every((l: { whole: boolean }) => l.whole === false)).toBe(true);
  });

  it('finds units ignoring diacritics and case', async () => {
    const communes = (await officer.get('/api/admin-units/search?q=chieng%20an&asOf=2025-07-01')).json();
    expect(communes[0]).toMatchObject({ name: 'Phường Chiềng An', code: '03664' });
    const province = (await officer.get('/api/admin-units/search?q=SON%20LA&level=province')).json();
    expect(province[0]).toMatchObject({ name: 'Tỉnh Sơn La', code: '14' });
    const old = (await officer.get('/api/admin-units/search?q=moc%20chau&asOf=2025-01-01&level=district')).json();
    expect(old[0]).toMatchObject({ name: 'Thị xã Mộc Châu', snapshot: '2025-03-01' });
  });

  it('answers an unknown commune or province with a Vietnamese 404', async () => {
    const commune = await officer.get('/api/admin-units/communes/99999/successors');
    expect(commune.statusCode).toBe(404);
    expect(commune.json()).toMatchObject({ code: 'admin_unit.not_found', title: 'Không tìm thấy đơn vị hành chính mã 99999.' });
    const province = await officer.get('/api/admin-units/provinces/99');
    expect(province.statusCode).toBe(404);
    const badCode = await officer.get('/api/admin-units/provinces/abc');
    expect(badCode.statusCode).toBe(400);
  });

  it('requires a login', async () => {
    expect((await t.anonymous.get('/api/admin-units/provinces')).statusCode).toBe(401);
  });
});
