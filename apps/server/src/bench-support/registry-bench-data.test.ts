import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenProducer, givenProduct } from '../test-support/registry-builders';
import { type TestApp, startTestApp } from '../test-support/test-app';
import { insertRegistryBenchData } from './registry-bench-data';

describe('insertRegistryBenchData', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('loads valid producers and products that the list and search serve, twice without clashes', async () => {
    const first = await insertRegistryBenchData(t.database.db, { products: 600, producers: 200 });
    const second = await insertRegistryBenchData(t.database.db, { products: 400 });
    expect(first).toMatchObject({ producers: 200, products: 600 });
    expect(second).toMatchObject({ producers: 200, products: 400 });
    const officer = await t.as({ role: 'province_officer' });
    const all = (await officer.get('/api/products?pageSize=1')).json();
    expect(all.total).toBe(1000);
    const tea = (await officer.get('/api/products?q=che%20shan%20tuyet&pageSize=200')).json();
    expect(tea.total).toBeGreaterThan(0);
    expect(tea.items.every((p: { nameVi: string }) => p.nameVi.startsWith('Chè Shan tuyết'))).toBe(true);
    const producers = (await officer.get('/api/producers?pageSize=1')).json();
    expect(producers.total).toBe(400);
    // Codes handed out afterwards do not collide with the loaded ones.
    const producer = await givenProducer(officer);
    expect((await givenProduct(t, officer, producer.id)).code).toMatch(/^14-03868-\d+-2026$/);
  });
});
