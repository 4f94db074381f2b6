import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aWindowsExecutable, multipart } from '../../../test-support/file-fixtures';
import { aTaxCode, givenProducer } from '../../../test-support/registry-builders';
import { type Client, HANOI, type TestApp, startTestApp } from '../../../test-support/test-app';
import { buildProductsWorkbook } from '../../../bench-support/import-bench';
import { encodeTcvn3, encodeVni } from '../../../platform/spreadsheets/legacy-vietnamese';
import { PRODUCER_HEADERS } from './producer-columns';
import { PRODUCT_HEADERS } from './product-columns';

type Problem = { row: number | null; column: string | null; header: string | null; code: string; message: string };
type Job = {
  id: string;
  status: string;
  mode: string;
  processedRows: number;
  totalRows: number | null;
  summary: {
    dataRows: number;
    blankRows: number;
    rowsWithProblems: number;
    problemCount: number;
    created: number;
    updated: number;
    unchanged: number;
  } | null;
  problems: Problem[];
  notices: Problem[];
  reportUrl: string | null;
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function xlsx(build: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void, sheetName = 'Chủ thể'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet(sheetName), workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Text in Windows-1258: base letters from the code page, tone marks as its combining bytes. */
function toWindows1258(text: string): Buffer {
  const table = new Map<string, number>();
  for (let byte = 0; byte <= 0xff; byte++) table.set(new TextDecoder('windows-1258').decode(Uint8Array.of(byte)), byte);
  const bytes: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const direct = table.get(ch);
    if (direct !== undefined) {
      bytes.push(direct);
      continue;
    }
    const parts = [...ch.normalize('NFD')];
    const tone = parts.find((mark) => ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'].includes(mark)) ?? '';
    const base = table.get(
      parts
        .filter((mark) => mark !== tone)
        .join('')
        .normalize('NFC'),
    );
    const toneByte = table.get(tone);
    if (base === undefined || toneByte === undefined) throw new Error(`no Windows-1258 bytes for ${ch}`);
    bytes.push(base, toneByte);
  }
  return Buffer.from(bytes);
}

/** One CSV line of the products template from values by header (values already quoted where needed). */
function csvLine(values: Record<string, string>, separator = ','): string {
  return `${PRODUCT_HEADERS.map((header) => values[header] ?? '').join(separator)}\r\n`;
}

/** A row in the template's column order from values by header. */
function row(headers: readonly string[], values: Record<string, ExcelJS.CellValue>): ExcelJS.CellValue[] {
  return headers.map((header) => values[header] ?? null);
}

describe('spreadsheet imports', () => {
  let t: TestApp;
  let officer: Client;
  let admin: Client;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as({ role: 'province_officer' });
    admin = await t.as({ role: 'province_admin' });
  });
  afterAll(() => t.close());

  async function run(
    client: Client,
    kind: 'producers' | 'products',
    mode: 'dry-run' | 'commit',
    bytes: Buffer,
    filename = 'nhap.xlsx',
    contentType = XLSX,
  ): Promise<Job> {
    const form = multipart({ file: { filename, bytes, contentType } });
    const started = await client.post(`/api/imports/${kind}?mode=${mode}`, form.body, form.headers);
    if (started.statusCode !== 202) throw new Error(`import not started: ${started.statusCode} ${started.body}`);
    expect(started.headers.location).toBe(`/api/imports/${started.json().id}`);
    await t.modules.registry.imports.idle();
    const job = await client.get(`/api/imports/${started.json().id}`);
    expect(job.statusCode).toBe(200);
    return job.json() as Job;
  }

  const problemsOf = (job: Job) => job.problems.map((p) => [p.row, p.column, p.code]);
  const countProducers = async () => (await officer.get('/api/producers?pageSize=1')).json().total as number;
  const countProducts = async () => (await officer.get('/api/products?pageSize=1')).json().total as number;
  const countAudit = async () =>
    (
      await t.modules.identity.audit.list(
        [{ role: 'system_admin', provinceCode: null, communeCode: null, producerId: null, salesPointId: null }],
        { page: 1, pageSize: 1 },
      )
    ).total;

  describe('templates', () => {
    it('gives the producers template with Vietnamese headers, an example row and drop-down lists on a hidden sheet', async () => {
      const response = await officer.get('/api/imports/templates/producers.xlsx');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(XLSX);
      expect(response.headers['content-disposition']).toContain('mau-nhap-chu-the-ocop.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('Chủ thể');
      if (!sheet) throw new Error('no data sheet');
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...PRODUCER_HEADERS]);
      expect(sheet.getRow(2).getCell(2).value).toBe('Hợp tác xã Chè Tà Xùa');
      const lists = workbook.getWorksheet('Danh mục');
      expect(lists?.state).toBe('hidden');
      const listValues = lists
        ?.getSheetValues()
        .flat()
        .filter((v) => typeof v === 'string') as string[];
      expect(listValues).toEqual(expect.arrayContaining(['Hợp tác xã', 'Hộ kinh doanh', '03868 - Xã Tà Xùa', '03670 - Phường Chiềng Cơi']));
      expect(listValues.some((value) => /^\d{5} - .+, (Huyện|Thành phố) /.test(value))).toBe(true); // old communes with their district
      const typeValidation = sheet.getCell('C2').dataValidation;
      expect(typeValidation).toMatchObject({ type: 'list', formulae: [expect.stringMatching(/^'Danh mục'!\$[A-Z]+\$2:\$[A-Z]+\$\d+$/)] });
      expect(sheet.getCell('C5000').dataValidation?.type).toBe('list');
    });

    it('gives the products template with the product sets', async () => {
      const response = await admin.get('/api/imports/templates/products.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('Sản phẩm');
      if (!sheet) throw new Error('no data sheet');
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...PRODUCT_HEADERS]);
      const listValues = workbook.getWorksheet('Danh mục')?.getSheetValues().flat() as unknown[];
      expect(listValues).toEqual(expect.arrayContaining(['1.5.1 - Chè tươi, chè chế biến', 'Đang bán']));
    });

    it('skips the example row of an untouched template', async () => {
      const template = (await officer.get('/api/imports/templates/producers.xlsx')).rawPayload;
      const job = await run(officer, 'producers', 'dry-run', template);
      expect(job.status).toBe('completed');
      expect(job.summary).toMatchObject({ dataRows: 0, problemCount: 0 });
      expect(job.notices.map((n) => [n.row, n.code])).toEqual([[2, 'import.example_row_skipped']]);
    });

    it('is for provincial staff only', async () => {
      const member = await t.as({ role: 'producer_member', producerId: (await givenProducer(officer)).id });
      expect((await member.get('/api/imports/templates/producers.xlsx')).statusCode).toBe(403);
      const form = multipart({ file: { filename: 'a.xlsx', bytes: await xlsx(() => undefined) } });
      expect((await member.post('/api/imports/producers', form.body, form.headers)).statusCode).toBe(403);
    });
  });

  describe('producers', () => {
    const taxA = aTaxCode();
    const taxB = aTaxCode();
    const taxC = aTaxCode();

    /** A file as provinces keep them: a merged title, headers merged over two rows, a formula, dates as text, blank rows. */
    async function messyProducers(options: { badRows: boolean }) {
      return xlsx((sheet) => {
        const headers = [...PRODUCER_HEADERS];
        sheet.getCell('A1').value = 'DANH SÁCH CHỦ THỂ OCOP TỈNH SƠN LA (cập nhật 02/3/2026)';
        sheet.mergeCells(1, 1, 1, headers.length);
        // Two header rows: "Tọa độ" over "Vĩ độ" / "Kinh độ", every other header merged down over both rows.
        headers.forEach((header, index) => {
          const col = index + 1;
          if (header === 'Vĩ độ' || header === 'Kinh độ') {
            sheet.getCell(4, col).value = header;
          } else {
            sheet.getCell(3, col).value = header;
            sheet.mergeCells(3, col, 4, col);
          }
        });
        const lat = headers.indexOf('Vĩ độ') + 1;
        sheet.getCell(3, lat).value = 'Tọa độ';
        sheet.mergeCells(3, lat, 3, lat + 1);
        const data = [
          {
            'Mã số thuế / Số ĐKKD': taxA,
            'Tên chủ thể': 'Hợp tác xã Chè Tà Xùa',
            'Loại hình': 'HTX',
            'Xã/phường (từ 01/7/2025)': '03868 - Xã Tà Xùa',
            'Vĩ độ': 21.3256,
            'Kinh độ': 104.4862,
            'Năm thành lập': '15/03/2015',
            'Số thành viên/lao động': { formula: '10+15', result: 25 },
            Email: 'htx.taxua@example.vn',
          },
          {
            'Mã số thuế / Số ĐKKD': taxB,
            'Tên chủ thể': 'Công ty TNHH Mận hậu Mộc Châu',
            'Loại hình': 'Doanh nghiệp',
            'Loại hình doanh nghiệp': 'TNHH MTV',
            'Xã/phường (từ 01/7/2025)': 'Chiềng Cơi',
            'Năm thành lập': new Date(Date.UTC(2012, 5, 1)),
            'Số thành viên/lao động': '1.200',
            'Điện thoại': 912345678,
          },
          {
            'Mã số thuế / Số ĐKKD': taxC,
            'Tên chủ thể': options.badRows ? encodeTcvn3('Hộ kinh doanh Lò Văn Phóng') : 'Hộ kinh doanh Lò Văn Phóng',
            'Loại hình': 'Hộ kinh doanh',
            'Xã/phường (từ 01/7/2025)': '03868',
            'Địa chỉ': options.badRows ? encodeVni('Bản Mông, xã Tà Xùa') : 'Bản Mông, xã Tà Xùa',
          },
          {
            'Mã số thuế / Số ĐKKD': options.badRows ? '550012345' : aTaxCode(),
            'Tên chủ thể': 'Tổ hợp tác mây tre đan',
            'Loại hình': 'Tổ hợp tác',
            'Xã/phường (từ 01/7/2025)': options.badRows ? 'Xã Không Có' : '03868',
            'Số thành viên/lao động': options.badRows ? { formula: 'B9*2' } : 12,
          },
        ];
        let rowNumber = 5;
        for (const [index, values] of data.entries()) {
          sheet.getRow(rowNumber).values = row(headers, values as Record<string, ExcelJS.CellValue>);
          rowNumber += index === 1 ? 3 : 1; // two blank rows after the second producer
        }
        if (options.badRows)
          sheet.getRow(rowNumber).values = row(headers, {
            'Mã số thuế / Số ĐKKD': taxA,
            'Tên chủ thể': 'Trùng mã',
            'Loại hình': 'HTX',
            'Xã/phường (từ 01/7/2025)': '03868',
          });
        else sheet.getRow(rowNumber).values = ['   ']; // a blank-looking row at the end
      });
    }

    it('reports every problem by row and column in Vietnamese and stores nothing', async () => {
      const producers = await countProducers();
      const audit = await countAudit();
      const job = await run(officer, 'producers', 'dry-run', await messyProducers({ badRows: true }));
      expect(job.status).toBe('completed');
      expect(job.summary).toMatchObject({ dataRows: 5, blankRows: 2, rowsWithProblems: 3 });
      expect(problemsOf(job)).toEqual([
        [9, 'B', 'import.legacy_encoding'],
        [9, 'G', 'import.legacy_encoding'],
        [10, 'A', 'producer.tax_code_invalid'],
        [10, 'E', 'cell.unknown_commune'],
        [10, 'N', 'import.formula_without_result'],
        [11, 'A', 'import.duplicate_row'],
      ]);
      const messages = Object.fromEntries(job.problems.map((p) => [`${p.row}${p.column}`, p.message]));
      expect(messages['9B']).toBe(
        `Chữ "${encodeTcvn3('Hộ kinh doanh Lò Văn Phóng')}" đang dùng bảng mã cũ TCVN3, không phải Unicode; có lẽ là "Hộ kinh doanh Lò Văn Phóng". Hãy chuyển sang Unicode (ví dụ bằng Unikey) rồi tải lên lại.`,
      );
      expect(messages['9G']).toContain('bảng mã cũ VNI');
      expect(messages['10A']).toBe(
        'Mã số thuế "550012345" không hợp lệ: mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số (chi nhánh).',
      );
      expect(messages['10N']).toContain('Ô có công thức =B9*2 nhưng không lưu kết quả');
      expect(messages['11A']).toBe(`"${taxA}" đã có ở dòng 5 của tệp; mỗi bản ghi chỉ ghi một dòng.`);
      expect(job.problems[0]?.header).toBe('Tên chủ thể');
      expect(await countProducers()).toBe(producers);
      expect(await countAudit()).toBe(audit);

      // An import of the same file is refused as a whole.
      const refused = await run(officer, 'producers', 'commit', await messyProducers({ badRows: true }));
      expect(refused.status).toBe('rejected');
      expect(refused.problems).toHaveLength(6);
      expect(await countProducers()).toBe(producers);

      // The report is the upload with a column of problems.
      const report = await officer.get(job.reportUrl as string);
      expect(report.statusCode).toBe(200);
      expect(report.headers['content-type']).toBe(XLSX);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      if (!sheet) throw new Error('no sheet');
      const problemColumn = PRODUCER_HEADERS.length + 1;
      expect(sheet.getCell(4, problemColumn).value).toBe('Lỗi cần sửa');
      expect(String(sheet.getCell(10, problemColumn).value)).toContain('cột A (Mã số thuế / Số ĐKKD): Mã số thuế "550012345" không hợp lệ');
      expect(sheet.getCell(5, problemColumn).value).toBeNull();
      expect(sheet.getCell(10, 1).value).toBe('550012345');
      expect((sheet.getCell(10, 1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFF8C7C3');
      expect(sheet.getCell(9, 2).value).toBe(encodeTcvn3('Hộ kinh doanh Lò Văn Phóng')); // the cell as uploaded
      expect(workbook.getWorksheet('Tóm tắt')).toBeDefined();
    });

    it('imports a good file all at once; importing it again changes nothing; a changed row updates its record', async () => {
      const file = await messyProducers({ badRows: false });
      const producers = await countProducers();
      const dry = await run(officer, 'producers', 'dry-run', file);
      expect(dry).toMatchObject({ status: 'completed', problems: [], summary: { dataRows: 4, blankRows: 3, created: 4, updated: 0 } });
      const committed = await officer.post(`/api/imports/${dry.id}/commit`);
      expect(committed.statusCode).toBe(202);
      await t.modules.registry.imports.idle();
      const job = (await officer.get(`/api/imports/${committed.json().id}`)).json() as Job;
      expect(job).toMatchObject({
        status: 'completed',
        mode: 'commit',
        summary: { created: 4, updated: 0, unchanged: 0 },
        processedRows: 4,
        totalRows: 4,
      });
      expect(await countProducers()).toBe(producers + 4);

      const a = (await officer.get(`/api/producers?q=${taxA}`)).json().items[0];
      expect(a).toMatchObject({
        name: 'Hợp tác xã Chè Tà Xùa',
        type: 'cooperative',
        memberCount: 25,
        foundingYear: 2015,
        latitude: 21.3256,
        communeCode: '03868',
      });
      const b = (await officer.get(`/api/producers?q=${taxB}`)).json().items[0];
      expect(b).toMatchObject({
        type: 'enterprise',
        legalForm: 'llc_single_member',
        memberCount: 1200,
        foundingYear: 2012,
        phone: '0912345678',
        communeCode: '03670',
      });

      const audit = await countAudit();
      const again = await run(officer, 'producers', 'commit', file);
      expect(again).toMatchObject({ status: 'completed', problems: [], summary: { created: 0, updated: 0, unchanged: 4 } });
      expect(await countProducers()).toBe(producers + 4);
      expect(await countAudit()).toBe(audit);

      // A short file with only some of the columns: the others keep their stored values.
      const changed = await xlsx((sheet) => {
        sheet.addRow(['Mã số thuế / Số ĐKKD', 'Tên chủ thể', 'Loại hình', 'Xã/phường (từ 01/7/2025)', 'Số thành viên/lao động']);
        sheet.addRow([taxA, 'Hợp tác xã Chè Tà Xùa', 'Hợp tác xã', '03868', 30]);
      });
      const update = await run(officer, 'producers', 'commit', changed);
      expect(update).toMatchObject({ status: 'completed', summary: { created: 0, updated: 1, unchanged: 0 } });
      const after = (await officer.get(`/api/producers/${a.id}`)).json();
      expect(after).toMatchObject({ memberCount: 30, latitude: 21.3256, foundingYear: 2015 }); // columns absent from the file keep their values
      const entries = await t.modules.identity.audit.list(
        [{ role: 'system_admin', provinceCode: null, communeCode: null, producerId: null, salesPointId: null }],
        {
          entityId: a.id,
          page: 1,
          pageSize: 10,
        },
      );
      expect(entries.items[0]).toMatchObject({ action: 'producer.updated', before: { memberCount: 25 }, after: { memberCount: 30 } });
      const importEntries = await t.modules.identity.audit.list(
        [{ role: 'system_admin', provinceCode: null, communeCode: null, producerId: null, salesPointId: null }],
        {
          entityType: 'import',
          page: 1,
          pageSize: 10,
        },
      );
      expect(importEntries.items.map((entry) => [entry.action, entry.entityId])).toEqual([
        ['import.producers_imported', update.id],
        ['import.producers_imported', job.id],
      ]);
    });
  });

  describe('products', () => {
    let producerTax: string;
    beforeAll(async () => {
      producerTax = (await givenProducer(officer, { name: 'HTX Chè Shan tuyết' })).registrationNumber;
    });

    it('reads amounts with thousands separators and uses the saved result of formulas', async () => {
      const file = await xlsx((sheet) => {
        sheet.addRow([...PRODUCT_HEADERS]);
        sheet.addRow(
          row(PRODUCT_HEADERS, {
            'Mã số thuế / Số ĐKKD của chủ thể': producerTax,
            'Tên sản phẩm': 'Chè búp Shan tuyết',
            'Bộ sản phẩm': '1.5.1',
            'Giá thấp nhất (đồng)': '1.200.000',
            'Giá cao nhất (đồng)': '1,500,000',
          }),
        );
        sheet.addRow(
          row(PRODUCT_HEADERS, {
            'Mã số thuế / Số ĐKKD của chủ thể': producerTax,
            'Tên sản phẩm': 'Chè xanh Tà Xùa',
            'Bộ sản phẩm': '1.5.1 - Chè tươi, chè chế biến',
            'Giá thấp nhất (đồng)': { formula: 'R3*2', result: 300000 } as ExcelJS.CellValue,
            'Giá cao nhất (đồng)': '450.000 đ',
          }),
        );
      }, 'Sản phẩm');
      const before = await countProducts();
      const job = await run(officer, 'products', 'commit', file);
      expect(job).toMatchObject({ status: 'completed', problems: [], summary: { created: 2 } });
      expect(await countProducts()).toBe(before + 2);
      const items = (await officer.get('/api/products?q=Shan tuyet&pageSize=50')).json().items as {
        nameVi: string;
        priceMin: number;
        priceMax: number;
      }[];
      expect(items.find((item) => item.nameVi === 'Chè búp Shan tuyết')).toMatchObject({ priceMin: 1_200_000, priceMax: 1_500_000 });
      const second = (await officer.get('/api/products?q=che xanh ta xua')).json().items[0];
      expect(second).toMatchObject({ priceMin: 300_000, priceMax: 450_000 });

      // Rows without a code find the same product again by producer and name: nothing new, nothing changed.
      const again = await run(officer, 'products', 'commit', file);
      expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
      expect(await countProducts()).toBe(before + 2);
    });

    it('reports a CSV in Windows-1258 cell by cell, with what the text probably says, and stores nothing', async () => {
      // What Excel on a Vietnamese Windows writes for "CSV (Comma delimited)": the ANSI code page 1258.
      const file = Buffer.concat([
        toWindows1258(`${PRODUCT_HEADERS.join(',')}\r\n`),
        toWindows1258(
          csvLine({
            'Mã số thuế / Số ĐKKD của chủ thể': producerTax,
            'Tên sản phẩm': 'Mật ong bạc hà',
            'Bộ sản phẩm': '1.2.2',
            'Giá thấp nhất (đồng)': '120000',
          }),
        ),
        toWindows1258(
          csvLine({
            'Mã số thuế / Số ĐKKD của chủ thể': producerTax,
            'Tên sản phẩm': 'Mat ong rung',
            'Bộ sản phẩm': '1.2.2',
            'Trạng thái': 'Đang bán',
          }),
        ),
      ]);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(file)).toThrow();
      const before = await countProducts();
      const job = await run(officer, 'products', 'dry-run', file, 'mat-ong.csv', 'text/csv');
      expect(job.status).toBe('completed');
      expect(problemsOf(job)).toEqual([
        [2, 'D', 'import.legacy_encoding'],
        [3, 'I', 'import.legacy_encoding'],
      ]);
      expect(job.problems[0]?.message).toMatch(
        /^Chữ ".+" đang dùng bảng mã cũ Windows-1258, không phải Unicode; có lẽ là "Mật ong bạc hà"\./,
      );
      expect(job.problems[1]?.message).toContain('có lẽ là "Đang bán"');
      const refused = await run(officer, 'products', 'commit', file, 'mat-ong.csv', 'text/csv');
      expect(refused.status).toBe('rejected');
      expect(await countProducts()).toBe(before);
    });

    it('imports a UTF-8 CSV with a byte-order mark and semicolons', async () => {
      const line = csvLine(
        {
          'Mã số thuế / Số ĐKKD của chủ thể': producerTax,
          'Tên sản phẩm': '"Mật ong hoa ban; rừng"',
          'Bộ sản phẩm': '1.2.2',
          'Trạng thái': 'Đang bán',
          'Giá thấp nhất (đồng)': '"120.000"',
          'Giá cao nhất (đồng)': '"180.000"',
        },
        ';',
      );
      const text = `\ufeff${PRODUCT_HEADERS.join(';')}\r\n${line}`;
      const job = await run(officer, 'products', 'commit', Buffer.from(text, 'utf8'), 'mat-ong.csv', 'text/csv');
      expect(job).toMatchObject({ status: 'completed', problems: [], summary: { created: 1 } });
      const product = (await officer.get('/api/products?q=mat ong hoa ban')).json().items[0];
      expect(product).toMatchObject({ nameVi: 'Mật ong hoa ban; rừng', priceMin: 120_000, status: 'on_sale' });
    });

    it('reads the season column ("10-1", "5,6", "quanh năm"); a bad month refuses the whole file, which changes nothing', async () => {
      const line = (name: string, seasons: string) =>
        csvLine({
          'Mã số thuế / Số ĐKKD của chủ thể': producerTax,
          'Tên sản phẩm': name,
          'Bộ sản phẩm': '1.2.2',
          'Mùa vụ (tháng)': seasons,
          'Mô tả tiếng Trung': '蜂蜜',
        });
      const header = `${PRODUCT_HEADERS.join(',')}\r\n`;
      const bad = Buffer.from(`${header}${line('Mật ong mùa đông', '10-1')}${line('Mật ong mùa hè', '"5,13"')}`, 'utf8');
      const before = await countProducts();
      const refused = await run(officer, 'products', 'commit', bad, 'mua-vu.csv', 'text/csv');
      expect(refused.status).toBe('rejected');
      const column = String.fromCharCode(65 + PRODUCT_HEADERS.indexOf('Mùa vụ (tháng)'));
      expect(problemsOf(refused)).toEqual([[3, column, 'cell.not_months']]);
      expect(await countProducts()).toBe(before);

      const good = Buffer.from(
        `${header}${line('Mật ong mùa đông', '10-1')}${line('Mật ong mùa hè', '"5,6"')}${line('Mật ong quanh năm', 'quanh năm')}`,
        'utf8',
      );
      expect(await run(officer, 'products', 'commit', good, 'mua-vu.csv', 'text/csv')).toMatchObject({
        status: 'completed',
        summary: { created: 3 },
      });
      const seasonsOf = async (q: string) => {
        const item = (await officer.get(`/api/products?q=${encodeURIComponent(q)}`)).json().items[0];
        return (await officer.get(`/api/products/${item.id}`)).json();
      };
      expect(await seasonsOf('mat ong mua dong')).toMatchObject({ seasons: [1, 10, 11, 12], descriptionZh: '蜂蜜' });
      expect((await seasonsOf('mat ong mua he')).seasons).toEqual([5, 6]);
      expect((await seasonsOf('mat ong quanh nam')).seasons).toHaveLength(12);
    });
  });

  describe('large files', () => {
    it('names exactly the 3 bad rows of 20,000 in a dry run, and an import of that file adds nothing', async () => {
      const producer = await givenProducer(officer, { name: 'HTX Chè Tà Xùa lớn' });
      const file = await buildProductsWorkbook({
        rows: 20_000,
        producerRegistrationNumbers: [producer.registrationNumber],
        badRows: [137, 9_999, 19_876],
        seed: 7,
        pricesAsText: true,
      });
      const before = await countProducts();
      // How long this takes is a bench figure (`npm run bench`: import dry run and commit of 20,000 products), not asserted here.
      const job = await run(admin, 'products', 'dry-run', file, 'san-pham-20000.xlsx');
      expect(job.status).toBe('completed');
      expect(job.summary).toMatchObject({ dataRows: 20_000, rowsWithProblems: 3, problemCount: 3 });
      expect(problemsOf(job)).toEqual([
        [138, 'X', 'product.gtin_invalid'],
        [10_000, 'G', 'cell.unknown_product_set'],
        [19_877, 'V', 'cell.not_a_number'],
      ]);
      const refused = await run(admin, 'products', 'commit', file, 'san-pham-20000.xlsx');
      expect(refused.status).toBe('rejected');
      expect(problemsOf(refused)).toEqual(problemsOf(job));
      expect(await countProducts()).toBe(before);
    });
  });

  describe('bad uploads and access', () => {
    it('refuses a file that is not a spreadsheet', async () => {
      const form = multipart({ file: { filename: 'san-pham.csv', bytes: aWindowsExecutable(), contentType: 'text/csv' } });
      const response = await officer.post('/api/imports/products?mode=dry-run', form.body, form.headers);
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({
        code: 'import.file_not_spreadsheet',
        title: 'Tệp phải là bảng tính .xlsx hoặc tệp .csv (nội dung tệp là EXE).',
      });
    });

    it('shows an import only to provincial staff of its province', async () => {
      const job = await run(officer, 'producers', 'dry-run', await xlsx((sheet) => sheet.addRow([...PRODUCER_HEADERS])));
      const hanoi = await t.as({ role: 'province_admin', provinceCode: HANOI });
      expect((await hanoi.get(`/api/imports/${job.id}`)).statusCode).toBe(404);
      expect((await admin.get(`/api/imports/${job.id}`)).statusCode).toBe(200);
      expect((await admin.get('/api/imports')).json().map((j: { id: string }) => j.id)).toContain(job.id);
    });
  });
});
