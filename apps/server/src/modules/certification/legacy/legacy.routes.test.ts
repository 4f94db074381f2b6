import type { CertificateView, LegacyImportReport } from '@ocop/contracts/certification';
import { count } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenCertificate } from '../../../test-support/certification-builders';
import { multipart } from '../../../test-support/file-fixtures';
import { givenProducer, givenProduct } from '../../../test-support/registry-builders';
import { type Client, HANOI, SON_LA, startTestApp, type TestApp } from '../../../test-support/test-app';
import { certificates } from '../certificates/certificate.tables';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = [
  'Số giấy chứng nhận',
  'Tên sản phẩm',
  'Mã sản phẩm',
  'Chủ thể',
  'Địa chỉ chủ thể',
  'Số sao',
  'Cấp cấp',
  'Huyện cũ',
  'Xã cũ',
  'Số quyết định',
  'Ngày quyết định',
  'Ngày cấp',
  'Ngày hết hạn',
  'Bộ tiêu chí',
  'Bộ sản phẩm',
] as const;
type Row = Partial<Record<(typeof HEADERS)[number], ExcelJS.CellValue>>;

/** A workbook as a province would fill it: the headers in row 1, one certificate per row from row 2. */
async function xlsxOf(rows: readonly Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('GCN');
  sheet.addRow([...HEADERS]);
  for (const row of rows) sheet.addRow(HEADERS.map((header) => row[header] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const aNumber = (suffix = 'GCN-UBND') => `${randomInt(100, 999_999)}/${suffix}`;

/** A certificate of the former Mộc Châu district (148/2023, 3★), valid on paper until 9 May 2026. */
function mocChau(overrides: Row = {}): Row {
  return {
    'Số giấy chứng nhận': aNumber(),
    'Tên sản phẩm': 'Sữa chua nếp cẩm Mộc Châu',
    'Chủ thể': 'Hợp tác xã Bò sữa Chiềng Sơn',
    'Địa chỉ chủ thể': 'Bản Pa Khen, xã Chiềng Sơn, huyện Mộc Châu',
    'Số sao': 3,
    'Cấp cấp': 'Huyện',
    'Huyện cũ': 'Huyện Mộc Châu',
    'Xã cũ': 'Xã Chiềng Sơn',
    'Số quyết định': '1520/QĐ-UBND',
    'Ngày quyết định': '10/05/2023',
    'Ngày cấp': '10/05/2023',
    'Bộ tiêu chí': '148',
    'Bộ sản phẩm': 'Sữa và các sản phẩm từ sữa',
    ...overrides,
  };
}

describe('certificates issued before the system (legacy import)', () => {
  let t: TestApp;
  let officer: Client;

  const countCertificates = async () => (await t.database.db.select({ n: count() }).from(certificates))[0]?.n ?? 0;
  const upload = (client: Client, bytes: Buffer, query: string, filename = 'giay-chung-nhan.xlsx', contentType = XLSX) => {
    const form = multipart({ file: { filename, contentType, bytes } });
    return client.post(`/api/certificates/legacy-import?${query}`, form.body, form.headers);
  };
  const certificateByNumber = async (number: string) => {
    const page = (await officer.get(`/api/certificates?q=${encodeURIComponent(number)}`)).json() as { items: CertificateView[] };
    const found = page.items.find((item) => item.number === number);
    if (!found) throw new Error(`no certificate ${number}`);
    return (await officer.get(`/api/certificates/${found.id}`)).json() as CertificateView;
  };

  beforeAll(async () => {
    t = await startTestApp(); // today is 2 March 2026
    officer = await t.as({ role: 'province_officer' });
  });
  afterAll(async () => t.close());

  it('previews on a dry run and stores nothing, then imports: the old district stays the issuer, a 1048 certificate is expired', async () => {
    const producer = await givenProducer(officer);
    const product = await givenProduct(t, officer, producer.id);
    const district = mocChau();
    const province: Row = {
      'Số giấy chứng nhận': aNumber('gcn-ubnd'),
      'Tên sản phẩm': 'Chè Shan tuyết Tà Xùa',
      'Mã sản phẩm': product.code,
      'Chủ thể': producer.name,
      'Số sao': '4 sao',
      'Cấp cấp': 'Tỉnh',
      'Huyện cũ': 'bac yen',
      'Số quyết định': '2011/QĐ-UBND',
      'Ngày quyết định': new Date(Date.UTC(2019, 11, 20)), // an Excel date cell
      'Ngày cấp': new Date(Date.UTC(2019, 11, 20)),
      'Bộ tiêu chí': 'QĐ 1048/QĐ-TTg',
    };
    const yenChau = mocChau({
      'Huyện cũ': '124',
      'Xã cũ': 'chieng dong',
      'Ngày cấp': '2024-01-15',
      'Ngày quyết định': '2024-01-15',
      'Ngày hết hạn': '14/01/2027',
    });
    const bytes = await xlsxOf([district, province, yenChau]);
    const before = await countCertificates();

    const dry = await upload(officer, bytes, 'dryRun=true');
    expect(dry.statusCode).toBe(200);
    const report = dry.json() as LegacyImportReport;
    expect(report).toMatchObject({ dryRun: true, dataRows: 3, rowsOk: 3, rowsWithProblems: 0, problems: [], created: 0, headerRow: 1 });
    expect(report.preview.map((row) => [row.row, row.issuer.name, row.status, row.expiresOn])).toEqual([
      [2, 'Ủy ban nhân dân huyện Mộc Châu', 'expiring', '2026-05-09'],
      [3, 'Ủy ban nhân dân tỉnh Sơn La', 'expired', '2022-12-19'],
      [4, 'Ủy ban nhân dân huyện Yên Châu', 'valid', '2027-01-14'],
    ]);
    expect(report.preview[1]).toMatchObject({
      productLinked: true,
      regimeCode: '1048/2019',
      stars: 4,
      legacyDistrictName: 'Huyện Bắc Yên',
    });
    expect(await countCertificates()).toBe(before);

    const imported = await upload(officer, bytes, 'dryRun=false');
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toMatchObject({ dryRun: false, created: 3, rowsOk: 3 });
    expect(await countCertificates()).toBe(before + 3);

    const byDistrict = await certificateByNumber(String(district['Số giấy chứng nhận']));
    expect(byDistrict).toMatchObject({
      source: 'legacy',
      stars: 3,
      regimeCode: '148/2023',
      status: 'expiring',
      mayShowMark: true,
      issuer: { level: 'district', name: 'Ủy ban nhân dân huyện Mộc Châu', unitCode: '123' },
      legacyDistrictCode: '123',
      legacyDistrictName: 'Huyện Mộc Châu',
      legacyCommuneCode: '03985',
      communeCode: '03985', // Xã Chiềng Sơn kept its name and code in 2025
      issuedOn: '2023-05-10',
      expiresOn: '2026-05-09',
      productId: null,
      dossierId: null,
    });
    const byProvince = await certificateByNumber(String(province['Số giấy chứng nhận']).toUpperCase());
    expect(byProvince).toMatchObject({
      status: 'expired',
      mayShowMark: false,
      issuer: { level: 'province', name: 'Ủy ban nhân dân tỉnh Sơn La', unitCode: SON_LA },
      productId: product.id,
      producerId: producer.id,
      productCode: product.code,
      communeCode: producer.communeCode,
      legacyDistrictCode: '121',
    });
    expect(await certificateByNumber(String(yenChau['Số giấy chứng nhận']))).toMatchObject({
      communeCode: '04075',
      legacyCommuneCode: '04063',
    });

    const page = await t.anonymous.get(`/c/${byDistrict.number}`, { accept: 'text/html' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ủy ban nhân dân huyện Mộc Châu');

    const admin = await t.as({ role: 'province_admin' });
    const audit = (await admin.get('/api/audit-entries?pageSize=200')).json().items as { action: string; after: { count: number } }[];
    expect(audit.filter((entry) => entry.action === 'certificate.legacy_imported').map((entry) => entry.after.count)).toContain(3);
  });

  it('reports every problem by row and column in Vietnamese and English, and imports nothing of a file with one', async () => {
    const existing = mocChau();
    expect((await upload(officer, await xlsxOf([existing]), 'dryRun=false')).statusCode).toBe(201);
    const twice = aNumber();
    const rows: Row[] = [
      mocChau({ 'Huyện cũ': 'Huyện Không Có' }),
      mocChau({ 'Ngày cấp': '15/04/2026' }),
      mocChau({ 'Số giấy chứng nhận': twice }),
      mocChau({ 'Số giấy chứng nhận': ` ${twice.toLowerCase()} ` }),
      mocChau({ 'Số giấy chứng nhận': existing['Số giấy chứng nhận'] }),
      mocChau({ 'Số sao': 2 }),
      mocChau(),
    ];
    const bytes = await xlsxOf(rows);
    const before = await countCertificates();

    const dry = await upload(officer, bytes, 'dryRun=true');
    expect(dry.statusCode).toBe(200);
    const report = dry.json() as LegacyImportReport;
    expect(report.problems.map((problem) => [problem.row, problem.column, problem.code])).toEqual([
      [2, 'H', 'certificate.legacy_district_unknown'],
      [3, 'L', 'certificate.legacy_date_in_future'],
      [5, 'A', 'certificate.legacy_number_duplicate'],
      [6, 'A', 'certificate.legacy_number_duplicate'],
      [7, 'F', 'certificate.legacy_stars_invalid'],
    ]);
    expect(report).toMatchObject({ dataRows: 7, rowsOk: 2, rowsWithProblems: 5, problemCount: 5 });
    expect(report.problems[0]).toMatchObject({
      header: 'Huyện cũ',
      message: 'Huyện "Huyện Không Có" không có trong danh mục đơn vị hành chính của tỉnh trước 01/07/2025.',
      messageEn: 'District "Huyện Không Có" did not exist in the province before 1 July 2025.',
    });
    expect(report.problems[1]?.messageVi).toBe('"Ngày cấp" (15/04/2026) ở sau ngày hôm nay (02/03/2026).');
    expect(report.problems[2]?.details).toMatchObject({ number: twice, firstRow: 4 });
    expect(report.problems[3]?.details).toMatchObject({ inSystem: true });

    const refused = await upload(officer, bytes, 'dryRun=false');
    expect(refused.statusCode).toBe(422);
    const problem = refused.json() as { code: string; details: { problems: number; rows: number; report: LegacyImportReport } };
    expect(problem).toMatchObject({ code: 'certificate.legacy_import_rejected', details: { problems: 5, rows: 5 } });
    expect(problem.details.report.problems).toHaveLength(5);
    expect(await countCertificates()).toBe(before);
  });

  it('reads the date forms people type, and names a bad one, a missing field and a malformed number', async () => {
    const rows: Row[] = [
      mocChau({ 'Ngày cấp': '5-6-2023', 'Ngày quyết định': '2023-06-05', 'Huyện cũ': 'moc chau', 'Cấp cấp': 'UBND huyện' }),
      mocChau({ 'Ngày cấp': '31/02/2023' }),
      mocChau({ 'Chủ thể': null, 'Bộ tiêu chí': '2020' }),
      mocChau({ 'Số giấy chứng nhận': 'số 12 / GCN?' }),
      mocChau({ 'Ngày hết hạn': '01/05/2023' }),
      mocChau({ 'Cấp cấp': 'Huyện', 'Huyện cũ': null }),
      mocChau({ 'Xã cũ': 'Xã Tà Xùa' }),
      mocChau({ 'Mã sản phẩm': 'KHONG-CO-MA' }),
    ];
    const report = (await upload(officer, await xlsxOf(rows), 'dryRun=true')).json() as LegacyImportReport;
    expect(report.problems.map((problem) => [problem.row, problem.column, problem.code])).toEqual([
      [3, 'L', 'certificate.legacy_date_invalid'],
      [4, 'D', 'certificate.legacy_required'],
      [4, 'N', 'certificate.legacy_regime_unknown'],
      [5, 'A', 'certificate.number_malformed'],
      [6, 'M', 'certificate.legacy_dates_out_of_order'],
      [7, 'H', 'certificate.legacy_required'],
      [8, 'I', 'certificate.legacy_commune_unknown'],
      [9, 'C', 'certificate.legacy_product_not_found'],
    ]);
    // Without its kind the district is named as on the map (Mộc Châu became a thị xã in 2025): the template asks for the kind.
    expect(report.preview[0]).toMatchObject({ row: 2, issuedOn: '2023-06-05', issuer: { name: 'Ủy ban nhân dân thị xã Mộc Châu' } });
  });

  it('refuses a file that is not an xlsx workbook, and more than 2,000 certificates at once', async () => {
    const csv = await upload(officer, Buffer.from('Số giấy chứng nhận;Tên sản phẩm\n1/GCN;Chè\n'), 'dryRun=true', 'gcn.csv', 'text/csv');
    expect(csv.statusCode).toBe(422);
    expect(csv.json()).toMatchObject({ code: 'file.type_not_allowed', details: { detected: 'TXT', accepted: 'XLSX' } });
    expect(csv.json().detail).toContain('XLSX');

    const many = Array.from({ length: 2_001 }, (_, index) => mocChau({ 'Số giấy chứng nhận': `${index + 1}/GCN-NHIEU` }));
    const tooMany = await upload(officer, await xlsxOf(many), 'dryRun=true');
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json()).toMatchObject({ code: 'certificate.legacy_too_many_rows', details: { max: '2.000' } });
  });

  it('gives a template with a marked example row and the former districts, which imports once the example is un-marked', async () => {
    const response = await officer.get('/api/certificates/legacy-template.xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...HEADERS]);
    expect(String(sheet.getCell('A2').value)).toMatch(/^\(Ví dụ\) /);
    const districts = workbook.getWorksheet('Huyện cũ') as ExcelJS.Worksheet;
    const listed = districts.getSheetValues().flatMap((row) => (Array.isArray(row) ? [`${row[1]} ${row[2]}`] : []));
    expect(listed).toContain('123 Thị xã Mộc Châu');
    expect(listed).toContain('124 Huyện Yên Châu');

    const untouched = (await upload(officer, response.rawPayload, 'dryRun=true')).json() as LegacyImportReport;
    expect(untouched.notices.map((notice) => [notice.row, notice.code])).toEqual([[2, 'import.example_row_skipped']]);
    expect(untouched.problems.map((problem) => problem.code)).toEqual(['certificate.legacy_no_rows']);

    const number = aNumber('GCN-VD');
    sheet.getCell('A2').value = number;
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const imported = await upload(officer, filled, 'dryRun=false');
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toMatchObject({ created: 1, notices: [] });
    expect(await certificateByNumber(number)).toMatchObject({
      issuer: { level: 'district' },
      regimeCode: '148/2023',
      issuedOn: '2023-06-15',
    });
  });

  it('imports into the caller’s own province only; a system admin names the province', async () => {
    const bytes = await xlsxOf([mocChau()]);
    const hanoi = await t.as({ role: 'province_officer', provinceCode: HANOI });
    const foreign = await upload(hanoi, bytes, `dryRun=true&provinceCode=${SON_LA}`);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json()).toMatchObject({ code: 'import.not_allowed' });
    // Hà Nội's former map has no Mộc Châu.
    const own = (await upload(hanoi, bytes, 'dryRun=true')).json() as LegacyImportReport;
    expect(own.problems.map((problem) => problem.code)).toEqual(['certificate.legacy_district_unknown']);

    const admin = await t.as({ role: 'system_admin' });
    expect((await upload(admin, bytes, 'dryRun=true')).json()).toMatchObject({ code: 'import.province_required' });
    expect((await upload(admin, bytes, `dryRun=true&provinceCode=${SON_LA}`)).json()).toMatchObject({ rowsOk: 1, provinceCode: SON_LA });
    const communeOfficer = await t.as({ role: 'commune_officer' });
    expect((await communeOfficer.get('/api/certificates/legacy-template.xlsx')).statusCode).toBe(403);
  });
});

describe('a legacy certificate of a product certified again since', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('is superseded by the newer certificate from its issue day, and the product shows the newer one', async () => {
    const { officer, certificate } = await givenCertificate(t, { signedOn: '2026-09-01' });
    const number = aNumber('GCN-UBND-SL');
    const form = multipart({
      file: {
        filename: 'cu.xlsx',
        contentType: XLSX,
        bytes: await xlsxOf([
          mocChau({
            'Số giấy chứng nhận': number,
            'Mã sản phẩm': certificate.productCode,
            'Cấp cấp': 'Tỉnh',
            'Số sao': 3,
          }),
        ]),
      },
    });
    const imported = await officer.post('/api/certificates/legacy-import?dryRun=false', form.body, form.headers);
    expect(imported.statusCode, imported.body).toBe(201);
    const list = (await officer.get(`/api/certificates?productId=${certificate.productId}`)).json() as { items: CertificateView[] };
    const legacy = list.items.find((item) => item.number === number);
    expect(legacy).toMatchObject({ status: 'superseded', statusSince: '2026-09-01', supersededBy: { number: certificate.number } });
    const mark = (await officer.get(`/api/products/${certificate.productId}/ocop-mark`)).json();
    expect(mark).toMatchObject({ allowed: true, stars: 4, certificateNumber: certificate.number });
  });
});
