import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aGtin13, givenProducer, givenProduct, productSetId } from '../../../test-support/registry-builders';
import { type Client, HANOI, type TestApp, startTestApp } from '../../../test-support/test-app';
import type { CellInput } from './sheet-columns';
import { PRODUCER_HEADERS, parseProducerRow } from './producer-columns';
import { PRODUCT_HEADERS, parseProductRow } from './product-columns';

async function readXlsx(body: Buffer): Promise<CellInput[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const rows: CellInput[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: CellInput[] = [];
    for (let i = 1; i <= sheet.columnCount; i++) cells.push(row.getCell(i).value as CellInput);
    rows.push(cells);
  });
  return rows;
}

/** RFC 4180, enough for the test: quoted fields, doubled quotes, CRLF. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describe('registry exports', () => {
  let t: TestApp;
  let officer: Client;
  let producer: { id: string; registrationNumber: string; name: string };
  let gtin: string;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as({ role: 'province_officer' });
    producer = await givenProducer(officer, {
      name: 'HTX Cà phê Bích Thao',
      communeCode: '03670',
      legacyCommuneCode: '03676',
      phone: '+84 912 000 111',
      address: '=SUM(A1:A2) "bản" Hoàng Văn Thụ, tổ 1',
    });
    await givenProducer(officer, {
      name: 'Công ty TNHH Trà Tây Bắc',
      type: 'enterprise',
      legalForm: 'llc_multi_member',
      latitude: null,
      longitude: null,
      legacyCommuneCode: null,
    });
    const hanoi = await givenProducer(await t.as({ role: 'system_admin' }), {
      provinceCode: HANOI,
      communeCode: '00004',
      legacyCommuneCode: null,
      name: 'Công ty Hà Nội',
    });
    gtin = aGtin13();
    await givenProduct(t, officer, producer.id, {
      nameVi: 'Cà phê bột nguyên chất',
      productSetId: await productSetId(t, '1.6.1'),
      legacyProductSetId: await productSetId(t, '1.7.1', 'qd1048-2019'),
      priceMin: 180_000,
      priceMax: 250_000,
      gtins: [gtin],
      status: 'on_sale',
      story: 'Dòng 1\nDòng 2, có dấu phẩy',
      descriptionZh: '山罗阿拉比卡咖啡',
      seasons: [10, 11, 12, 1],
      seasonNote: 'Thu hái quả chín đỏ',
    });
    await givenProduct(t, await t.as({ role: 'system_admin' }), hanoi.id, { nameVi: 'Trà sen' });
  });
  afterAll(() => t.close());

  it('exports producers as xlsx with exactly the template columns, and the rows read back to the same values', async () => {
    const response = await officer.get('/api/producers/export?format=xlsx&sort=name');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toBe('attachment; filename="chu-the-ocop-2026-03-02.xlsx"');
    const rows = await readXlsx(response.rawPayload);
    expect(rows[0]).toEqual(PRODUCER_HEADERS);
    expect(rows).toHaveLength(3); // header + the two Sơn La producers, not the Hà Nội one
    const ctx = await t.modules.registry.sheets.parseContext('14');
    const exported = rows.find((row) => row[0] === producer.registrationNumber) as CellInput[];
    const parsed = parseProducerRow(exported, ctx);
    expect(parsed.problems).toEqual([]);
    const stored = (await officer.get(`/api/producers/${producer.id}`)).json();
    expect(parsed.values).toEqual({
      registrationNumber: stored.registrationNumber,
      name: stored.name,
      type: stored.type,
      legalForm: stored.legalForm,
      communeCode: '03670',
      legacyCommuneCode: '03676',
      address: stored.address,
      latitude: stored.latitude,
      longitude: stored.longitude,
      representativeName: stored.representativeName,
      phone: '0912000111',
      email: stored.email,
      foundingYear: stored.foundingYear,
      memberCount: stored.memberCount,
      status: 'active',
    });
    expect(exported[PRODUCER_HEADERS.indexOf('Xã cũ (trước 01/7/2025)')]).toBe('03676 - Xã Hua La, Thành phố Sơn La');
  });

  it('exports producers as UTF-8 CSV with a BOM; formulas are defused and read back intact', async () => {
    const response = await officer.get('/api/producers/export?format=csv&q=bich%20thao');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const text = response.rawPayload.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = readCsv(text.slice(1));
    expect(rows[0]).toEqual(PRODUCER_HEADERS);
    expect(rows).toHaveLength(2);
    const row = rows[1] as string[];
    expect(row[PRODUCER_HEADERS.indexOf('Địa chỉ')]).toBe('\'=SUM(A1:A2) "bản" Hoàng Văn Thụ, tổ 1');
    const parsed = parseProducerRow(row, await t.modules.registry.sheets.parseContext('14'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.values).toMatchObject({
      address: '=SUM(A1:A2) "bản" Hoàng Văn Thụ, tổ 1',
      registrationNumber: producer.registrationNumber,
      latitude: 21.3256,
      foundingYear: 2016,
    });
  });

  it('exports products with the template columns; sets, GTINs and prices read back', async () => {
    for (const format of ['xlsx', 'csv'] as const) {
      const response = await officer.get(`/api/products/export?format=${format}`);
      expect(response.statusCode).toBe(200);
      const rows = format === 'xlsx' ? await readXlsx(response.rawPayload) : readCsv(response.rawPayload.toString('utf8').slice(1));
      expect(rows[0]).toEqual(PRODUCT_HEADERS);
      expect(rows).toHaveLength(2);
      const row = rows[1] as CellInput[];
      expect(row[PRODUCT_HEADERS.indexOf('Mã GTIN (mã vạch)')]).toBe(gtin);
      expect(row[PRODUCT_HEADERS.indexOf('Bộ sản phẩm')]).toBe('1.6.1 - Cà phê, ca cao');
      expect(row[PRODUCT_HEADERS.indexOf('Mùa vụ (tháng)')]).toBe('10-1');
      const parsed = parseProductRow(row, await t.modules.registry.sheets.parseContext('14'));
      expect(parsed.problems).toEqual([]);
      expect(parsed.values).toMatchObject({
        producerRegistrationNumber: producer.registrationNumber,
        nameVi: 'Cà phê bột nguyên chất',
        productSetId: await productSetId(t, '1.6.1'),
        legacyProductSetId: await productSetId(t, '1.7.1', 'qd1048-2019'),
        status: 'on_sale',
        story: 'Dòng 1\nDòng 2, có dấu phẩy',
        descriptionZh: '山罗阿拉比卡咖啡',
        seasons: [1, 10, 11, 12],
        seasonNote: 'Thu hái quả chín đỏ',
        priceMin: 180_000,
        priceMax: 250_000,
        gtins: [`0${gtin}`],
      });
    }
  });

  it('exports only what the user may see', async () => {
    const communeOfficer = await t.as({ role: 'commune_officer', communeCode: '03670' });
    const rows = readCsv((await communeOfficer.get('/api/producers/export?format=csv')).rawPayload.toString('utf8').slice(1));
    expect(rows.slice(1).map((row) => row[1])).toEqual([producer.name]);
    const member = await t.as({ role: 'producer_member', producerId: producer.id });
    const products = readCsv((await member.get('/api/products/export?format=csv')).rawPayload.toString('utf8').slice(1));
    expect(products).toHaveLength(2);
    expect((await t.anonymous.get('/api/products/export')).statusCode).toBe(401);
  });

  it('answers a query that fails at once with its error status, not a 200 that breaks off', async () => {
    const products = t.modules.registry.products;
    const original = products.iterateProducts;
    products.iterateProducts = async function* () {
      yield* [];
      throw new Error('the database went away');
    };
    try {
      const response = await officer.get('/api/products/export?format=csv');
      expect(response.statusCode).toBe(500);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.headers['content-disposition']).toBeUndefined();
    } finally {
      products.iterateProducts = original;
    }
  });
});
