import type { Transactions } from '../../../platform/database/transaction';
import type { RoleGrant } from '@ocop/domain/shared';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../platform/database/database';
import { queryRows } from '../../../platform/database/database';
import { SYSTEM_CONTEXT } from '../../identity';
import { multipart } from '../../../test-support/file-fixtures';
import { aGtin13, givenProducer, givenProduct, productSetId } from '../../../test-support/registry-builders';
import { type Client, type TestApp, startTestApp } from '../../../test-support/test-app';
import type { CreateProductInput } from './product.service';
import { PRODUCT_HEADERS } from '../imports/product-columns';
import { BulkItemError } from '../shared/registry-support';

const SYSTEM_ADMIN: RoleGrant[] = [{ role: 'system_admin', provinceCode: null, communeCode: null, producerId: null, salesPointId: null }];
const PROVINCE_ADMIN: RoleGrant[] = [
  { role: 'province_admin', provinceCode: '14', communeCode: null, producerId: null, salesPointId: null },
];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

class Rollback extends Error {
  constructor(readonly value: unknown) {
    super('rollback');
  }
}

/** Runs work in a transaction that is rolled back, and returns what it returned. */
async function rolledBack<T>(transactions: Transactions, work: (tx: Database) => Promise<T>): Promise<T> {
  try {
    await transactions.run(async () => {
      throw new Rollback(await work(transactions.db()));
    });
  } catch (error) {
    if (error instanceof Rollback) return error.value as T;
    throw error;
  }
  throw new Error('not rolled back');
}

/** What a set of new products left behind, in the order given, without their random ids. */
async function outcome(tx: Database, ids: string[]) {
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    sql`select p.id::text, p.code, p.slug, p.name_vi, p.name_en, p.name_folded, p.search_folded, p.status, p.status_changed_at, p.price_min::text, p.price_max::text,
          p.description, p.version, p.is_demo, p.province_code, p.producer_id::text,
          coalesce((select json_agg(g.gtin order by g.position) from product_gtins g where g.product_id = p.id), '[]') as gtins,
          (select json_agg(json_build_object('action', a.action, 'provinceCode', a.province_code, 'before', a.before, 'after', a.after) order by a.id)
             from audit_entries a where a.entity_type = 'product' and a.entity_id = p.id::text) as audit
        from products p where p.id::text in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`,
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const sequences = await queryRows(
    tx,
    sql`select province_code, commune_code, year, last_value from product_code_sequences order by 1, 2, 3`,
  );
  const products = ids.map((id) => {
    const { id: _id, ...rest } = byId.get(id) ?? {};
    return rest as { code: string; slug: string; audit: unknown } & Record<string, unknown>;
  });
  return { products, sequences };
}

