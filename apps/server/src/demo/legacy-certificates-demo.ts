import { addDays, termEnd } from '@ocop/domain/certification';
import ExcelJS from 'exceljs';
import type { OcopApp } from '../app';
import { DEMO_PROVINCE } from '../modules/identity';
import { LEGACY_COLUMNS, type LegacyKey } from '../modules/certification/legacy/legacy-columns';

type Modules = OcopApp['modules'];

const OFFICE_LOGIN = 'vanphong.sonla@ocop.demo';

/** QĐ 148/2023/QĐ-TTg took effect on this day; certificates before it were evaluated under QĐ 1048/2019. */
const REGIME_148_FROM = '2023-02-24';
/** The last day of the former districts (abolished on 1 July 2025). */
const LAST_DISTRICT_DAY = '2025-06-30';

type DemoLegacyRow = Record<LegacyKey, string>;

const dmy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/**
 * Three certificates issued before the system, as a province would type them into the legacy
 * template: one of the former Mộc Châu district (3★, QĐ 148, still valid), one of the province
 * (4★, QĐ 1048, long expired) and one of the former Yên Châu district whose term ends about four
 * months after `today`, so the demo always shows an expiring certificate.
 */
export function demoLegacyRows(today: string): DemoLegacyRow[] {
  const yenChauIssued = [addDays(termEnd(today, -36), 121), LAST_DISTRICT_DAY].sort()[0] as string;
  const base = { productCode: '', producerAddress: '', commune: '', expiresOn: '' };
  return [
    {
      ...base,
      number: '0125/GCN-UBND-MC-DEMO',
      productName: '(Demo) Sữa chua nếp cẩm Mộc Châu',
      producerName: '(Demo) Hợp tác xã Bò sữa Chiềng Sơn',
      producerAddress: 'Bản Pa Khen, xã Chiềng Sơn, huyện Mộc Châu, tỉnh Sơn La',
      stars: '3',
      issuerLevel: 'Huyện',
      district: 'Huyện Mộc Châu',
      commune: 'Xã Chiềng Sơn',
      decisionNumber: '1520/QĐ-UBND',
      decisionDate: '20/05/2025',
      issuedOn: '20/05/2025',
      regime: '148',
      productSet: 'Sữa và các sản phẩm từ sữa',
    },
    {
      ...base,
      number: '0311/GCN-UBND-SL-DEMO',
      productName: '(Demo) Cà phê rang xay Chiềng Ban',
      producerName: '(Demo) Công ty TNHH Cà phê Chiềng Ban',
      producerAddress: 'Xã Chiềng Ban, huyện Mai Sơn, tỉnh Sơn La',
      stars: '4',
      issuerLevel: 'Tỉnh',
      district: 'Huyện Mai Sơn',
      decisionNumber: '2410/QĐ-UBND',
      decisionDate: '16/11/2020',
      issuedOn: '16/11/2020',
      regime: '1048',
      productSet: 'Cà phê',
    },
    {
      ...base,
      number: '0207/GCN-UBND-YC-DEMO',
      productName: '(Demo) Xoài sấy dẻo Yên Châu',
      producerName: '(Demo) Hợp tác xã Nông nghiệp Chiềng Đông',
      producerAddress: 'Xã Chiềng Đông, huyện Yên Châu, tỉnh Sơn La',
      stars: '3',
      issuerLevel: 'Huyện',
      district: 'Huyện Yên Châu',
      commune: 'Xã Chiềng Đông',
      decisionNumber: '845/QĐ-UBND',
      decisionDate: dmy(yenChauIssued),
      issuedOn: dmy(yenChauIssued),
      regime: yenChauIssued >= REGIME_148_FROM ? '148' : '1048',
      productSet: 'Rau, quả tươi và sơ chế',
    },
  ];
}

async function workbookOf(rows: readonly DemoLegacyRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Giấy chứng nhận');
  sheet.addRow(LEGACY_COLUMNS.map((column) => column.header));
  for (const row of rows) sheet.addRow(LEGACY_COLUMNS.map((column) => row[column.key] || null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Seeds the demo's legacy certificates through the legacy import (a workbook built in memory,
 * imported as the demo OCOP office). Idempotent: certificates whose number exists are left out.
 */
export async function seedLegacyCertificatesDemo(modules: Modules): Promise<{ created: number }> {
  const certification = modules.certification;
  const rows: DemoLegacyRow[] = [];
  for (const row of demoLegacyRows(certification.certificates.today()))
    if ((await certification.certificates.verify(row.number)).kind !== 'found') rows.push(row);
  if (rows.length === 0) return { created: 0 };
  const found = await modules.identity.auth.findUserByLogin(OFFICE_LOGIN);
  if (!found) throw new Error(`demo user ${OFFICE_LOGIN} missing`);
  const user = await modules.identity.users.getSelf(found.id);
  const report = await certification.legacy.run(
    { userId: user.id, grants: user.roles },
    {
      bytes: await workbookOf(rows),
      fileName: 'demo-giay-chung-nhan-truoc-day.xlsx',
      provinceCode: DEMO_PROVINCE,
      dryRun: false,
      language: 'vi',
    },
    { actorUserId: user.id, actorName: user.fullName, ipAddress: null, requestId: null },
  );
  return { created: report.created };
}
