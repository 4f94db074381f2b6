import type { SalesPointPage, SalesPointStockView } from '@ocop/contracts/sales-points';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../modules/identity';
import { startTestApp, type TestApp } from '../test-support/test-app';
import { DEMO_SALES_POINT_OPERATOR_LOGIN, DEMO_SALES_POINTS } from './sales-points-demo';
import { seedDemoData } from './seed-demo';

describe('sales points demo data', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.advance(280 * 86_400_000); // 2026-12-07: QĐ 26/2026 in force, the demo decision certifies products
    await seedDemoData(t.modules);
  });
  afterAll(() => t.close());

  const operatorView = async () => {
    const operator = t.client(await t.login(DEMO_SALES_POINT_OPERATOR_LOGIN, DEMO_PASSWORD));
    const points = (await operator.get('/api/sales-points')).json() as SalesPointPage;
    const [own] = points.items;
    const stock = own ? ((await operator.get(`/api/sales-points/${own.id}/stock`)).json() as SalesPointStockView) : null;
    return { points, stock };
  };

  it('registers the province’s points, gives the showcase an operator who sees only it, and stocks certified products', async () => {
    const { points, stock } = await operatorView();
    expect(points.items.map((point) => point.name)).toEqual([DEMO_SALES_POINTS[0]?.name]);
    expect(stock?.items.length).toBeGreaterThan(0);
    const page = await t.anonymous.get('/diem-ban');
    for (const point of DEMO_SALES_POINTS) expect(page.body).toContain(point.name);
    expect(page.body).toMatch(/Huyện cũ \(trước 7\/2025\) có điểm bán: 3\/12/);
    const product = await t.anonymous.get(`/san-pham/${stock?.items[0]?.slug}`);
    expect(product.body).toContain(DEMO_SALES_POINTS[0]?.name);
  });

  it('adds nothing when the seed runs again', async () => {
    const before = await operatorView();
    await seedDemoData(t.modules);
    expect(await operatorView()).toEqual(before);
  });
});
