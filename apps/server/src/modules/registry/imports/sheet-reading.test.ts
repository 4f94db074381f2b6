import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { columnLetter, type ImportRow, readImportRows, type SheetIssue, type SheetLayout } from '../../../platform/spreadsheets/sheet-rows';
import {
  detectCsvDelimiter,
  parseCsv,
  type RawSheet,
  readCsvSheet,
  readXlsxCell,
  readXlsxSheets,
} from '../../../platform/spreadsheets/sheet-reader';
import { encodeTcvn3 } from '../../../platform/spreadsheets/legacy-vietnamese';
import type { ParseContext } from './sheet-columns';
import { PRODUCER_COLUMNS } from './producer-columns';
import { PRODUCT_COLUMNS } from './product-columns';

async function collect(sheets: AsyncIterable<RawSheet>, columns: readonly { key: string; header: string; required: boolean }[]) {
  const found: { layout?: SheetLayout; issues: SheetIssue[]; blankRows: number } = { issues: [], blankRows: 0 };
  const rows: ImportRow[] = [];
  for await (const row of readImportRows(sheets, columns, found)) rows.push(row);
  return { rows, ...found };
}

async function xlsxSheets(build: (workbook: ExcelJS.Workbook) => void): Promise<AsyncIterable<RawSheet>> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return readXlsxSheets(Readable.from([bytes]));
}

const ctx: ParseContext = {
  currentYear: 2026,
  commune: () => ({ found: '03868' }),
  legacyCommune: () => ({ found: '03868' }),
  productSet: () => ({ found: 'set-id' }),
  legacyProductSet: () => 'not_found',
};
const column = (columns: readonly { key: string }[], key: string) => {
  const found = columns.find((c) => c.key === key) as { parse: (cell: unknown, context: ParseContext) => unknown } | undefined;
  if (!found) throw new Error(key);
  return (cell: unknown) => found.parse(cell, ctx);
};

describe('number and date cells (registry columns)', () => {
  const price = column(PRODUCT_COLUMNS, 'priceMin');
  const members = column(PRODUCER_COLUMNS, 'memberCount');
  const year = column(PRODUCER_COLUMNS, 'foundingYear');

  it.each([
    ['1.200.000', 1_200_000],
    ['1,200,000', 1_200_000],
    ['1 200 000', 1_200_000],
    ['1200000', 1_200_000],
    ['150.000 đ', 150_000],
    ['150.000 VNĐ', 150_000],
    [250000, 250_000],
  ])('reads the amount %s as %i đồng', (cell, value) => {
    expect(price(cell)).toEqual({ ok: true, value });
  });

  it('refuses decimals and words in an amount', () => {
    expect(price('12,5')).toMatchObject({ ok: false, code: 'cell.not_whole_number' });
    expect(price(12.5)).toMatchObject({ ok: false, code: 'cell.not_whole_number' });
    expect(price('một trăm nghìn')).toMatchObject({ ok: false, code: 'cell.not_a_number' });
    expect(members('1.200')).toEqual({ ok: true, value: 1200 });
  });

  it.each([
    ['15/03/2015', 2015],
    ['1/3/2015', 2015],
    ['03/2015', 2015],
    ['2015-03-15', 2015],
    ['năm 2015', 2015],
    [2015, 2015],
    [new Date(Date.UTC(2015, 2, 15)), 2015],
  ])('reads the founding year from %s', (cell, value) => {
    expect(year(cell)).toEqual({ ok: true, value });
  });

  it('refuses a year in the future or that is not a date', () => {
    expect(year('15/03/2031')).toMatchObject({ ok: false, code: 'cell.out_of_range' });
    expect(year('mười lăm')).toMatchObject({ ok: false, code: 'cell.not_a_year' });
  });
});

