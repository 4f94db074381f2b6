import ExcelJS from 'exceljs';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A valid GTIN-13 (GS1 mod-10 check digit) from 12 digits. */
export function gtin13(body: string): string {
  const sum = [...body].reverse().reduce((acc, digit, i) => acc + Number(digit) * (i % 2 === 0 ? 3 : 1), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

export type Row = { name: string; gtin: string; price: string };

/** Fills the server's own product template (downloaded like a user would) with our rows. */
export async function fillTemplate(template: Buffer, registrationNumber: string, rows: Row[], dir: string, name: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = workbook.worksheets.find((ws) => ws.state === 'visible') ?? workbook.worksheets[0];
  assert.ok(sheet);
  let headerRow = 0;
  const columns = new Map<string, number>();
  sheet.eachRow((row, number) => {
    if (headerRow) return;
    const values = (row.values as unknown[]).map((v) => (typeof v === 'string' ? v.trim() : ''));
    if (values.includes('Tên sản phẩm')) {
      headerRow = number;
      values.forEach((value, index) => {
        if (value) columns.set(value, index);
      });
    }
  });
  assert.ok(headerRow > 0, 'template has a header row');
  // The template's example row (if any) is replaced by ours.
  rows.forEach((row, i) => {
    const target = sheet.getRow(headerRow + 1 + i);
    const set = (header: string, value: string) => {
      const index = columns.get(header);
      assert.ok(index, `column ${header}`);
      target.getCell(index).value = value;
    };
    for (const index of columns.values()) target.getCell(index).value = null;
    set('Mã số thuế / Số ĐKKD của chủ thể', registrationNumber);
    set('Tên sản phẩm', row.name);
    set('Bộ sản phẩm', '1.5.1');
    set('Mã GTIN (mã vạch)', row.gtin);
    set('Giá thấp nhất (đồng)', row.price);
    target.commit();
  });
  const path = join(dir, name);
  writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
  return path;
}