describe('adding many products at once', () => {
  let t: TestApp;
  let officer: Client;
  let producerA: { id: string; registrationNumber: string };
  let producerB: { id: string; registrationNumber: string };
  let producerC: { id: string; registrationNumber: string };
  let teaSet: string;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as({ role: 'province_officer' });
    producerA = await givenProducer(officer, { name: 'HTX Mật ong Tà Xùa' });
    producerB = await givenProducer(officer, { name: 'HTX Mận hậu Mộc Châu', communeCode: '03670', legacyCommuneCode: null });
    producerC = await givenProducer(officer, { name: 'HTX Ong rừng Chiềng Cơi', communeCode: '03670', legacyCommuneCode: null });
    teaSet = await productSetId(t, '1.5.1');
    await givenProduct(t, officer, producerA.id, { nameVi: 'Mật ong hoa ban', gtins: [aGtin13()] });
  });
  afterAll(() => t.close());

  it('gives the same codes, slugs, GTINs, search text and audit entries as adding them one by one', async () => {
    const products = t.modules.registry.products;
    const actor = { grants: PROVINCE_ADMIN };
    const inputs: CreateProductInput[] = [];
    for (let i = 1; i <= 24; i++) {
      inputs.push({
        producerId: i % 3 === 0 ? producerB.id : producerA.id,
        productSetId: teaSet,
        nameVi: `  Chè   Shan tuyết số ${i % 7} `,
        nameEn: i % 2 === 0 ? `Shan tuyet tea ${i}` : undefined,
        description: i % 4 === 0 ? '  Chè búp  ' : '   ',
        priceMin: 100_000 + i,
        priceMax: i % 5 === 0 ? null : 200_000,
        gtins: i % 2 === 0 ? [aGtin13(), ` ${aGtin13()} `] : [],
        status: i % 6 === 0 ? 'on_sale' : undefined,
      });
    }
    // Names that collide with a stored slug, with each other and with a suffixed slug.
    inputs.push({ producerId: producerB.id, productSetId: teaSet, nameVi: 'Mật ong hoa ban' });
    inputs.push({ producerId: producerC.id, productSetId: teaSet, nameVi: 'Mật ong hoa ban 2' });
    inputs.push({ producerId: producerC.id, productSetId: teaSet, nameVi: 'Mật ong hoa ban' });
    // An issued code typed in that a later generated code of the same commune would have had: it is skipped.
    inputs.splice(1, 0, { producerId: producerC.id, productSetId: teaSet, nameVi: 'Mật ong cũ', code: ' 14-03670-003-2026 ' });
    inputs.push({ producerId: producerC.id, productSetId: teaSet, nameVi: 'Mật ong cũ', code: '83-829-28780-3-2022' });
    expect(inputs).toHaveLength(29);

    const one = await rolledBack(t.transactions, async (tx) => {
      const ids: string[] = [];
      for (const input of inputs) ids.push((await products.createProduct(actor, input, SYSTEM_CONTEXT)).id);
      return outcome(tx, ids);
    });
    const bulk = await rolledBack(t.transactions, async (tx) => {
      const chunks: number[] = [];
      const rows = await products.createProducts(actor, inputs, SYSTEM_CONTEXT, {}, (n) => {
        chunks.push(n);
      });
      expect(chunks).toEqual([29]);
      return outcome(
        tx,
        rows.map((row) => row.id),
      );
    });
    expect(bulk).toEqual(one);
    const slugs = bulk.products.map((p) => p.slug);
    expect(slugs.slice(-4)).toEqual(['mat-ong-hoa-ban-2', 'mat-ong-hoa-ban-2-2', 'mat-ong-hoa-ban-3', 'mat-ong-cu-2']);
    // 11 generated codes in Chiềng Cơi around the one typed in: 001, 002, 004 … 012.
    const communeCodes = bulk.products.map((p) => p.code).filter((code) => code.startsWith('14-03670-'));
    expect(communeCodes.sort()).toEqual(Array.from({ length: 12 }, (_, i) => `14-03670-${String(i + 1).padStart(3, '0')}-2026`));
    expect(bulk.products[1]?.code).toBe('14-03670-003-2026');
    expect(bulk.products[0]?.audit).toEqual([expect.objectContaining({ action: 'product.created', before: null })]);
  });

  it('names the item at fault and writes nothing when one fails', async () => {
    const products = t.modules.registry.products;
    const taken = aGtin13();
    await givenProduct(t, officer, producerA.id, { gtins: [taken] });
    const count = async () => (await officer.get('/api/products?pageSize=1')).json().total as number;
    const before = await count();
    const inputs: CreateProductInput[] = [
      { producerId: producerA.id, productSetId: teaSet, nameVi: 'Trà hoa 1' },
      { producerId: producerA.id, productSetId: teaSet, nameVi: 'Trà hoa 2', gtins: [taken] },
    ];
    const error = await t.transactions
      .run(() => products.createProducts({ grants: PROVINCE_ADMIN }, inputs, SYSTEM_CONTEXT))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BulkItemError);
    expect(error).toMatchObject({ index: 1, error: { code: 'product.gtin_taken' } });
    expect(await count()).toBe(before);
  });

  it('stores a messy hand-entered code as a single create does, and finds it taken the same way', async () => {
    const products = t.modules.registry.products;
    const actor = { grants: PROVINCE_ADMIN };
    const alone = await products.createProduct(
      actor,
      { producerId: producerA.id, productSetId: teaSet, nameVi: 'Trà mã cũ', code: '  qn-ocop/77.2019 ' },
      SYSTEM_CONTEXT,
    );
    expect(alone.code).toBe('QN-OCOP/77.2019');
    const [bulk] = await products.createProducts(
      actor,
      [{ producerId: producerA.id, productSetId: teaSet, nameVi: 'Trà mã cũ', code: '\tqn-ocop/78.2019  ' }],
      SYSTEM_CONTEXT,
    );
    expect(bulk?.code).toBe('QN-OCOP/78.2019');
    const again = await products
      .createProducts(
        actor,
        [
          { producerId: producerA.id, productSetId: teaSet, nameVi: 'Trà mới' },
          { producerId: producerA.id, productSetId: teaSet, nameVi: 'Trà mã cũ', code: ' Qn-Ocop/77.2019' },
        ],
        SYSTEM_CONTEXT,
      )
      .catch((caught: unknown) => caught);
    expect(again).toMatchObject({ index: 1, error: { code: 'product.code_taken', details: { code: 'QN-OCOP/77.2019' } } });
  });

  it('imports 30 new products through the bulk path, and a re-import writes nothing', async () => {
    const gtins = Array.from({ length: 30 }, () => aGtin13());
    const names = Array.from({ length: 30 }, (_, i) => (i >= 28 ? 'Cao sâm Tà Xùa' : `Rượu ngô men lá loại ${i + 1}`));
    const producersOf = (i: number) => (i === 29 ? producerC : i % 2 === 0 ? producerA : producerB).registrationNumber;
    const build = async (price: (i: number) => number) => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Sản phẩm');
      sheet.addRow([...PRODUCT_HEADERS]);
      const values = (i: number): Record<string, ExcelJS.CellValue> => ({
        'Mã số thuế / Số ĐKKD của chủ thể': producersOf(i),
        'Tên sản phẩm': names[i] as string,
        'Bộ sản phẩm': '1.5.1',
        'Trạng thái': 'Đang bán',
        'Giá thấp nhất (đồng)': price(i),
        'Mã GTIN (mã vạch)': gtins[i] as string,
      });
      for (let i = 0; i < 30; i++) sheet.addRow(PRODUCT_HEADERS.map((header) => values(i)[header] ?? null));
      return Buffer.from(await workbook.xlsx.writeBuffer());
    };
    const run = async (bytes: Buffer) => {
      const form = multipart({ file: { filename: 'san-pham.xlsx', bytes, contentType: XLSX } });
      const started = await officer.post('/api/imports/products?mode=commit', form.body, form.headers);
      expect(started.statusCode).toBe(202);
      await t.modules.registry.imports.idle();
      return (await officer.get(`/api/imports/${started.json().id}`)).json();
    };
    const auditCount = async () => (await t.modules.identity.audit.list(SYSTEM_ADMIN, { page: 1, pageSize: 1 })).total;

    const auditBefore = await auditCount();
    const file = await build((i) => 100_000 + i);
    const job = await run(file);
    expect(job).toMatchObject({ status: 'completed', summary: { created: 30, updated: 0, unchanged: 0 }, processedRows: 30 });
    expect(await auditCount()).toBe(auditBefore + 31);

    const listed = async (q: string) =>
      (await officer.get(`/api/products?q=${encodeURIComponent(q)}&pageSize=100&sort=code`)).json().items as {
        id: string;
        code: string;
        slug: string;
        nameVi: string;
        producer: { id: string };
      }[];
    const cao = await listed('cao sam ta xua');
    expect(cao.map((p) => p.slug).sort()).toEqual(['cao-sam-ta-xua', 'cao-sam-ta-xua-2']);
    const ruou = await listed('ruou ngo men la');
    expect(ruou).toHaveLength(28);
    const codesOfB = ruou.filter((p) => p.producer.id === producerB.id).map((p) => p.code);
    expect(codesOfB).toHaveLength(14);
    expect(new Set(codesOfB).size).toBe(14);
    for (const code of codesOfB) expect(code).toMatch(/^14-03670-\d{3}-2026$/);
    const first = ruou.find((p) => p.nameVi === 'Rượu ngô men lá loại 1');
    const detail = (await officer.get(`/api/products/${first?.id}`)).json();
    expect(detail).toMatchObject({ gtins: [`0${gtins[0]}`], status: 'on_sale', priceMin: 100_000, slug: 'ruou-ngo-men-la-loai-1' });
    const entries = await t.modules.identity.audit.list(SYSTEM_ADMIN, { entityId: first?.id as string, page: 1, pageSize: 5 });
    expect(entries.items).toEqual([
      expect.objectContaining({
        action: 'product.created',
        provinceCode: '14',
        after: expect.objectContaining({ code: detail.code, slug: detail.slug, gtins: detail.gtins, status: 'on_sale' }),
      }),
    ]);

    const again = await run(file);
    expect(again).toMatchObject({ status: 'completed', summary: { created: 0, updated: 0, unchanged: 30 } });
    expect(await auditCount()).toBe(auditBefore + 31);

    const changed = await run(await build((i) => (i === 3 ? 123_000 : 100_000 + i)));
    expect(changed).toMatchObject({ status: 'completed', summary: { created: 0, updated: 1, unchanged: 29 } });
    expect(await auditCount()).toBe(auditBefore + 33);
  });
});