describe('CSV reading', () => {
  it('handles quotes, separators and line breaks inside fields', () => {
    const text = 'a,"b, c","d ""e""\nf"\r\n1,2,3\n';
    expect([...parseCsv(text)]).toEqual([
      { number: 1, fields: ['a', 'b, c', 'd "e"\nf'] },
      { number: 2, fields: ['1', '2', '3'] },
    ]);
  });

  it('finds the separator Excel used (comma, semicolon or tab)', () => {
    expect(detectCsvDelimiter('Tên;Loại hình;Xã\r\n')).toBe(';');
    expect(detectCsvDelimiter('Tên\tLoại hình\tXã\r\n')).toBe('\t');
    expect(detectCsvDelimiter('"Tên; đầy đủ",Loại hình\r\n')).toBe(',');
  });

  it('reports every non-ASCII cell of a Windows-1258 file with what it probably says', async () => {
    // "Tên chủ thể" would not survive; use an ASCII header and a CP1258 value: "Sơn La" = 53 F5 6E 20 4C 61.
    const bytes = Buffer.concat([Buffer.from('Ma,Ten\r\n1,'), Buffer.from([0x53, 0xf5, 0x6e, 0x20, 0x4c, 0x61]), Buffer.from('\r\n')]);
    const sheet = readCsvSheet(bytes, 'x.csv');
    const rows = [];
    for await (const row of sheet.rows) rows.push(row);
    expect(rows[1]?.cells[0]).toEqual({ value: '1' });
    expect(rows[1]?.cells[1]).toMatchObject({
      problem: { code: 'import.legacy_encoding', details: { encoding: 'Windows-1258', suggestion: 'Sơn La' } },
    });
  });
});

describe('xlsx cells', () => {
  it('uses the saved result of a formula and reports a formula without one', () => {
    expect(readXlsxCell({ value: { formula: 'B2*2', result: 300000 } })).toEqual({ value: 300000 });
    expect(readXlsxCell({ value: { sharedFormula: 'C2', result: 'HTX' } })).toEqual({ value: 'HTX' });
    expect(readXlsxCell({ value: { formula: 'B2*2' } })).toEqual({
      value: null,
      problem: { code: 'import.formula_without_result', details: { formula: '=B2*2' } },
    });
    expect(readXlsxCell({ value: { formula: 'B2/0', result: { error: '#DIV/0!' } } })).toMatchObject({
      problem: { code: 'import.cell_error_value', details: { value: '#DIV/0!' } },
    });
    expect(readXlsxCell({ value: { formula: 'DATE(2015,3,15)', result: 42078 }, numFmt: 'dd/mm/yyyy' })).toEqual({
      value: new Date(Date.UTC(2015, 2, 15)),
    });
  });

  it('joins rich text and reads hyperlinks as their text', () => {
    expect(readXlsxCell({ value: { richText: [{ text: 'Chè ' }, { text: 'Tà Xùa' }] } })).toEqual({ value: 'Chè Tà Xùa' });
    expect(readXlsxCell({ value: { text: 'htx@example.vn', hyperlink: 'mailto:htx@example.vn' } })).toEqual({ value: 'htx@example.vn' });
  });

  it('reports TCVN3 text, and settles ambiguous text by the cell font', () => {
    expect(readXlsxCell({ value: encodeTcvn3('Chè Tà Xùa') })).toMatchObject({
      problem: { code: 'import.legacy_encoding', details: { encoding: 'TCVN3', suggestion: 'Chè Tà Xùa' } },
    });
    expect(readXlsxCell({ value: 'Sôn La', font: { name: 'VNI-Times' } })).toMatchObject({
      problem: { details: { encoding: 'VNI', suggestion: 'Sơn La' } },
    });
    expect(readXlsxCell({ value: 'Sơn La', font: { name: 'VNI-Times' } })).toEqual({ value: 'Sơn La' });
  });
});

