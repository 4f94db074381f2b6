import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from './seed-demo';
import { DEMO_PASSWORD } from '../modules/identity';
import { type TestApp, startTestApp } from '../test-support/test-app';
import { DEMO_PRODUCER_MEMBER_LOGIN, DEMO_PRODUCERS } from './registry-demo';

type ProducerItem = { id: string; name: string; isDemo: boolean; legacyDistrictCode: string | null; communeCode: string };
type ProductItem = {
  id: string;
  nameVi: string;
  isDemo: boolean;
  version: number;
  productSet: { code: string; groupCode: string };
  producer: { id: string };
};

describe('registry demo data', () => {
  let t: TestApp;
  let first: Awaited<ReturnType<typeof seedDemoData>>;

  beforeAll(async () => {
    t = await startTestApp();
    first = await seedDemoData(t.modules);
  });
  afterAll(() => t.close());

  it('creates Sơn La producers and products across at least 8 former districts and 8 product sets, all marked as demo', async () => {
    const officer = await t.as({ role: 'province_officer' });
    const producers: ProducerItem[] = (await officer.get('/api/producers?pageSize=200')).json().items;
    const products: ProductItem[] = (await officer.get('/api/products?pageSize=200')).json().items;
    expect(first.producers).toBe(DEMO_PRODUCERS.length);
    expect(producers).toHaveLength(DEMO_PRODUCERS.length);
    expect(products).toHaveLength(first.products);
    expect(producers.every((p) => p.isDemo && p.name.startsWith('(Demo) '))).toBe(true);
    expect(products.every((p) => p.isDemo && p.nameVi.startsWith('(Demo) '))).toBe(true);
    expect(new Set(producers.map((p) => p.legacyDistrictCode)).size).toBeGreaterThanOrEqual(8);
    const sets = new Set(products.map((p) => p.productSet.code));
    expect(sets.size).toBeGreaterThanOrEqual(8);
    // tea, coffee, fruit, honey, herbal, handicraft, community tourism
    for (const code of ['1.5.1', '1.6.1', '1.1.1', '1.2.2', '3.1.1', '4.1.1', '6.1.1']) expect(sets).toContain(code);
  });

  it('changes nothing when run again', async () => {
    const again = await seedDemoData(t.modules);
    expect(again).toMatchObject({ producers: 0, products: 0, users: [] });
  });

  it('finds the Bích Thao coffee by typing without diacritics', async () => {
    const officer = await t.as({ role: 'province_officer' });
    const found: ProductItem[] = (await officer.get('/api/products?q=ca%20phe%20bot%20bich%20thao')).json().items;
    expect(found.map((p) => p.nameVi)).toEqual(['(Demo) Cà phê bột nguyên chất Bích Thao']);
  });

  it('gives the demo producer member the Bích Thao cooperative and nothing else', async () => {
    const session = await t.login(DEMO_PRODUCER_MEMBER_LOGIN, DEMO_PASSWORD);
    const member = t.client(session);
    const producers: ProducerItem[] = (await member.get('/api/producers')).json().items;
    expect(producers.map((p) => p.name)).toEqual(['(Demo) HTX Cà phê Bích Thao']);
    const own: ProductItem[] = (await member.get('/api/products')).json().items;
    expect(own.length).toBeGreaterThanOrEqual(2);
    const target = own[0] as ProductItem;
    const edited = await member.patch(`/api/products/${target.id}`, { version: target.version, netQuantity: '250 g' });
    expect(edited.statusCode).toBe(200);
    const officer = await t.as({ role: 'province_officer' });
    const other = ((await officer.get('/api/products?q=toi%20den')).json().items as ProductItem[])[0] as ProductItem;
    expect((await member.patch(`/api/products/${other.id}`, { version: other.version, netQuantity: '1 g' })).statusCode).toBe(404);
  });
});
