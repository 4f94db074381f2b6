import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../../test-support/file-fixtures';
import { aTaxCode, givenProducer } from '../../../test-support/registry-builders';
import { type Client, type TestApp, startTestApp } from '../../../test-support/test-app';
import { PRODUCT_HEADERS } from './product-columns';

// An import's history links to the records it wrote: `importId` on the producer and product lists
// gives those it created and those it changed, and keeps them after a later import changes them.

type Job = { id: string; status: string; summary: { created: number; updated: number; unchanged: number } | null };

async function xlsx(sheetName: string, rows: readonly (readonly ExcelJS.CellValue[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const values of rows) sheet.addRow([...values]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const PRODUCER_COLUMNS = ['Mã số thuế / Số ĐKKD', 'Tên chủ thể', 'Loại hình', 'Xã/phường (từ 01/7/2025)', 'Số thành viên/lao động'];

function productRow(values: Record<string, ExcelJS.CellValue>): ExcelJS.CellValue[] {
  return PRODUCT_HEADERS.map((header) => values[header] ?? null);
}

describe('links from an import to the records it wrote', () => {
  let t: TestApp;
  let officer: Client;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as({ role: 'province_officer' });
  });
  afterAll(() => t.close());

  async function commit(kind: 'producers' | 'products', bytes: Buffer): Promise<Job> {
    const form = multipart({ file: { filename: 'nhap.xlsx', bytes } });
    const started = await officer.post(`/api/imports/${kind}?mode=commit`, form.body, form.headers);
    expect(started.statusCode).toBe(202);
    await t.modules.registry.imports.idle();
    return (await officer.get(`/api/imports/${started.json().id}`)).json() as Job;
  }

  const namesOf = async (path: string) =>
    ((await officer.get(path)).json().items as { name?: string; nameVi?: string }[]).map((item) => item.name ?? item.nameVi).sort();

  it('lists the producers an import added and those it updated, not those it left unchanged', async () => {
    const kept = await givenProducer(officer, { name: 'HTX Giữ nguyên', memberCount: 10 });
    const changed = await givenProducer(officer, { name: 'HTX Cập nhật', memberCount: 10 });
    const addedTax = aTaxCode();
    const first = await commit(
      'producers',
      await xlsx('Chủ thể', [
        PRODUCER_COLUMNS,
        [kept.registrationNumber, 'HTX Giữ nguyên', 'Hợp tác xã', kept.communeCode, 10],
        [changed.registrationNumber, 'HTX Cập nhật', 'Hợp tác xã', changed.communeCode, 42],
        [addedTax, 'HTX Thêm mới', 'Hợp tác xã', '03868', 7],
      ]),
    );
    expect(first).toMatchObject({ status: 'completed', summary: { created: 1, updated: 1, unchanged: 1 } });

    expect(await namesOf(`/api/producers?importId=${first.id}`)).toEqual(['HTX Cập nhật', 'HTX Thêm mới']);

    // A later import that changes the same producer links to it as well; the first keeps its link.
    const second = await commit(
      'producers',
      await xlsx('Chủ thể', [PRODUCER_COLUMNS, [changed.registrationNumber, 'HTX Cập nhật', 'Hợp tác xã', changed.communeCode, 50]]),
    );
    expect(second.summary).toMatchObject({ created: 0, updated: 1 });
    expect(await namesOf(`/api/producers?importId=${second.id}`)).toEqual(['HTX Cập nhật']);
    expect(await namesOf(`/api/producers?importId=${first.id}`)).toEqual(['HTX Cập nhật', 'HTX Thêm mới']);
    // The export follows the same filter.
    const csv = await officer.get(`/api/producers/export?format=csv&importId=${first.id}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('HTX Thêm mới');
    expect(csv.body).not.toContain('HTX Giữ nguyên');
  });

  it('lists the products an import added and those it updated, and nothing for a dry run', async () => {
    const producer = await givenProducer(officer, { name: 'HTX Chè Liên kết' });
    const tax = producer.registrationNumber;
    const headerRow = [...PRODUCT_HEADERS];
    const start = await commit(
      'products',
      await xlsx('Sản phẩm', [
        headerRow,
        productRow({ 'Mã số thuế / Số ĐKKD của chủ thể': tax, 'Tên sản phẩm': 'Chè giữ nguyên', 'Bộ sản phẩm': '1.5.1' }),
        productRow({ 'Mã số thuế / Số ĐKKD của chủ thể': tax, 'Tên sản phẩm': 'Chè đổi giá', 'Bộ sản phẩm': '1.5.1' }),
      ]),
    );
    expect(start).toMatchObject({ status: 'completed', summary: { created: 2 } });
    expect(await namesOf(`/api/products?importId=${start.id}`)).toEqual(['Chè giữ nguyên', 'Chè đổi giá']);

    const next = await commit(
      'products',
      await xlsx('Sản phẩm', [
        headerRow,
        productRow({ 'Mã số thuế / Số ĐKKD của chủ thể': tax, 'Tên sản phẩm': 'Chè giữ nguyên', 'Bộ sản phẩm': '1.5.1' }),
        productRow({
          'Mã số thuế / Số ĐKKD của chủ thể': tax,
          'Tên sản phẩm': 'Chè đổi giá',
          'Bộ sản phẩm': '1.5.1',
          'Giá thấp nhất (đồng)': '120.000',
        }),
        productRow({ 'Mã số thuế / Số ĐKKD của chủ thể': tax, 'Tên sản phẩm': 'Chè mới thêm', 'Bộ sản phẩm': '1.5.1' }),
      ]),
    );
    expect(next).toMatchObject({ status: 'completed', summary: { created: 1, updated: 1, unchanged: 1 } });
    expect(await namesOf(`/api/products?importId=${next.id}`)).toEqual(['Chè mới thêm', 'Chè đổi giá']);
    expect(await namesOf(`/api/products?importId=${start.id}`)).toEqual(['Chè giữ nguyên', 'Chè đổi giá']);

    const form = multipart({
      file: {
        filename: 'thu.xlsx',
        bytes: await xlsx('Sản phẩm', [
          headerRow,
          productRow({
            'Mã số thuế / Số ĐKKD của chủ thể': tax,
            'Tên sản phẩm': 'Chè đổi giá',
            'Bộ sản phẩm': '1.5.1',
            'Giá thấp nhất (đồng)': '1',
          }),
        ]),
      },
    });
    const dry = await officer.post('/api/imports/products?mode=dry-run', form.body, form.headers);
    await t.modules.registry.imports.idle();
    expect(await namesOf(`/api/products?importId=${dry.json().id}`)).toEqual([]);
  });

  it('refuses an importId that is not a uuid', async () => {
    expect((await officer.get('/api/producers?importId=abc')).statusCode).toBe(400);
    expect((await officer.get('/api/products?importId=abc')).statusCode).toBe(400);
  });
});