describe('finding the header and the rows', () => {
  const columns = [
    { key: 'code', header: 'Mã sản phẩm', required: false },
    { key: 'name', header: 'Tên sản phẩm', required: true },
    { key: 'priceMin', header: 'Giá thấp nhất (đồng)', required: false },
    { key: 'priceMax', header: 'Giá cao nhất (đồng)', required: false },
    { key: 'status', header: 'Trạng thái', required: false },
  ];

  it('finds a header under a merged title, with headers merged over two rows and columns in another order', async () => {
    const sheets = await xlsxSheets((workbook) => {
      const sheet = workbook.addWorksheet('Danh sách');
      sheet.getCell('A1').value = 'DANH SÁCH SẢN PHẨM OCOP TỈNH SƠN LA NĂM 2026';
      sheet.mergeCells('A1:E1');
      sheet.getCell('A3').value = 'Tên sản phẩm';
      sheet.mergeCells('A3:A4');
      sheet.getCell('B3').value = 'Giá (đồng)';
      sheet.mergeCells('B3:C3');
      sheet.getCell('B4').value = 'Cao nhất';
      sheet.getCell('C4').value = 'Thấp nhất';
      sheet.getCell('D3').value = 'Mã sản phẩm';
      sheet.mergeCells('D3:D4');
      sheet.getRow(5).values = ['Chè Tà Xùa', 250000, 150000, 'SP-01'];
      sheet.getRow(7).values = ['  ', null, null];
      sheet.getRow(8).values = ['Mận hậu', 60000, 40000, 'SP-02'];
    });
    const { rows, layout, issues, blankRows } = await collect(sheets, columns);
    expect(issues).toEqual([]);
    expect(layout).toMatchObject({ sheetName: 'Danh sách', headerRow: 4, fileColumnOf: [3, 0, 2, 1, -1] });
    expect(rows.map((row) => [row.rowNumber, row.values])).toEqual([
      [5, ['SP-01', 'Chè Tà Xùa', 150000, 250000, undefined]],
      [8, ['SP-02', 'Mận hậu', 40000, 60000, undefined]],
    ]);
    expect(blankRows).toBe(2); // row 6 is left out of the file, row 7 holds only spaces
  });

  it('reports a missing required column and a file without any header', async () => {
    const missing = await collect(
      await xlsxSheets((workbook) =>
        workbook.addWorksheet('A').addRows([
          ['Mã sản phẩm', 'Trạng thái', 'Giá thấp nhất (đồng)'],
          ['SP-1', 'Đang bán', 1],
        ]),
      ),
      columns,
    );
    expect(missing.issues).toEqual([
      { row: 1, column: null, header: 'Tên sản phẩm', code: 'import.missing_column', details: { header: 'Tên sản phẩm' } },
    ]);
    expect(missing.rows).toEqual([]);
    const none = await collect(
      await xlsxSheets((workbook) =>
        workbook.addWorksheet('Trang 1').addRows([
          ['x', 'y'],
          [1, 2],
        ]),
      ),
      columns,
    );
    expect(none.issues).toMatchObject([{ code: 'import.header_not_found', details: { sheet: 'Trang 1' } }]);
  });

  it('never cuts a Vietnamese letter in two, however the compressed sheet is chunked', async () => {
    // Inline strings (no shared-strings table) put all the text in the sheet XML, which is inflated and parsed in chunks.
    for (const useSharedStrings of [false, true]) {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Sản phẩm');
      sheet.addRow(['Tên sản phẩm', 'Trạng thái']);
      for (let i = 0; i < 5000; i++) sheet.addRow([`Chè Shan tuyết Tà Xùa cổ thụ ${i} – mật ong bạc hà Mường Khương`, 'Đang bán']);
      const bytes = Buffer.from(await workbook.xlsx.writeBuffer({ useSharedStrings } as ExcelJS.XlsxWriteOptions));
      const { rows } = await collect(readXlsxSheets(Readable.from([bytes])), columns);
      expect(rows).toHaveLength(5000);
      const broken = rows.filter((row) => row.values.some((value) => typeof value === 'string' && value.includes('\uFFFD')));
      expect(broken.map((row) => row.rowNumber)).toEqual([]);
    }
  });

  it('skips hidden sheets and reads the visible one that holds the header', async () => {
    const sheets = await xlsxSheets((workbook) => {
      workbook.addWorksheet('Ghi chú').addRow(['Tệp này gồm danh sách sản phẩm']);
      workbook.addWorksheet('Dữ liệu').addRows([
        ['Tên sản phẩm', 'Mã sản phẩm'],
        ['Chè', 'SP-9'],
      ]);
      workbook.addWorksheet('Danh mục', { state: 'hidden' }).addRows([['Tên sản phẩm'], ['x']]);
    });
    const { rows, layout } = await collect(sheets, columns);
    expect(layout?.sheetName).toBe('Dữ liệu');
    expect(rows).toHaveLength(1);
  });

  it('names columns as the spreadsheet does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
