import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenProducer, givenProduct, productSetId } from '../../../test-support/registry-builders';
import { type Client, type TestApp, startTestApp } from '../../../test-support/test-app';

describe('product seasons and Chinese texts', () => {
  let t: TestApp;
  let officer: Client;
  let admin: Client;
  let producer: { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as({ role: 'province_officer' });
    admin = await t.as({ role: 'province_admin' });
    producer = await givenProducer(officer, { name: 'Hợp tác xã Mận hậu Mộc Châu' });
  });
  afterAll(() => t.close());

  it('stores the months sorted, the note and the Chinese texts, and clears them', async () => {
    const created = await officer.post('/api/products', {
      producerId: producer.id,
      productSetId: await productSetId(t, '1.5.1'),
      nameVi: 'Cà phê Arabica Mường Ảng',
      seasons: [12, 10, 1, 11],
      seasonNote: 'Thu hái quả chín đỏ',
      descriptionZh: '阿拉比卡咖啡',
      storyZh: '山罗咖啡的故事',
    });
    expect(created.statusCode).toBe(201);
    const product = created.json();
    expect(product).toMatchObject({
      seasons: [1, 10, 11, 12],
      seasonNote: 'Thu hái quả chín đỏ',
      descriptionZh: '阿拉比卡咖啡',
      storyZh: '山罗咖啡的故事',
    });
    expect((await officer.get(`/api/products/${product.id}`)).json()).toEqual(product);
    expect((await officer.get(`/api/products?producerId=${producer.id}`)).json().items[0].seasons).toEqual([1, 10, 11, 12]);

    const changed = await officer.patch(`/api/products/${product.id}`, { version: product.version, seasons: [6, 5] });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ seasons: [5, 6], seasonNote: 'Thu hái quả chín đỏ', version: 2 });

    const cleared = await officer.patch(`/api/products/${product.id}`, { version: 2, seasons: [], seasonNote: null, descriptionZh: '  ' });
    expect(cleared.json()).toMatchObject({ seasons: [], seasonNote: null, descriptionZh: null, storyZh: '山罗咖啡的故事', version: 3 });

    const entries = (await admin.get(`/api/audit-entries?entityType=product&entityId=${product.id}`)).json().items;
    const updates = entries.filter((e: { action: string }) => e.action === 'product.updated');
    expect(updates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ before: { seasons: [1, 10, 11, 12], version: 1 }, after: { seasons: [5, 6], version: 2 } }),
        expect.objectContaining({
          before: expect.objectContaining({ seasons: [5, 6], seasonNote: 'Thu hái quả chín đỏ', descriptionZh: '阿拉比卡咖啡' }),
          after: expect.objectContaining({ seasons: [], seasonNote: null, descriptionZh: null }),
        }),
      ]),
    );
  });

  it('writes nothing when the months are the same in another order', async () => {
    const product = await givenProduct(t, officer, producer.id, { nameVi: 'Mận hậu Mộc Châu', seasons: [5, 6] });
    const same = await officer.patch(`/api/products/${product.id}`, { version: product.version, seasons: [6, 5] });
    expect(same.json()).toMatchObject({ seasons: [5, 6], version: product.version });
  });

  it.each([
    ['a month 0', [0], '0'],
    ['a month 13', [13], '13'],
    ['a month twice', [5, 5], '5'],
    ['half a month', [1.5], '1.5'],
    ['thirteen months', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1], '1,2,3,4,5,6,7,8,9,10,11,12,1'],
  ])('refuses %s with 422 in Vietnamese and English, and changes nothing', async (_name, seasons, value) => {
    const product = await givenProduct(t, officer, producer.id, { nameVi: 'Mận tam hoa', seasons: [5, 6] });
    const vi = await officer.patch(`/api/products/${product.id}`, { version: product.version, seasons });
    expect(vi.statusCode).toBe(422);
    expect(vi.json()).toMatchObject({
      code: 'product.seasons_invalid',
      title: `Tháng mùa vụ "${value}" không hợp lệ: mỗi tháng là số từ 1 đến 12 và chỉ ghi một lần.`,
      details: { field: 'seasons' },
    });
    const en = await officer.post(
      '/api/products',
      { producerId: producer.id, productSetId: await productSetId(t, '1.5.1'), nameVi: 'Mận tam hoa Bắc Hà', seasons },
      { 'accept-language': 'en' },
    );
    expect(en.statusCode).toBe(422);
    expect(en.json()).toMatchObject({ title: `Season month "${value}" is not valid: each month is a number from 1 to 12, given once.` });
    expect((await officer.get(`/api/products/${product.id}`)).json()).toMatchObject({ seasons: [5, 6], version: product.version });
    expect((await officer.get('/api/products?q=man%20tam%20hoa%20bac%20ha')).json().total).toBe(0);
  });

  it.each([
    ['a season note of 201 characters', { seasonNote: 'x'.repeat(201) }],
    ['a Chinese description over 5,000 characters', { descriptionZh: '茶'.repeat(5001) }],
    ['a Chinese story over 10,000 characters', { storyZh: '茶'.repeat(10_001) }],
    ['a list of 25 months', { seasons: Array.from({ length: 25 }, () => 1) }],
  ])('refuses %s as an invalid request in both languages, and changes nothing', async (_name, change) => {
    const product = await givenProduct(t, officer, producer.id, { nameVi: 'Mận hậu Vân Hồ', seasonNote: 'Tháng 5' });
    const vi = await officer.patch(`/api/products/${product.id}`, { version: product.version, ...change });
    expect(vi.statusCode).toBe(400);
    expect(vi.json()).toMatchObject({ code: 'request.invalid', title: 'Dữ liệu gửi lên không hợp lệ.' });
    const en = await officer.patch(`/api/products/${product.id}`, { version: product.version, ...change }, { 'accept-language': 'en' });
    expect(en.json()).toMatchObject({ code: 'request.invalid', title: 'The request is not valid.' });
    expect((await officer.get(`/api/products/${product.id}`)).json()).toMatchObject({ seasonNote: 'Tháng 5', version: product.version });
  });

  it('accepts a note of exactly 200 characters', async () => {
    const product = await givenProduct(t, officer, producer.id, { nameVi: 'Mận hậu sấy' });
    const response = await officer.patch(`/api/products/${product.id}`, { version: product.version, seasonNote: 'x'.repeat(200) });
    expect(response.statusCode).toBe(200);
  });
});
