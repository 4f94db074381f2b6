import {
  LEGAL_FORM_LABELS,
  LEGAL_FORMS,
  type LegalForm,
  PRODUCER_STATUS_LABELS,
  PRODUCER_STATUSES,
  PRODUCER_TYPE_LABELS,
  PRODUCER_TYPES,
  type ProducerStatus,
  type ProducerType,
} from '@ocop/domain/registry';
import type { ProducerRow } from '../producers/producer.tables';
import {
  type CellInput,
  column,
  type EnumOption,
  labelOf,
  type ParseContext,
  parseSheetRow,
  readCode,
  readDecimal,
  readEnum,
  readInteger,
  readLookup,
  readText,
  readYear,
  unitLabel,
} from './sheet-columns';

/** One producer as exported: its stored fields plus the names of the units it points to. */
export type ProducerSheetRow = Pick<
  ProducerRow,
  | 'registrationNumber'
  | 'name'
  | 'type'
  | 'legalForm'
  | 'communeCode'
  | 'legacyCommuneCode'
  | 'address'
  | 'latitude'
  | 'longitude'
  | 'representativeName'
  | 'phone'
  | 'email'
  | 'foundingYear'
  | 'memberCount'
  | 'status'
> & {
  communeName: string | null;
  legacyCommuneName: string | null;
  legacyDistrictName: string | null;
};

// ————— Enum options —————

export const PRODUCER_TYPE_OPTIONS: readonly EnumOption<ProducerType>[] = PRODUCER_TYPES.map((value) => ({
  value,
  label: PRODUCER_TYPE_LABELS[value],
  aliases: {
    enterprise: ['DN', 'Công ty'],
    cooperative: ['HTX'],
    cooperative_group: ['THT'],
    household_business: ['HKD', 'Hộ sản xuất', 'Cơ sở sản xuất', 'Hộ sản xuất kinh doanh'],
  }[value],
}));

export const LEGAL_FORM_OPTIONS: readonly EnumOption<LegalForm>[] = LEGAL_FORMS.map((value) => ({
  value,
  label: LEGAL_FORM_LABELS[value],
  aliases: {
    llc_single_member: ['TNHH MTV', 'TNHH 1TV', 'Công ty TNHH MTV', 'Công ty TNHH 1 thành viên', 'TNHH một thành viên'],
    llc_multi_member: ['TNHH', 'Công ty TNHH', 'TNHH 2TV', 'Công ty TNHH 2 thành viên trở lên', 'TNHH hai thành viên trở lên'],
    joint_stock: ['CP', 'CTCP', 'Cổ phần'],
    private_enterprise: ['DNTN'],
    partnership: ['Hợp danh'],
  }[value],
}));

export const PRODUCER_STATUS_OPTIONS: readonly EnumOption<ProducerStatus>[] = PRODUCER_STATUSES.map((value) => ({
  value,
  label: PRODUCER_STATUS_LABELS[value],
  aliases: { active: ['Hoạt động'], suspended: ['Tạm ngừng'], dissolved: ['Giải thể'] }[value],
}));

// ————— Producers —————

