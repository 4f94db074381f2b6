import ExcelJS from 'exceljs';
import { EXAMPLE_MARK, LEGACY_COLUMNS, LEGACY_SHEET_NAME, type LegacyKey } from './legacy-columns';
import type { FormerDistrict } from './legacy-units';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBD3' } };
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF9D9A8' } };

/** The example row: a 3★ certificate of the province's first former district, under QĐ 148/2023. */
function exampleRow(districts: readonly FormerDistrict[]): Record<LegacyKey, string> {
  const district = districts.find((item) => item.name.startsWith('Huyện')) ?? districts[0];
  const commune = district?.communes[0];
  return {
    number: `${EXAMPLE_MARK} 01/GCN-UBND`,
    productName: 'Chè shan tuyết búp khô',
    productCode: '',
    producerName: 'Hợp tác xã Nông nghiệp Thành Công',
    producerAddress: [commune?.name, district?.name].filter(Boolean).join(', '),
    stars: '3',
    issuerLevel: district ? 'Huyện' : 'Tỉnh',
    district: district?.name ?? '',
    commune: commune?.name ?? '',
    decisionNumber: '125/QĐ-UBND',
    decisionDate: '15/06/2023',
    issuedOn: '15/06/2023',
    expiresOn: '',
    regime: '148',
    productSet: 'Chè và sản phẩm từ chè',
  };
}

const GUIDE = [
  'Mỗi dòng một giấy chứng nhận OCOP đã cấp trước khi có hệ thống, bắt đầu từ dòng 2 của trang "Giấy chứng nhận".',
  `Dòng ví dụ có số giấy chứng nhận bắt đầu bằng "${EXAMPLE_MARK}": hệ thống bỏ qua dòng đó. Xóa dòng ví dụ, hoặc xóa chữ "${EXAMPLE_MARK}" nếu muốn nhập chính dòng đó.`,
  'Cột tô màu cam là bắt buộc. Giữ nguyên dòng tiêu đề.',
  'Cấp cấp: "Huyện" khi Ủy ban nhân dân huyện cấp (khi đó bắt buộc ghi Huyện cũ), "Tỉnh" khi Ủy ban nhân dân tỉnh cấp.',
  'Huyện cũ, Xã cũ: tên (có hoặc không có dấu, có hoặc không có chữ "Huyện"/"Xã") hoặc mã theo danh mục trước 01/07/2025, xem trang "Huyện cũ" và "Xã cũ". Ghi tên huyện như trên giấy chứng nhận (ví dụ "Huyện Mộc Châu"): tên cơ quan cấp lấy theo đó.',
  'Ngày ghi dd/mm/yyyy. Ngày hết hạn để trống: 36 tháng kể từ ngày cấp. Bộ tiêu chí: 1048 (QĐ 1048/QĐ-TTg) hoặc 148 (QĐ 148/QĐ-TTg).',
  'Bấm "Kiểm tra" trước: hệ thống báo mọi lỗi theo dòng và cột và chưa ghi gì. Khi nhập, tệp được nhập toàn bộ hoặc không nhập dòng nào.',
];

/**
 * The legacy certificate template: the data sheet with Vietnamese headers (required ones orange,
 * each with its help as a note), one example row marked "(Ví dụ)", the province's former districts
 * and communes (name and code) on their own sheets, and a guide.
 */
export async function buildLegacyTemplate(input: { provinceName: string; districts: readonly FormerDistrict[] }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OCOP';
  workbook.created = new Date(0);
  const sheet = workbook.addWorksheet(LEGACY_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = LEGACY_COLUMNS.map((column) => ({ key: column.key, width: column.width }));
  const header = sheet.getRow(1);
  LEGACY_COLUMNS.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle' };
    cell.fill = column.required ? REQUIRED_FILL : HEADER_FILL;
    cell.note = `${column.required ? 'Bắt buộc.' : 'Không bắt buộc.'} ${column.note}`;
    // Numbers and days stay text as typed, so "01/GCN" keeps its zero and 05/06/2023 is read as 5 June.
    if (column.text) sheet.getColumn(index + 1).numFmt = '@';
  });
  header.height = 32;
  const example = exampleRow(input.districts);
  const row = sheet.getRow(2);
  LEGACY_COLUMNS.forEach((column, index) => {
    const cell = row.getCell(index + 1);
    cell.value = example[column.key] || null;
    cell.font = { italic: true, color: { argb: 'FF6B6B6B' } };
  });
  row.getCell(1).note = `Dòng ví dụ: hệ thống bỏ qua dòng có số bắt đầu bằng "${EXAMPLE_MARK}".`;

  const districts = workbook.addWorksheet('Huyện cũ');
  districts.columns = [
    { header: 'Mã huyện', width: 12 },
    { header: `Huyện (${input.provinceName}, trước 01/07/2025)`, width: 40 },
  ];
  districts.getRow(1).font = { bold: true };
  for (const district of input.districts) districts.addRow([district.code, district.name]);

  const communes = workbook.addWorksheet('Xã cũ');
  communes.columns = [
    { header: 'Mã huyện', width: 12 },
    { header: 'Huyện', width: 28 },
    { header: 'Mã xã', width: 12 },
    { header: 'Xã (trước 01/07/2025)', width: 32 },
  ];
  communes.getRow(1).font = { bold: true };
  for (const district of input.districts)
    for (const commune of district.communes) communes.addRow([district.code, district.name, commune.code, commune.name]);

  const guide = workbook.addWorksheet('Hướng dẫn');
  guide.columns = [{ width: 120 }];
  guide.addRow([`Mẫu nhập giấy chứng nhận OCOP đã cấp trước khi có hệ thống – ${input.provinceName}`]).font = { bold: true, size: 14 };
  guide.addRow([]);
  for (const line of GUIDE) guide.addRow([line]).alignment = { wrapText: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
