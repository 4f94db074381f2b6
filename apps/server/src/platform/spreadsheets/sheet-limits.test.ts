import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rowsReachingXfd, workbookOf, zipOf } from '../../test-support/hostile-files';
import { parseCsv, readXlsxSheets } from './sheet-reader';
import { MAX_CSV_FIELD_CHARS, MAX_SHEET_COLUMNS, MAX_XLSX_ENTRIES } from './sheet-limits';
import { readZipDirectory, workbookParts } from './zip-directory';

async function rowsOf(bytes: Buffer) {
  const out: { rowNumber: number; columns: number[] }[] = [];
  for await (const sheet of readXlsxSheets(bytes))
    for await (const row of sheet.rows) out.push({ rowNumber: row.rowNumber, columns: row.cells.flatMap((cell, i) => (cell ? [i] : [])) });
  return out;
}

describe('spreadsheet limits', () => {
  it('ends a quote that never closes at the field limit, naming the limit', () => {
    const text = `a,b\r\n"${'x'.repeat(MAX_CSV_FIELD_CHARS + 10)}`;
    expect(() => [...parseCsv(text)]).toThrow(expect.objectContaining({ code: 'import.cell_too_long', details: { limit: '32.767' } }));
  });

  it(`keeps the first ${MAX_SHEET_COLUMNS} fields of a CSV record and skips the rest`, () => {
    const [record] = [...parseCsv(`${Array.from({ length: 500 }, (_, i) => `f${i}`).join(',')}\r\n`)];
    expect(record?.fields).toHaveLength(MAX_SHEET_COLUMNS);
    expect(record?.fields.at(-1)).toBe(`f${MAX_SHEET_COLUMNS - 1}`);
  });

  it('reads the cells of an xlsx up to its column limit and drops the cells beyond, in Excel’s part order', async () => {
    const rows = await rowsOf(await workbookOf({ rows: () => rowsReachingXfd(3) }));
    expect(rows).toEqual([1, 2, 3].map((rowNumber) => ({ rowNumber, columns: [0] })));
  });

  it('reads a workbook written by exceljs the same through the rebuilt archive', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sản phẩm');
    sheet.addRow(['Tên', 'Giá']);
    sheet.addRow(['Chè Shan tuyết', 120_000]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(workbookParts(bytes).bytes.length).toBeLessThan(bytes.length);
    expect(await rowsOf(bytes)).toEqual([
      { rowNumber: 1, columns: [0, 1] },
      { rowNumber: 2, columns: [0, 1] },
    ]);
  });

  it('refuses an archive whose directory lists too many entries before inflating any', async () => {
    const parts = Array.from({ length: MAX_XLSX_ENTRIES + 1 }, (_, i) => ({ name: `x${i}`, chunks: () => [''] }));
    const bytes = await zipOf(parts);
    expect(() => readZipDirectory(bytes)).toThrow(expect.objectContaining({ code: 'import.too_many_entries' }));
  });
});
