import type { SalesPointStockView, SalesPointView } from '@ocop/contracts/sales-points';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenLegacyCertificate } from '../../../test-support/certification-builders';
import { givenProducer, givenProduct } from '../../../test-support/registry-builders';
import { type Client, startTestApp, type TestApp } from '../../../test-support/test-app';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../platform/database/database';
import { createSalesPointRepository } from './sales-point.repository';

const TO_HIEU = '03646'; // a ward of the former Sơn La city (district 116)
const MOC_SON = '03979';
const HOSTILE = '<script>window.__pwned=1</script>"><img src=x onerror=alert(1)>';

describe('showcase and sales points', () => {
  let t: TestApp;
  let officer: Client;
  const products: Record<string, string> = {};
  const slugs: Record<string, string> = {};

  const pointBody = (overrides: Record<string, unknown> = {}) => ({
    provinceCode: '14',
    name: 'Trung tâm giới thiệu sản phẩm OCOP Sơn La',
    kind: 'showcase',
    communeCode: TO_HIEU,
    address: 'Đường Tô Hiệu',
    hours: '7:30–21:00',
    location: { lat: 21.3268, lon: 103.9148 },
    ...overrides,
  });

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as({ role: 'province_officer' });
    const producer = await givenProducer(officer, { name: 'HTX Chè Tà Xùa' });
    for (const [key, nameVi, certified] of [
      ['che', 'Chè Shan tuyết Tà Xùa', true],
      ['ruou', 'Rượu táo mèo Bắc Yên', true],
      ['mang', 'Măng rừng chưa chứng nhận', false],
    ] as const) {
      const product = await givenProduct(t, officer, producer.id, { nameVi });
      products[key] = product.id;
      slugs[key] = product.slug;
      if (certified)
        await givenLegacyCertificate(t, {
          expiresOn: '2028-05-01',
          producerId: producer.id,
          productId: product.id,
          productName: nameVi,
          stars: 4,
        });
    }
    t.modules.catalogue.catalogue.invalidate();
  });
  afterAll(async () => t.close());

  const register = async (overrides: Record<string, unknown> = {}) => {
    const response = await officer.post('/api/sales-points', pointBody(overrides));
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as SalesPointView;
  };

  it('lets the province register a point, derives its former district from the map, and keeps it per scope', async () => {
    const point = await register();
    expect(point).toMatchObject({
      kind: 'showcase',
      status: 'active',
      communeCode: TO_HIEU,
      legacyDistrictCode: '116',
      stockCount: 0,
      revision: 1,
    });
    expect((await officer.get(`/api/sales-points/${point.id}`)).json()).toEqual(point);

    const sameCommune = await t.as({ role: 'commune_officer', communeCode: TO_HIEU });
    const otherCommune = await t.as({ role: 'commune_officer', communeCode: MOC_SON });
    expect((await sameCommune.get(`/api/sales-points/${point.id}`)).statusCode).toBe(200);
    expect((await otherCommune.get(`/api/sales-points/${point.id}`)).statusCode).toBe(404);
    expect(((await otherCommune.get('/api/sales-points')).json() as { total: number }).total).toBe(0);
    // Registering is the province's: a commune officer holds no `sales_points.manage`.
    expect((await sameCommune.post('/api/sales-points', pointBody())).statusCode).toBe(403);
    const hanoi = await t.as({ role: 'province_officer', provinceCode: '01' });
    expect((await hanoi.get(`/api/sales-points/${point.id}`)).statusCode).toBe(404);
    expect((await hanoi.post('/api/sales-points', pointBody())).statusCode).toBe(403);
  });

  it.each([
    ['a shop without a place on the map', { location: null }, 422, 'sales_point.location_required'],
    ['a latitude that lost a digit (outside Vietnam)', { location: { lat: 2.13, lon: 103.91 } }, 422, 'sales_point.location_outside'],
    ['an online store without a web address', { kind: 'online_store', location: null }, 422, 'sales_point.website_required'],
    ['a commune of another province', { communeCode: '00004' }, 422, 'admin_unit.commune_not_found'],
    ['a former district the commune never belonged to', { legacyDistrictCode: '121' }, 422, 'sales_point.district_required'],
    ['a script address', { kind: 'online_store', websiteUrl: 'javascript:alert(1)' }, 400, 'request.invalid'],
    ['a name of 201 characters', { name: 'x'.repeat(201) }, 400, 'request.invalid'],
    ['hours of 10,000 characters', { hours: 'x'.repeat(10_000) }, 400, 'request.invalid'],
  ])('refuses %s (%s %s) and stores nothing', async (_name, overrides, status, code) => {
    const before = ((await officer.get('/api/sales-points')).json() as { total: number }).total;
    const response = await officer.post('/api/sales-points', pointBody(overrides), { 'accept-language': 'vi' });
    expect(response.statusCode, response.body).toBe(status);
    expect(response.json()).toMatchObject({ code });
    expect((response.json() as { title: string }).title).toMatch(/[à-ỹ]/);
    expect(((await officer.get('/api/sales-points')).json() as { total: number }).total).toBe(before);
  });

  it('gives the operator its own point’s shelf only, and lists only certified products', async () => {
    const point = await register({
      name: 'Góc OCOP Bưu điện Mộc Châu',
      kind: 'post_office',
      communeCode: MOC_SON,
      location: { lat: 20.8479, lon: 104.6352 },
    });
    const other = await register({ name: 'Điểm bán khác' });
    const operator = await t.as({ role: 'sales_point_operator', salesPointId: point.id });

    const put = await operator.put(`/api/sales-points/${point.id}/stock`, { productIds: [products.che, products.ruou, products.che] });
    expect(put.statusCode, put.body).toBe(200);
    const stock = put.json() as SalesPointStockView;
    expect(stock.items.map((item) => item.name)).toEqual(['Chè Shan tuyết Tà Xùa', 'Rượu táo mèo Bắc Yên']);
    expect((await operator.get(`/api/sales-points/${point.id}`)).json()).toMatchObject({ stockCount: 2 });

    const uncertified = await operator.put(`/api/sales-points/${point.id}/stock`, { productIds: [products.che, products.mang] });
    expect(uncertified.statusCode).toBe(422);
    expect(uncertified.json()).toMatchObject({ code: 'sales_point.product_not_certified' });
    expect(((await operator.get(`/api/sales-points/${point.id}/stock`)).json() as SalesPointStockView).items).toHaveLength(2);

    const tooMany = await operator.put(`/api/sales-points/${point.id}/stock`, {
      productIds: Array.from({ length: 501 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
    });
    expect(tooMany.statusCode).toBe(400);

    expect((await operator.get(`/api/sales-points/${other.id}`)).statusCode).toBe(404);
    expect((await operator.put(`/api/sales-points/${other.id}/stock`, { productIds: [products.che] })).statusCode).toBe(404);
    expect((await operator.put(`/api/sales-points/${point.id}`, { ...pointBody(), revision: 1, status: 'closed' })).statusCode).toBe(403);
    const candidates = await operator.get(`/api/sales-points/${point.id}/stock-candidates?q=${encodeURIComponent('che shan tuyet')}`);
    expect((candidates.json() as { items: { productId: string }[] }).items[0]?.productId).toBe(products.che);
    const member = await t.as({ role: 'producer_member', producerId: (await givenProducer(officer)).id });
    expect((await member.put(`/api/sales-points/${point.id}/stock`, { productIds: [] })).statusCode).toBe(403);
  });

  it('shows the points on the public map with coverage, and on the product page under “where to buy”', async () => {
    const point = await register({
      name: `Điểm bán ${HOSTILE}`,
      hours: HOSTILE,
      address: HOSTILE,
      communeCode: MOC_SON,
      location: { lat: 20.85, lon: 104.63 },
    });
    const operator = await t.as({ role: 'sales_point_operator', salesPointId: point.id });
    expect((await operator.put(`/api/sales-points/${point.id}/stock`, { productIds: [products.ruou] })).statusCode).toBe(200);

    const map = await t.anonymous.get('/diem-ban');
    expect(map.statusCode).toBe(200);
    expect(map.headers['cache-control']).toBe('public, max-age=300');
    expect(map.body).toContain('<svg');
    expect(map.body).toMatch(/Huyện cũ \(trước 7\/2025\) có điểm bán: [1-9]\d*\/12/);
    expect(map.body).toMatch(/Xã, phường \(từ 7\/2025\) có điểm bán: [1-9]\d*\/75/);
    expect(map.body).not.toContain('<script>window');
    expect(map.body).not.toContain('<img src=x');
    expect(map.body).toContain('&lt;script&gt;');

    const product = await t.anonymous.get(`/san-pham/${slugs.ruou}`);
    expect(product.body).toContain('Nơi mua');
    expect(product.body).toContain(`/diem-ban/${point.id}`);
    expect(product.body).not.toContain('<img src=x');
    const english = await t.anonymous.get(`/san-pham/${slugs.ruou}?lang=en`);
    expect(english.body).toContain('Where to buy');

    const detail = await t.anonymous.get(`/diem-ban/${point.id}?lang=en`);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain('Rượu táo mèo Bắc Yên');

    // Closing the point takes it off the map and off the product page at once (this process's write).
    const { revision } = (await officer.get(`/api/sales-points/${point.id}`)).json() as SalesPointView;
    const closed = await officer.put(`/api/sales-points/${point.id}`, {
      ...pointBody({ name: 'Đã đóng', communeCode: MOC_SON }),
      provinceCode: undefined,
      status: 'closed',
      revision,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await t.anonymous.get(`/san-pham/${slugs.ruou}`)).body).not.toContain(`/diem-ban/${point.id}`);
    expect((await t.anonymous.get(`/diem-ban/${point.id}`)).statusCode).toBe(404);
    expect((await operator.put(`/api/sales-points/${point.id}/stock`, { productIds: [] })).json()).toMatchObject({
      code: 'sales_point.closed',
    });
    const stale = await officer.put(`/api/sales-points/${point.id}`, {
      ...pointBody({ communeCode: MOC_SON }),
      provinceCode: undefined,
      status: 'active',
      revision,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('moves its change token on every write another process could make, and only then', async () => {
    const repository = createSalesPointRepository({ transactions: t.transactions });
    const token = () => t.transactions.run(() => repository.changeToken());
    const before = await token();
    expect(await token()).toBe(before);

    const point = await register({ name: 'Điểm bán của tiến trình khác', communeCode: MOC_SON });
    const registered = await token();
    expect(registered).not.toBe(before);

    // Another process puts a product on the shelf and takes it off again, writing no time at all.
    await queryRows(
      t.database.db,
      sql`insert into sales_point_stock (sales_point_id, product_id, added_at) values (${point.id}, ${products.che}, now())`,
    );
    const stocked = await token();
    expect(stocked).not.toBe(registered);
    await queryRows(t.database.db, sql`delete from sales_point_stock where sales_point_id = ${point.id}`);
    expect(await token()).toBe(registered);

    await queryRows(t.database.db, sql`update sales_points set revision = revision + 1 where id = ${point.id}`);
    expect(await token()).not.toBe(registered);
  });

  it('answers bad public requests in both languages', async () => {
    const language = await t.anonymous.get('/diem-ban?lang=fr');
    expect(language.statusCode).toBe(400);
    expect(language.body).toContain('Unsupported language');
    // Fastify refuses a path parameter this long before the route runs.
    expect((await t.anonymous.get(`/diem-ban/${'x'.repeat(10_000)}`)).statusCode).toBe(400);
    expect((await t.anonymous.get(`/diem-ban/${'x'.repeat(80)}`)).statusCode).toBe(404);
    expect((await t.anonymous.get('/diem-ban/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('lets a user be made the operator of a point of their province only', async () => {
    const point = await register({ name: 'Điểm bán cho người vận hành' });
    const admin = await t.as({ role: 'province_admin' });
    const user = (salesPointId: string) => ({
      fullName: 'Nhân viên điểm bán',
      email: `diemban.${salesPointId.slice(0, 8)}.${Math.random().toString(36).slice(2, 8)}@test.vn`,
      password: 'mat-khau-dai-du-12',
      provinceCode: '14',
      roles: [{ role: 'sales_point_operator', salesPointId }],
    });
    expect((await admin.post('/api/users', user(point.id))).statusCode).toBe(201);
    const unknown = await admin.post('/api/users', user('00000000-0000-4000-8000-000000000000'));
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'sales_point.not_found' });
  });
});

describe('the sales-point map over tiles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      settings: { mapTiles: { urlTemplate: 'https://tiles.example.vn/{z}/{x}/{y}.png', attribution: '© OpenStreetMap' } },
    });
    const officer = await t.as({ role: 'province_officer' });
    const created = await officer.post('/api/sales-points', {
      provinceCode: '14',
      name: 'Điểm bán Tô Hiệu',
      kind: 'showcase',
      communeCode: TO_HIEU,
      location: { lat: 21.3268, lon: 103.9148 },
    });
    expect(created.statusCode, created.body).toBe(201);
  });
  afterAll(async () => t.close());

  it('lays the configured server’s tiles under the markers and lets the page load them', async () => {
    const page = await t.anonymous.get('/diem-ban');
    expect(page.statusCode).toBe(200);
    const tiles = [...page.body.matchAll(/src="https:\/\/tiles\.example\.vn\/(\d+)\/(\d+)\/(\d+)\.png"/g)];
    expect(tiles.length).toBeGreaterThan(0);
    expect(tiles.length).toBeLessThanOrEqual(12);
    expect(page.body).toContain('© OpenStreetMap');
    expect(page.body).not.toContain('<svg');
    expect(page.headers['content-security-policy']).toContain("img-src 'self' data: blob: https://tiles.example.vn;");
  });
});
