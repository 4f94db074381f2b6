import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aGtin13, aTaxCode, givenProducer, givenProduct, productSetId } from '../../../test-support/registry-builders';
import { type Client, HANOI, type TestApp, startTestApp } from '../../../test-support/test-app';

describe('product routes', () => {
  let t: TestApp;
  let officer: Client;
  let admin: Client;
  let system: Client;
  let producer: { id: string; version: number; name: string; registrationNumber: string };

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as({ role: 'province_officer' });
    admin = await t.as({ role: 'province_admin' });
    system = await t.as({ role: 'system_admin' });
    producer = await givenProducer(officer, { name: 'Hợp tác xã Chè Tà Xùa Bắc Yên' });
  });
  afterAll(() => t.close());

  async function countProducts(query: string) {
    return (await system.get(`/api/products?${query}`)).json().total as number;
  }

  describe('creating and reading', () => {
    it('adds a product with a generated code, a slug, GTINs normalised to 14 digits and whole-đồng prices', async () => {
      const gtin = aGtin13();
      const response = await officer.post('/api/products', {
        producerId: producer.id,
        productSetId: await productSetId(t, '1.5.1'),
        nameVi: 'Chè Shan tuyết cổ thụ Tà Xùa',
        nameEn: 'Ta Xua ancient Shan Tuyet tea',
        nameZh: '塔苏雪山茶',
        description: 'Chè búp khô.',
        story: 'Câu chuyện về những cây chè trăm tuổi.',
        rawMaterial: 'Búp chè Shan tuyết',
        rawMaterialOrigin: 'Xã Tà Xùa',
        packaging: 'Hộp giấy',
        netQuantity: '200 g',
        shelfLife: '24 tháng',
        storageInstructions: 'Nơi khô ráo',
        priceMin: 150_000,
        priceMax: 250_000,
        gtins: [gtin],
        status: 'on_sale',
      });
      expect(response.statusCode).toBe(201);
      const product = response.json();
      expect(product).toMatchObject({
        provinceCode: '14',
        code: expect.stringMatching(/^14-03868-\d{3}-2026$/),
        slug: 'che-shan-tuyet-co-thu-ta-xua',
        nameVi: 'Chè Shan tuyết cổ thụ Tà Xùa',
        nameZh: '塔苏雪山茶',
        priceMin: 150_000,
        priceMax: 250_000,
        gtins: [`0${gtin}`],
        status: 'on_sale',
        version: 1,
        primaryImageUrl: null,
        legacyProductSet: null,
        producer: {
          id: producer.id,
          name: producer.name,
          type: 'cooperative',
          communeCode: '03868',
          communeName: 'Xã Tà Xùa',
          legacyDistrictCode: '121',
        },
        productSet: { code: '1.5.1', name: 'Chè tươi, chè chế biến', versionCode: 'qd148-2023', groupCode: '1', groupName: 'Thực phẩm' },
      });
      const read = await officer.get(`/api/products/${product.id}`);
      expect(read.json()).toEqual(product);
    });

    it('numbers codes per commune and year, and suffixes a slug already taken', async () => {
      const first = await givenProduct(t, officer, producer.id, { nameVi: 'Mật ong hoa ban' });
      const second = await givenProduct(t, officer, producer.id, { nameVi: 'Mật ong hoa ban' });
      expect(second.slug).toBe(`${first.slug}-2`);
      const sequence = (code: string) => Number(code.split('-')[2]);
      expect(sequence(second.code)).toBe(sequence(first.code) + 1);
    });

    it('keeps the 1048-era set of a product evaluated in 2021', async () => {
      const legacySetId = await productSetId(t, '1.6.1', 'qd1048-2019');
      const product = await givenProduct(t, officer, producer.id, { legacyProductSetId: legacySetId });
      const read = (await officer.get(`/api/products/${product.id}`)).json();
      expect(read.legacyProductSet).toMatchObject({
        id: legacySetId,
        code: '1.6.1',
        name: 'Chè tươi, chế biến',
        versionCode: 'qd1048-2019',
      });
    });

    it('takes a code issued earlier from provincial staff only', async () => {
      const code = `83-829-28780-${Math.floor(Math.random() * 1e6)}-2022`;
      const product = await givenProduct(t, officer, producer.id, { code });
      expect(product.code).toBe(code);
      const again = await officer.post('/api/products', {
        producerId: producer.id,
        productSetId: await productSetId(t, '1.5.1'),
        nameVi: 'Chè',
        code,
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('product.code_taken');
      const member = await t.as({ role: 'producer_member', producerId: producer.id });
      const refused = await member.post('/api/products', {
        producerId: producer.id,
        productSetId: await productSetId(t, '1.5.1'),
        nameVi: 'Chè',
        code: 'SL-2020-001',
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('product.code_not_allowed');
    });
  });

  describe('bad input: a clear Vietnamese message and nothing stored', () => {
    it('refuses a GTIN with a wrong check digit', async () => {
      const good = aGtin13();
      const wrong = `${good.slice(0, 12)}${(Number(good[12]) + 1) % 10}`;
      const before = await countProducts(`producerId=${producer.id}`);
      const response = await officer.post('/api/products', {
        producerId: producer.id,
        productSetId: await productSetId(t, '1.5.1'),
        nameVi: 'Chè xanh',
        gtins: [wrong],
      });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({
        code: 'product.gtin_invalid',
        title: `Mã GTIN "${wrong}" không hợp lệ (cần 8, 12, 13 hoặc 14 chữ số với số kiểm tra GS1 đúng).`,
        details: { field: 'gtins' },
      });
      expect(await countProducts(`producerId=${producer.id}`)).toBe(before);
    });

    it('refuses a GTIN that belongs to another product', async () => {
      const gtin = aGtin13();
      const first = await givenProduct(t, officer, producer.id, { gtins: [gtin] });
      const before = await countProducts(`producerId=${producer.id}`);
      const response = await officer.post('/api/products', {
        producerId: producer.id,
        productSetId: await productSetId(t, '1.5.1'),
        nameVi: 'Chè khác',
        gtins: [`0${gtin}`],
      });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({
        code: 'product.gtin_taken',
        title: `Mã GTIN 0${gtin} đã được gán cho sản phẩm khác (${first.code}).`,
      });
      expect(await countProducts(`producerId=${producer.id}`)).toBe(before);
    });

    it('does not name another province’s product that holds the GTIN', async () => {
      const gtin = aGtin13();
      const hanoi = await givenProducer(system, { provinceCode: HANOI, communeCode: '00004', legacyCommuneCode: null });
      const theirs = await givenProduct(t, system, hanoi.id, { gtins: [gtin] });
      const response = await officer.post('/api/products', {
        producerId: producer.id,
        productSetId: await productSetId(t, '1.5.1'),
        nameVi: 'Chè trùng mã vạch',
        gtins: [gtin],
      });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'product.gtin_in_use', title: `Mã GTIN 0${gtin} đã được gán cho một sản phẩm khác.` });
      expect(response.body).not.toContain(theirs.code);
      const mine = await givenProduct(t, officer, producer.id, {});
      const changed = await officer.patch(`/api/products/${mine.id}`, { version: mine.version, gtins: [gtin] });
      expect(changed.statusCode).toBe(409);
      expect(changed.json().code).toBe('product.gtin_in_use');
      expect(changed.body).not.toContain(theirs.code);
    });

    it('refuses a product set that does not exist', async () => {
      const before = await countProducts(`producerId=${producer.id}`);
      const response = await officer.post('/api/products', {
        producerId: producer.id,
        productSetId: randomUUID(),
        nameVi: 'Sản phẩm không bộ',
      });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({
        code: 'product.product_set_not_found',
        title: 'Không tìm thấy bộ sản phẩm đã chọn.',
        details: { field: 'productSetId' },
      });
      expect(await countProducts(`producerId=${producer.id}`)).toBe(before);
    });

    it('refuses a set of the old classification as the current set', async () => {
      const response = await officer.post('/api/products', {
        producerId: producer.id,
        productSetId: await productSetId(t, '1.7.1', 'qd1048-2019'),
        nameVi: 'Cà phê',
      });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({
        code: 'product.product_set_not_current',
        title: 'Bộ sản phẩm "Cà phê, Ca cao" thuộc phân loại cũ; hãy chọn bộ sản phẩm theo phân loại hiện hành.',
      });
    });

    it.each([
      [
        { priceMin: 200_000, priceMax: 100_000 },
        'product.price_range_inverted',
        'Giá thấp nhất (200.000\u00a0₫) lớn hơn giá cao nhất (100.000\u00a0₫).',
      ],
      [{ priceMin: 1500.5 }, 'product.price_invalid', 'Giá phải là số nguyên đồng, không âm.'],
      [{ priceMax: -1 }, 'product.price_invalid', 'Giá phải là số nguyên đồng, không âm.'],
    ])('refuses the prices %o', async (prices, code, title) => {
      const before = await countProducts(`producerId=${producer.id}`);
      const response = await officer.post('/api/products', {
        producerId: producer.id,
        productSetId: await productSetId(t, '1.5.1'),
        nameVi: 'Chè',
        ...prices,
      });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ code, title });
      expect(await countProducts(`producerId=${producer.id}`)).toBe(before);
    });

    it('refuses a product for a dissolved producer', async () => {
      const closing = await givenProducer(officer);
      await officer.post(`/api/producers/${closing.id}/status`, { status: 'dissolved', version: closing.version });
      const response = await officer.post('/api/products', {
        producerId: closing.id,
        productSetId: await productSetId(t, '1.5.1'),
        nameVi: 'Chè',
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('producer.dissolved');
      expect(await countProducts(`producerId=${closing.id}`)).toBe(0);
    });
  });

  describe('listing, filtering and searching', () => {
    let shanTuyet: { id: string };
    let coffee: { id: string };
    let honey: { id: string };
    let household: { id: string };

    beforeAll(async () => {
      const bichThao = await givenProducer(officer, { name: 'HTX Cà phê Bích Thao', communeCode: '03670', legacyCommuneCode: '03676' });
      household = await givenProducer(officer, {
        name: 'Hộ kinh doanh Mật ong Mộc Châu',
        type: 'household_business',
        registrationNumber: `24B8${Math.floor(Math.random() * 1e6)}`,
        communeCode: '03979',
        legacyCommuneCode: '04030',
      });
      shanTuyet = await givenProduct(t, officer, producer.id, { nameVi: 'Chè Shan tuyết', status: 'on_sale' });
      coffee = await givenProduct(t, officer, bichThao.id, {
        nameVi: 'Cà phê bột nguyên chất',
        productSetId: await productSetId(t, '1.6.1'),
        status: 'on_sale',
      });
      honey = await givenProduct(t, officer, household.id, { nameVi: 'Mật ong hoa rừng', productSetId: await productSetId(t, '1.2.2') });
    });

    it('finds "Chè Shan tuyết" by typing "che shan tuyet"', async () => {
      for (const q of ['che shan tuyet', 'CHE SHAN TUYET', 'shan tuyết', 'tuyet che']) {
        const response = await officer.get(`/api/products?q=${encodeURIComponent(q)}`);
        expect(response.statusCode).toBe(200);
        expect(response.json().items.map((p: { id: string }) => p.id)).toContain(shanTuyet.id);
        expect(response.json().items.map((p: { id: string }) => p.id)).not.toContain(coffee.id);
      }
    });

    it('finds products by their producer’s name and by their code', async () => {
      const byProducer = (await officer.get('/api/products?q=bich%20thao')).json();
      expect(byProducer.items.map((p: { id: string }) => p.id)).toEqual([coffee.id]);
      const code = (await officer.get(`/api/products/${honey.id}`)).json().code;
      const byCode = (await officer.get(`/api/products?q=${code}`)).json();
      expect(byCode.items.map((p: { id: string }) => p.id)).toEqual([honey.id]);
    });

    it('finds a producer’s products by its tax code or registration number, in any case', async () => {
      const byTaxCode = (await officer.get(`/api/products?q=${producer.registrationNumber}`)).json();
      expect(byTaxCode.items.map((p: { id: string }) => p.id)).toContain(shanTuyet.id);
      expect(byTaxCode.items.map((p: { id: string }) => p.id)).not.toContain(coffee.id);
      const number = (await officer.get(`/api/producers/${household.id}`)).json().registrationNumber as string;
      const byNumber = (await officer.get(`/api/products?q=${encodeURIComponent(number.toLowerCase())}`)).json();
      expect(byNumber.items.map((p: { id: string }) => p.id)).toEqual([honey.id]);
    });

    it('filters by commune, new code or old code', async () => {
      const byNew = (await officer.get('/api/products?communeCode=03979')).json();
      const byOld = (await officer.get('/api/products?communeCode=04030')).json();
      expect(byNew.items.map((p: { id: string }) => p.id)).toEqual([honey.id]);
      expect(byOld.items.map((p: { id: string }) => p.id)).toEqual([honey.id]);
      const byDistrict = (await officer.get('/api/products?legacyDistrictCode=116')).json();
      expect(byDistrict.items.map((p: { id: string }) => p.id)).toEqual([coffee.id]);
    });

    it('filters by producer type, product group, product set and status', async () => {
      const households = (await officer.get('/api/products?producerType=household_business')).json();
      expect(households.items.map((p: { id: string }) => p.id)).toEqual([honey.id]);
      const coffeeSet = await productSetId(t, '1.6.1');
      const bySet = (await officer.get(`/api/products?productSetId=${coffeeSet}`)).json();
      expect(bySet.items.map((p: { id: string }) => p.id)).toEqual([coffee.id]);
      const food = (await officer.get('/api/products?groupCode=1&pageSize=200')).json();
      expect(food.items.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([coffee.id, honey.id, shanTuyet.id]));
      const tourism = (await officer.get('/api/products?groupCode=6')).json();
      expect(tourism.total).toBe(0);
      const ideas = (await officer.get('/api/products?status=idea&pageSize=200')).json();
      expect(ideas.items.map((p: { id: string }) => p.id)).toContain(honey.id);
      expect(ideas.items.map((p: { id: string }) => p.id)).not.toContain(coffee.id);
    });

    it('pages and sorts', async () => {
      const all = (await officer.get('/api/products?sort=name&pageSize=200')).json();
      const names = all.items.map((p: { nameVi: string }) => p.nameVi);
      const page1 = (await officer.get('/api/products?sort=name&pageSize=3&page=1')).json();
      const page2 = (await officer.get('/api/products?sort=name&pageSize=3&page=2')).json();
      expect(page1.total).toBe(all.total);
      expect([...page1.items, ...page2.items].map((p: { nameVi: string }) => p.nameVi)).toEqual(names.slice(0, 6));
      const reversed = (await officer.get('/api/products?sort=-name&pageSize=200')).json();
      expect(reversed.items.map((p: { nameVi: string }) => p.nameVi)).toEqual([...names].reverse());
    });

    it('refuses unknown query parameters', async () => {
      expect((await officer.get('/api/products?star=5')).statusCode).toBe(400);
    });
  });

  describe('scoping by grants', () => {
    let hanoiProduct: { id: string; version: number };
    let otherProduct: { id: string; version: number };

    beforeAll(async () => {
      const hanoi = await givenProducer(system, {
        provinceCode: HANOI,
        communeCode: '00004',
        legacyCommuneCode: null,
        name: 'Công ty Trà Hà Nội',
      });
      hanoiProduct = await givenProduct(t, system, hanoi.id, { nameVi: 'Trà sen Tây Hồ' });
      otherProduct = await givenProduct(t, officer, producer.id, { nameVi: 'Chè vàng Tà Xùa' });
    });

    it('never shows a Hà Nội product to a Sơn La officer', async () => {
      const list = (await officer.get('/api/products?pageSize=200')).json();
      expect(list.items.map((p: { id: string }) => p.id)).not.toContain(hanoiProduct.id);
      expect((await officer.get('/api/products?q=tra%20sen')).json().total).toBe(0);
      expect((await officer.get(`/api/products/${hanoiProduct.id}`)).statusCode).toBe(404);
      expect((await officer.patch(`/api/products/${hanoiProduct.id}`, { version: 1, nameVi: 'X' })).statusCode).toBe(404);
    });

    it('shows a commune officer only the products of their commune’s producers', async () => {
      const communeOfficer = await t.as({ role: 'commune_officer', communeCode: '03868' });
      const list = (await communeOfficer.get('/api/products?pageSize=200')).json();
      expect(list.total).toBeGreaterThan(0);
      expect(list.items.every((p: { producer: { communeCode: string } }) => p.producer.communeCode === '03868')).toBe(true);
      const elsewhere = await t.as({ role: 'commune_officer', communeCode: '03664' });
      expect((await elsewhere.get(`/api/products/${otherProduct.id}`)).statusCode).toBe(404);
    });

    it('lets a producer member edit its own products and nothing else', async () => {
      const own = await givenProducer(officer, { name: 'HTX Nhãn Sông Mã', communeCode: '04168', legacyCommuneCode: '04168' });
      const ownProduct = await givenProduct(t, officer, own.id, { nameVi: 'Long nhãn sấy' });
      const member = await t.as({ role: 'producer_member', producerId: own.id });
      const list = (await member.get('/api/products?pageSize=200')).json();
      expect(list.items.map((p: { id: string }) => p.id)).toEqual([ownProduct.id]);
      const edited = await member.patch(`/api/products/${ownProduct.id}`, {
        version: ownProduct.version,
        priceMin: 180_000,
        priceMax: 220_000,
      });
      expect(edited.statusCode).toBe(200);
      expect(edited.json()).toMatchObject({ priceMin: 180_000, priceMax: 220_000, version: 2 });
      const added = await member.post('/api/products', {
        producerId: own.id,
        productSetId: await productSetId(t, '1.3.3'),
        nameVi: 'Nhãn sấy dẻo',
      });
      expect(added.statusCode).toBe(201);
      const foreign = await member.patch(`/api/products/${otherProduct.id}`, { version: otherProduct.version, priceMin: 1 });
      expect(foreign.statusCode).toBe(404);
      expect(
        (await member.post(`/api/products/${otherProduct.id}/status`, { status: 'withdrawn', version: otherProduct.version })).statusCode,
      ).toBe(404);
      const foreignCreate = await member.post('/api/products', {
        producerId: producer.id,
        productSetId: await productSetId(t, '1.5.1'),
        nameVi: 'Chè',
      });
      expect(foreignCreate.statusCode).toBe(404);
      expect((await officer.get(`/api/products/${otherProduct.id}`)).json().priceMin).toBeNull();
    });
  });

  describe('updating and status', () => {
    it('updates fields, replaces GTINs, keeps code and slug, and records before/after', async () => {
      const product = await givenProduct(t, officer, producer.id, { nameVi: 'Chè xanh Tà Xùa', gtins: [aGtin13()] });
      const gtin = aGtin13();
      const response = await officer.patch(`/api/products/${product.id}`, {
        version: product.version,
        nameVi: 'Chè xanh đặc biệt Tà Xùa',
        description: 'Mô tả mới',
        gtins: [gtin],
        productSetId: await productSetId(t, '1.5.2'),
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        nameVi: 'Chè xanh đặc biệt Tà Xùa',
        code: product.code,
        slug: product.slug,
        gtins: [`0${gtin}`],
        productSet: { code: '1.5.2' },
        version: 2,
      });
      expect((await officer.get('/api/products?q=che%20xanh%20dac%20biet')).json().items.map((p: { id: string }) => p.id)).toEqual([
        product.id,
      ]);
      const entries = (await admin.get(`/api/audit-entries?entityType=product&entityId=${product.id}`)).json().items;
      const updated = entries.find((e: { action: string }) => e.action === 'product.updated');
      expect(updated).toMatchObject({
        provinceCode: '14',
        before: { nameVi: 'Chè xanh Tà Xùa', description: null, gtins: product.gtins, version: 1 },
        after: { nameVi: 'Chè xanh đặc biệt Tà Xùa', description: 'Mô tả mới', gtins: [`0${gtin}`], version: 2 },
      });
      expect(entries.find((e: { action: string }) => e.action === 'product.created')?.after).toMatchObject({
        nameVi: 'Chè xanh Tà Xùa',
        code: product.code,
      });
    });

    it('refuses a change based on a stale version', async () => {
      const product = await givenProduct(t, officer, producer.id);
      expect((await officer.patch(`/api/products/${product.id}`, { version: 1, netQuantity: '100 g' })).statusCode).toBe(200);
      const stale = await admin.patch(`/api/products/${product.id}`, { version: 1, netQuantity: '500 g' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({
        code: 'product.stale_version',
        title: 'Thông tin sản phẩm vừa được người khác thay đổi. Vui lòng tải lại và thử lại.',
      });
      expect((await officer.get(`/api/products/${product.id}`)).json().netQuantity).toBe('100 g');
    });

    it('refuses an invalid GTIN in an update and keeps the old ones', async () => {
      const gtin = aGtin13();
      const product = await givenProduct(t, officer, producer.id, { gtins: [gtin] });
      const response = await officer.patch(`/api/products/${product.id}`, { version: 1, gtins: ['8930000000000'] });
      expect(response.statusCode).toBe(422);
      expect((await officer.get(`/api/products/${product.id}`)).json()).toMatchObject({ gtins: [`0${gtin}`], version: 1 });
    });

    it('moves through statuses and refuses going back to an idea', async () => {
      const product = await givenProduct(t, officer, producer.id);
      const onSale = await officer.post(`/api/products/${product.id}/status`, { status: 'on_sale', version: 1 });
      expect(onSale.json()).toMatchObject({ status: 'on_sale', version: 2, statusChangedAt: '2026-03-02T02:00:00.000Z' });
      const back = await officer.post(`/api/products/${product.id}/status`, { status: 'idea', version: 2 });
      expect(back.statusCode).toBe(409);
      expect(back.json()).toMatchObject({
        code: 'product.status_change_not_allowed',
        title: 'Không thể chuyển sản phẩm từ trạng thái "Đang bán" sang "Ý tưởng".',
      });
      const withdrawn = await officer.post(`/api/products/${product.id}/status`, { status: 'withdrawn', version: 2 });
      expect(withdrawn.json().status).toBe('withdrawn');
    });

    it('publishes each status change inside its transaction: a failing subscriber undoes the change', async () => {
      const product = await givenProduct(t, officer, producer.id);
      const seen: unknown[] = [];
      let refuse = false;
      t.events.inTransaction('registry.product_status_changed', async (event) => {
        if (event.payload.productId !== product.id) return;
        if (refuse) throw new Error('subscriber refuses');
        seen.push(event.payload);
      });
      expect((await officer.post(`/api/products/${product.id}/status`, { status: 'on_sale', version: 1 })).statusCode).toBe(200);
      expect(seen).toEqual([{ productId: product.id, producerId: producer.id, provinceCode: '14', from: 'idea', to: 'on_sale' }]);
      refuse = true;
      expect((await officer.post(`/api/products/${product.id}/status`, { status: 'withdrawn', version: 2 })).statusCode).toBe(500);
      expect((await officer.get(`/api/products/${product.id}`)).json()).toMatchObject({ status: 'on_sale', version: 2 });
    });

    it('keeps product search on the producer’s new name after a rename', async () => {
      const renamed = await givenProducer(officer, { name: 'HTX Hoa Ban Trắng' });
      const product = await givenProduct(t, officer, renamed.id, { nameVi: 'Mật ong rừng' });
      await officer.patch(`/api/producers/${renamed.id}`, { version: renamed.version, name: 'HTX Sơn Tra Vàng' });
      expect((await officer.get('/api/products?q=son%20tra%20vang')).json().items.map((p: { id: string }) => p.id)).toEqual([product.id]);
      expect((await officer.get('/api/products?q=hoa%20ban%20trang')).json().total).toBe(0);
    });

    it('keeps product search on the producer’s new registration number after it changes', async () => {
      const moved = await givenProducer(officer, { name: 'HTX Chè Búp Tím' });
      const product = await givenProduct(t, officer, moved.id, { nameVi: 'Chè búp tím' });
      const newNumber = aTaxCode();
      const patched = await officer.patch(`/api/producers/${moved.id}`, { version: moved.version, registrationNumber: newNumber });
      expect(patched.statusCode).toBe(200);
      expect((await officer.get(`/api/products?q=${newNumber}`)).json().items.map((p: { id: string }) => p.id)).toEqual([product.id]);
      expect((await officer.get(`/api/products?q=${moved.registrationNumber}`)).json().total).toBe(0);
    });
  });
});
