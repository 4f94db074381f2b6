import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../../../test-support/test-app';

type SetView = {
  id: string;
  code: string;
  name: string;
  groupCode: string;
  groupName: string;
  requiresSamples: boolean;
  managingAgency: string | null;
  mapsTo: { code: string; isPrimary: boolean }[];
  mappedFrom: { code: string }[];
};

describe('classification routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lists the three classifications with their legal basis and says which is in force', async () => {
    const response = await t.anonymous.get('/api/classification-versions');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([
      expect.objectContaining({ code: 'qd1048-2019', effectiveFrom: '2019-08-21', effectiveTo: '2023-02-23', inForce: false }),
      expect.objectContaining({
        code: 'qd148-2023',
        effectiveFrom: '2023-02-24',
        // QĐ 26/2026 (Art. 12) ends it 60 days after taking effect; the test clock stands on 2026-03-02.
        effectiveTo: '2026-07-20',
        inForce: true,
        legalBasis: expect.stringContaining('148/QĐ-TTg'),
      }),
      expect.objectContaining({
        code: 'qd26-2026',
        effectiveFrom: '2026-05-22',
        effectiveTo: null,
        inForce: false,
        legalBasis: expect.stringContaining('26/2026/QĐ-TTg'),
      }),
    ]);
  });

  it('switches to the 26/2026 classification when it takes effect, each 148 set mapped to its successor', async () => {
    const later = await startTestApp();
    try {
      later.clock.advance(276 * 86_400_000); // 2026-12-03
      const body = (await later.anonymous.get('/api/product-sets')).json();
      expect(body.version).toMatchObject({ code: 'qd26-2026', inForce: true });
      expect(body.groups).toHaveLength(6);
      const items: SetView[] = body.items;
      expect(items).toHaveLength(26);
      expect(items.find((s) => s.code === '1.5.1')).toMatchObject({
        name: 'Chè tươi, chè chế biến',
        mappedFrom: [expect.objectContaining({ code: '1.5.1' })],
      });
      const old = (await later.anonymous.get('/api/product-sets?version=qd148-2023')).json().items as SetView[];
      expect(old.every((s) => s.mapsTo.length === 1 && s.mapsTo[0]?.code === s.code)).toBe(true);
    } finally {
      await later.close();
    }
  });

  it('gives the 6 groups and 26 product sets in force, with ministries; only tourism needs no samples', async () => {
    const officer = await t.as({ role: 'province_officer' });
    const body = (await officer.get('/api/product-sets')).json();
    expect(body.version.code).toBe('qd148-2023');
    expect(body.groups.map((g: { name: string }) => g.name)).toEqual([
      'Thực phẩm',
      'Đồ uống',
      'Dược liệu và sản phẩm từ dược liệu',
      'Hàng thủ công mỹ nghệ',
      'Sinh vật cảnh',
      'Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch',
    ]);
    const items: SetView[] = body.items;
    expect(items).toHaveLength(26);
    expect(items.find((s) => s.code === '1.5.1')).toMatchObject({
      name: 'Chè tươi, chè chế biến',
      groupName: 'Thực phẩm',
      managingAgency: 'Bộ Nông nghiệp và Môi trường',
    });
    expect(items.filter((s) => !s.requiresSamples).map((s) => s.code)).toEqual(['6.1.1']);
    expect(
      items
        .find((s) => s.code === '1.3.4')
        ?.mappedFrom.map((l) => l.code)
        .sort(),
    ).toEqual(['1.2.2', '1.4.3', '1.4.4']);
  });

  it('gives the 26 sets of 1048 with the set(s) each became', async () => {
    const body = (await t.anonymous.get('/api/product-sets?version=qd1048-2019')).json();
    const items: SetView[] = body.items;
    expect(body.groups).toHaveLength(6);
    expect(items).toHaveLength(26);
    expect(items.map((s) => s.name)).toContain('Gạo, ngũ cốc');
    expect(items.every((s) => s.mapsTo.length >= 1)).toBe(true);
    expect(items.find((s) => s.name === 'Mật ong, các sản phẩm từ mật ong, mật khác')?.mapsTo).toEqual([
      expect.objectContaining({ code: '1.2.2', isPrimary: true }),
      expect.objectContaining({ code: '1.3.4', isPrimary: false }),
    ]);
  });

  it('filters by group and refuses an unknown version or parameter', async () => {
    const drinks = (await t.anonymous.get('/api/product-sets?groupCode=2')).json();
    expect(drinks.items.map((s: SetView) => s.code)).toEqual(['2.1.1', '2.1.2', '2.2.1', '2.2.2']);
    const unknown = await t.anonymous.get('/api/product-sets?version=qd99-2030');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({
      code: 'classification.version_not_found',
      title: 'Không có phiên bản phân loại sản phẩm "qd99-2030".',
    });
    expect((await t.anonymous.get('/api/product-sets?foo=1')).statusCode).toBe(400);
  });

  it('lets only a system admin correct a set, and records it', async () => {
    const set = ((await t.anonymous.get('/api/product-sets?groupCode=5')).json().items as SetView[])[0] as SetView;
    const admin = await t.as({ role: 'province_admin' });
    expect((await admin.put(`/api/product-sets/${set.id}`, { managingAgency: 'Bộ khác' })).statusCode).toBe(403);
    const system = await t.as({ role: 'system_admin' });
    const changed = await system.put(`/api/product-sets/${set.id}`, { managingAgency: 'Bộ Nông nghiệp và Môi trường (Cục Trồng trọt)' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().managingAgency).toBe('Bộ Nông nghiệp và Môi trường (Cục Trồng trọt)');
    const inverted = await system.put(`/api/product-sets/${set.id}`, { effectiveTo: '2020-01-01' });
    expect(inverted.statusCode).toBe(422);
    expect(inverted.json().code).toBe('product_set.effective_dates_inverted');
    const entries = (await system.get(`/api/audit-entries?entityType=product_set&entityId=${set.id}`)).json().items;
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'product_set.updated',
        before: { managingAgency: 'Bộ Nông nghiệp và Môi trường' },
        after: { managingAgency: 'Bộ Nông nghiệp và Môi trường (Cục Trồng trọt)' },
      }),
    ]);
  });
});