export const PRODUCER_COLUMNS = [
  column<ProducerSheetRow, 'registrationNumber'>({
    key: 'registrationNumber',
    header: 'Mã số thuế / Số ĐKKD',
    type: 'code',
    required: true,
    maxLength: 40,
    width: 18,
    note: 'Mã số thuế 10 chữ số (chi nhánh: 10 chữ số-3 chữ số) hoặc số đăng ký hộ kinh doanh. Dùng để nhận ra chủ thể khi nhập lại.',
    example: '5500000001',
    format: (row) => row.registrationNumber,
    parse: readCode(40),
  }),
  column<ProducerSheetRow, 'name'>({
    key: 'name',
    header: 'Tên chủ thể',
    type: 'text',
    required: true,
    maxLength: 300,
    width: 40,
    example: 'Hợp tác xã Chè Tà Xùa',
    format: (row) => row.name,
    parse: readText(300),
  }),
  column<ProducerSheetRow, 'type'>({
    key: 'type',
    header: 'Loại hình',
    type: 'enum',
    required: true,
    options: PRODUCER_TYPE_OPTIONS,
    width: 16,
    example: PRODUCER_TYPE_LABELS.cooperative,
    format: (row) => labelOf(PRODUCER_TYPE_OPTIONS, row.type),
    parse: readEnum(PRODUCER_TYPE_OPTIONS),
  }),
  column<ProducerSheetRow, 'legalForm'>({
    key: 'legalForm',
    header: 'Loại hình doanh nghiệp',
    type: 'enum',
    required: false,
    options: LEGAL_FORM_OPTIONS,
    width: 30,
    note: 'Chỉ ghi khi loại hình là Doanh nghiệp.',
    example: null,
    format: (row) => labelOf(LEGAL_FORM_OPTIONS, row.legalForm),
    parse: readEnum(LEGAL_FORM_OPTIONS),
  }),
  column<ProducerSheetRow, 'communeCode'>({
    key: 'communeCode',
    header: 'Xã/phường (từ 01/7/2025)',
    type: 'commune',
    required: true,
    width: 32,
    note: 'Xã/phường theo bản đồ hành chính từ 01/7/2025, dạng "mã - tên" hoặc chỉ mã.',
    example: '03868 - Xã Tà Xùa',
    format: (row) => unitLabel(row.communeCode, row.communeName),
    parse: readLookup((ctx) => ctx.commune, 'cell.unknown_commune'),
  }),
  column<ProducerSheetRow, 'legacyCommuneCode'>({
    key: 'legacyCommuneCode',
    header: 'Xã cũ (trước 01/7/2025)',
    type: 'legacy_commune',
    required: false,
    width: 40,
    note: 'Cho hồ sơ lập trước 01/7/2025: xã cũ, dạng "mã - tên, huyện" hoặc chỉ mã. Huyện cũ được suy ra từ xã.',
    example: '03868 - Xã Tà Xùa, Huyện Bắc Yên',
    format: (row) => unitLabel(row.legacyCommuneCode, row.legacyCommuneName, row.legacyDistrictName),
    parse: readLookup((ctx) => ctx.legacyCommune, 'cell.unknown_commune'),
  }),
  column<ProducerSheetRow, 'address'>({
    key: 'address',
    header: 'Địa chỉ',
    type: 'text',
    required: false,
    maxLength: 500,
    width: 40,
    example: 'Bản Tà Xùa, xã Tà Xùa, tỉnh Sơn La',
    format: (row) => row.address,
    parse: readText(500),
  }),
  column<ProducerSheetRow, 'latitude'>({
    key: 'latitude',
    header: 'Vĩ độ',
    type: 'decimal',
    required: false,
    width: 12,
    note: 'Tọa độ GPS (độ thập phân), ví dụ 21.3256. Có thể để trống.',
    example: 21.3256,
    format: (row) => row.latitude,
    parse: readDecimal(-90, 90),
  }),
  column<ProducerSheetRow, 'longitude'>({
    key: 'longitude',
    header: 'Kinh độ',
    type: 'decimal',
    required: false,
    width: 12,
    example: 104.4862,
    format: (row) => row.longitude,
    parse: readDecimal(-180, 180),
  }),
  column<ProducerSheetRow, 'representativeName'>({
    key: 'representativeName',
    header: 'Người đại diện theo pháp luật',
    type: 'text',
    required: false,
    maxLength: 200,
    width: 28,
    example: 'Giàng A Páo',
    format: (row) => row.representativeName,
    parse: readText(200),
  }),
  column<ProducerSheetRow, 'phone'>({
    key: 'phone',
    header: 'Điện thoại',
    type: 'text',
    required: false,
    maxLength: 30,
    width: 16,
    example: '0912345678',
    format: (row) => row.phone,
    // A number cell loses the leading 0 of a phone number; put it back.
    parse: (cell) =>
      readText(30)(typeof cell === 'number' && Number.isInteger(cell) && /^[1-9]\d{8,9}$/.test(String(cell)) ? `0${cell}` : cell),
  }),
  column<ProducerSheetRow, 'email'>({
    key: 'email',
    header: 'Email',
    type: 'text',
    required: false,
    maxLength: 254,
    width: 28,
    example: 'htx.chetaxua@example.vn',
    format: (row) => row.email,
    parse: readText(254),
  }),
  column<ProducerSheetRow, 'foundingYear'>({
    key: 'foundingYear',
    header: 'Năm thành lập',
    type: 'year',
    required: false,
    width: 14,
    example: 2016,
    format: (row) => row.foundingYear,
    parse: readYear,
  }),
  column<ProducerSheetRow, 'memberCount'>({
    key: 'memberCount',
    header: 'Số thành viên/lao động',
    type: 'integer',
    required: false,
    width: 14,
    example: 25,
    format: (row) => row.memberCount,
    parse: readInteger(0, 1_000_000),
  }),
  column<ProducerSheetRow, 'status'>({
    key: 'status',
    header: 'Trạng thái',
    type: 'enum',
    required: false,
    options: PRODUCER_STATUS_OPTIONS,
    width: 20,
    note: 'Để trống khi thêm mới: Đang hoạt động.',
    example: PRODUCER_STATUS_LABELS.active,
    format: (row) => labelOf(PRODUCER_STATUS_OPTIONS, row.status),
    parse: readEnum(PRODUCER_STATUS_OPTIONS),
  }),
] as const;

export type ProducerColumnKey = (typeof PRODUCER_COLUMNS)[number]['key'];

/** The parsed values of one producer row, by key; what an import turns into a registration or an update. */
export type ProducerSheetValues = { [K in ProducerColumnKey]: ProducerRow[K] | null };

export const parseProducerRow = (cells: readonly CellInput[], ctx: ParseContext) => {
  const { values, problems } = parseSheetRow(PRODUCER_COLUMNS, cells, ctx);
  return { values: values as ProducerSheetValues, problems };
};

export const PRODUCER_HEADERS: readonly string[] = PRODUCER_COLUMNS.map((col) => col.header);

/** Sheet name used by the templates and the exports. */
export const PRODUCER_SHEET_NAME = 'Chủ thể';
