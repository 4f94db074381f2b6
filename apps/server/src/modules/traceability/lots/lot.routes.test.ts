import type { LotView } from '@ocop/contracts/traceability';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aGtin13, givenProduct, givenProducer } from '../../../test-support/registry-builders';
import { CHIENG_AN, type Client, HANOI, startTestApp, type TestApp } from '../../../test-support/test-app';
import { lots } from './lot.tables';

const TA_XUA = '03868'; // the commune of producerBody()

describe('production lots', () => {
  let t: TestApp;
  let officer: Client;
  let producerId: string;
  let product: { id: string; code: string };
  let member: Client;

  beforeAll(async () => {
    t = await startTestApp(); // the clock shows 2026-03-02 in Vietnam
    officer = await t.as({ role: 'province_officer' });
    producerId = (await givenProducer(officer)).id;
    product = await givenProduct(t, officer, producerId);
    member = await t.as({ role: 'producer_member', producerId });
  });
  afterAll(async () => t.close());

  const lotBody = (overrides: Record<string, unknown> = {}) => ({
    productId: product.id,
    lotCode: `L${Math.floor(Math.random() * 1e8)}`,
    producedOn: '2026-02-20',
    expiresOn: '2027-02-20',
    quantity: 120.5,
    unit: 'kg',
    growingAreaCode: 'VN-SLTX-0012',
    growingAreaCommuneCode: TA_XUA,
    notes: 'Thu hái vụ xuân',
    ...overrides,
  });
  const storedFor = async (productId: string) => t.database.db.select().from(lots).where(eq(lots.productId, productId));

  it('lets a producer member record, read, correct and list a lot of its own product', async () => {
    const created = await member.post('/api/traceability/lots', lotBody({ lotCode: ' XUAN-2026/01 ', quantity: '120,5' }));
    expect(created.statusCode).toBe(201);
    const lot = created.json() as LotView;
    expect(lot).toMatchObject({
      productId: product.id,
      producerId,
      provinceCode: '14',
      lotCode: 'XUAN-2026/01',
      producedOn: '2026-02-20',
      expiresOn: '2027-02-20',
      bestBefore: null,
      quantity: 120.5,
      unit: 'kg',
      growingAreaCode: 'VN-SLTX-0012',
      growingAreaCommuneCode: TA_XUA,
      revision: 1,
      // No GTIN: the province URN of the lot, the lot %-escaped as in a Digital Link.
      classUri: `urn:ocop:vn:lot:${product.code}:XUAN-2026%2F01`,
    });

    expect((await member.get(`/api/traceability/lots/${lot.id}`)).json()).toEqual(lot);

    const { productId: _fixed, ...fields } = lotBody({ lotCode: lot.lotCode, expiresOn: null, bestBefore: '2026-12-31', quantity: 118 });
    const updated = await member.put(`/api/traceability/lots/${lot.id}`, { ...fields, revision: 1 });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ revision: 2, expiresOn: null, bestBefore: '2026-12-31', quantity: 118 });

    const stale = await member.put(`/api/traceability/lots/${lot.id}`, { ...fields, quantity: 1, revision: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'lot.stale_revision', details: { revision: 2 } });

    const list = (await member.get(`/api/traceability/lots?productId=${product.id}&q=XUAN`)).json() as { items: LotView[]; total: number };
    expect(list.items.map((item) => item.id)).toEqual([lot.id]);
    expect(list.total).toBe(1);

    const admin = await t.as({ role: 'province_admin' });
    const entries = (await admin.get(`/api/audit-entries?entityType=lot&entityId=${lot.id}`)).json().items as { action: string }[];
    expect(entries.map((entry) => entry.action).sort()).toEqual(['lot.created', 'lot.updated']);
  });

  it('names a lot of a product with a GTIN by its LGTIN Digital Link', async () => {
    const gtin13 = aGtin13();
    const withGtin = await givenProduct(t, officer, producerId, { gtins: [gtin13] });
    const response = await member.post('/api/traceability/lots', lotBody({ productId: withGtin.id, lotCode: 'A:1' }));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ classUri: `https://id.gs1.org/01/0${gtin13}/10/A%3A1` });
  });

  it('refuses a lot code the product already has, and takes it for another product', async () => {
    expect((await member.post('/api/traceability/lots', lotBody({ lotCode: 'DUP-1' }))).statusCode).toBe(201);
    const again = await officer.post('/api/traceability/lots', lotBody({ lotCode: ' DUP-1' }));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'lot.code_taken', details: { field: 'lotCode', lotCode: 'DUP-1' } });
    expect(again.json().detail).toContain('DUP-1');

    const other = await givenProduct(t, officer, producerId);
    expect((await member.post('/api/traceability/lots', lotBody({ productId: other.id, lotCode: 'DUP-1' }))).statusCode).toBe(201);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a lot code with a space and a mark', { lotCode: 'LÔ 01' }, 'lot.code_invalid', 'lotCode'],
    ['a lot code of 21 characters', { lotCode: 'L'.repeat(21) }, 'lot.code_invalid', 'lotCode'],
    ['production tomorrow', { producedOn: '2026-03-03', expiresOn: null }, 'lot.produced_in_future', 'producedOn'],
    ['an expiry before production', { expiresOn: '2026-02-19' }, 'lot.expiry_not_after_production', 'expiresOn'],
    ['both an expiry and a best-before', { bestBefore: '2026-12-31' }, 'lot.both_end_dates', 'bestBefore'],
    ['a quantity of 0', { quantity: 0 }, 'lot.quantity_invalid', 'quantity'],
    ['a quantity in words', { quantity: 'một trăm' }, 'lot.quantity_invalid', 'quantity'],
    ['a growing area in another province', { growingAreaCommuneCode: '00004' }, 'admin_unit.commune_not_found', 'growingAreaCommuneCode'],
  ])('refuses %s with 422 naming the field, and stores nothing', async (_name, change, code, field) => {
    const fresh = await givenProduct(t, officer, producerId);
    const response = await member.post('/api/traceability/lots', lotBody({ productId: fresh.id, ...change }));
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code, details: { field } });
    expect(await storedFor(fresh.id)).toEqual([]);
  });

  it('answers in Vietnamese first', async () => {
    const response = await member.post('/api/traceability/lots', lotBody({ producedOn: '2026-03-10', expiresOn: null }));
    expect(response.json().title).toBe('Ngày sản xuất (2026-03-10) không được sau ngày hôm nay (2026-03-02).');
  });

  it('hides another producer’s lots and products (404) and leaves them out of lists', async () => {
    const lot = (await member.post('/api/traceability/lots', lotBody())).json() as LotView;
    const otherProducerId = (await givenProducer(officer)).id;
    const stranger = await t.as({ role: 'producer_member', producerId: otherProducerId });

    expect((await stranger.get(`/api/traceability/lots/${lot.id}`)).statusCode).toBe(404);
    const { productId: _p, ...fields } = lotBody();
    const put = await stranger.put(`/api/traceability/lots/${lot.id}`, { ...fields, revision: 1 });
    expect(put.statusCode).toBe(404);
    expect(put.json()).toMatchObject({ code: 'lot.not_found' });
    const post = await stranger.post('/api/traceability/lots', lotBody());
    expect(post.statusCode).toBe(404);
    expect(post.json()).toMatchObject({ code: 'product.not_found', details: { field: 'productId' } });
    expect((await stranger.get('/api/traceability/lots')).json()).toMatchObject({ items: [], total: 0 });

    const hanoiOfficer = await t.as({ role: 'province_officer', provinceCode: HANOI });
    expect((await hanoiOfficer.get(`/api/traceability/lots/${lot.id}`)).statusCode).toBe(404);
    expect((await hanoiOfficer.post('/api/traceability/lots', lotBody())).statusCode).toBe(404);
  });

  it('lets the commune officer of the producer’s commune read its lots, and no one else’s commune; never write', async () => {
    const lot = (await member.post('/api/traceability/lots', lotBody())).json() as LotView;
    const here = await t.as({ role: 'commune_officer', communeCode: TA_XUA });
    const elsewhere = await t.as({ role: 'commune_officer', communeCode: CHIENG_AN });

    expect((await here.get(`/api/traceability/lots/${lot.id}`)).statusCode).toBe(200);
    expect(((await here.get(`/api/traceability/lots?producerId=${producerId}`)).json() as { items: LotView[] }).items).toContainEqual(lot);
    expect((await elsewhere.get(`/api/traceability/lots/${lot.id}`)).statusCode).toBe(404);
    expect((await elsewhere.get('/api/traceability/lots')).json()).toMatchObject({ total: 0 });
    expect((await here.post('/api/traceability/lots', lotBody())).statusCode).toBe(403);
  });
});
