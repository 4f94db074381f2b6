import type { CellInput } from '../../../platform/spreadsheets/cells';

export type { CellInput };
/**
 * The spreadsheet columns of the registry, defined once: the import templates, the import itself
 * and the exports all use these lists, so an exported file can be edited and imported back.
 *
 * Each column has:
 * - `key`: the field it fills in the parsed row (the same names as the service inputs);
 * - `header`: the Vietnamese header, exactly as written in row 1 of the template and the export;
 * - `type`: how the cell is read and written (see `ColumnType`);
 * - `required`, `maxLength`, `options` (for enums), `width` and `note` (help text for the template);
 * - `example`: the value of the template's example row;
 * - `format(row)`: the cell value for an export row;
 * - `parse(cell, ctx)`: the typed value of a cell, or a problem with an error code from
 *   `@ocop/contracts/errors` (`cell.*`, or the domain code such as `product.gtin_invalid`).
 *
 * Columns marked `readOnly` are written on export and in the template for people to read (the
 * producer's name next to its tax code) and ignored on import.
 *
 * Text cells that start with = + - @ are written with a leading apostrophe in CSV exports (so a
 * spreadsheet does not run them as formulas) and `parse` removes that apostrophe again.
 */
import {
  displayGtin,
  LEGAL_FORM_LABELS,
  LEGAL_FORMS,
  type LegalForm,
  normalizeGtin,
  PRODUCER_STATUS_LABELS,
  PRODUCER_STATUSES,
  PRODUCER_TYPE_LABELS,
  PRODUCER_TYPES,
  PRODUCT_STATUS_LABELS,
  PRODUCT_STATUSES,
  type ProducerStatus,
  type ProducerType,
  type ProductStatus,
} from '@ocop/domain/registry';
import { DomainError, foldVietnamese } from '@ocop/domain/shared';

/** What a spreadsheet reader hands over for one cell, once rich text and formula results are unwrapped. */
/** What the writers put in a cell: strings stay text (leading zeros kept), numbers stay numbers. */
export type CellOutput = string | number | null;

export type ColumnType =
  | 'text' // free text, trimmed
  | 'code' // an identifier written as text (tax code, product code): spaces removed
  | 'enum' // one of `options`, matched on the Vietnamese label, the code or an alias, ignoring case and diacritics
  | 'integer' // a whole number; thousands separators ("1.200", "1,200", "1 200") accepted
  | 'money' // whole đồng; thousands separators and "đ", "đồng", "VNĐ" accepted
  | 'decimal' // a decimal number (GPS); "21,3256" or "21.3256"
  | 'year' // a year, also read from a date or a text date ("15/03/2015")
  | 'commune' // a commune of the 2025-07-01 map: "03670 - Phường Chiềng Cơi", its code, or its name
  | 'legacy_commune' // a commune of the 2025-03-01 map: "03676 - Xã Hua La, Thành phố Sơn La", its code or its name
  | 'product_set' // a set of the current classification: "1.5.1 - Chè tươi, chè chế biến", its code or its name
  | 'legacy_product_set' // a set of the 1048 classification, likewise
  | 'gtin_list'; // GTINs separated by ";" "," or new lines

export type CellProblem = { ok: false; code: string; details: Record<string, unknown> };
export type CellResult<T> = { ok: true; value: T | null } | CellProblem;

/** A lookup answer: the key found (a commune code, a product set id), or why not. */
export type LookupResult = { found: string } | 'not_found' | 'ambiguous';

/**
 * What parsing needs from the database; build it once per import with
 * `registry.sheets.parseContext(provinceCode)`.
 */
export type ParseContext = {
  currentYear: number;
  /** A commune of the import's province on the 2025-07-01 map → its code. */
  commune: (text: string) => LookupResult;
  /** A commune of the import's province on the 2025-03-01 map → its code. */
  legacyCommune: (text: string) => LookupResult;
  /** A product set of the classification in force → its id. */
  productSet: (text: string) => LookupResult;
  /** A product set of the 1048 classification → its id. */
  legacyProductSet: (text: string) => LookupResult;
};

export type EnumOption<V extends string> = { value: V; label: string; aliases?: readonly string[] };

export type RegistryColumn<Row, K extends string> = {
  key: K;
  header: string;
  type: ColumnType;
  required: boolean;
  readOnly?: boolean;
  maxLength?: number;
  options?: readonly EnumOption<string>[];
  width: number;
  note?: string;
  example: CellOutput;
  format: (row: Row) => CellOutput;
  parse: (cell: CellInput, ctx: ParseContext) => CellResult<unknown>;
};

// ————— Export rows: what `format` reads —————

/** One producer as exported: its stored fields plus the names of the units it points to. */
export type ProducerSheetRow = {
  registrationNumber: string;
  name: string;
  type: ProducerType;
  legalForm: LegalForm | null;
  communeCode: string;
  communeName: string | null;
  legacyCommuneCode: string | null;
  legacyCommuneName: string | null;
  legacyDistrictName: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  representativeName: string | null;
  phone: string | null;
  email: string | null;
  foundingYear: number | null;
  memberCount: number | null;
  status: ProducerStatus;
};

export type ProductSheetRow = {
  code: string;
  producerRegistrationNumber: string;
  producerName: string;
  nameVi: string;
  nameEn: string | null;
  nameZh: string | null;
  productSetCode: string;
  productSetName: string;
  legacyProductSetCode: string | null;
  legacyProductSetName: string | null;
  status: ProductStatus;
  description: string | null;
  story: string | null;
  rawMaterial: string | null;
  rawMaterialOrigin: string | null;
  packaging: string | null;
  netQuantity: string | null;
  shelfLife: string | null;
  storageInstructions: string | null;
  priceMin: number | null;
  priceMax: number | null;
  gtins: string[];
};

// ————— Cell readers —————

const ok = <T>(value: T | null): CellResult<T> => ({ ok: true, value });
const problem = (code: string, details: Record<string, unknown> = {}): CellProblem => ({ ok: false, code, details });

/** The cell as trimmed text, '' for empty; numbers without exponent, dates as dd/mm/yyyy. */
export function cellText(cell: CellInput): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    const d = cell;
    return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
  }
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  let text = cell.replace(/\r\n?/g, '\n').trim();
  // Undo the apostrophe a CSV export puts before text that a spreadsheet would run as a formula.
  if (/^'[=+\-@]/.test(text)) text = text.slice(1);
  return text;
}

/** Text that a spreadsheet must not take for a formula, for CSV cells. */
export function csvSafeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function readText(maxLength: number) {
  return (cell: CellInput): CellResult<string> => {
    const text = cellText(cell);
    if (text === '') return ok(null);
    if (text.length > maxLength) return problem('cell.too_long', { max: maxLength, length: text.length });
    return ok(text);
  };
}

function readCode(maxLength: number) {
  return (cell: CellInput): CellResult<string> => {
    const text = cellText(cell).replace(/\s+/g, '');
    if (text === '') return ok(null);
    if (text.length > maxLength) return problem('cell.too_long', { max: maxLength, length: text.length });
    return ok(text);
  };
}

/** "1.200.000", "1,200,000", "1 200 000" and "1200000" are all 1,200,000; "12,5" is not whole. */
function wholeNumberFromText(text: string): number | 'not_number' | 'not_whole' {
  const compact = text.replace(/[\s\u00a0]/g, '');
  if (/^-?\d+$/.test(compact)) return Number(compact);
  if (/^-?\d{1,3}(\.\d{3})+$/.test(compact) || /^-?\d{1,3}(,\d{3})+$/.test(compact)) return Number(compact.replace(/[.,]/g, ''));
  if (/^-?\d+([.,]\d+)?$/.test(compact)) return 'not_whole';
  return 'not_number';
}

function readInteger(min: number, max: number, unit?: RegExp) {
  return (cell: CellInput): CellResult<number> => {
    if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) return ok(null);
    let value: number | 'not_number' | 'not_whole';
    if (typeof cell === 'number') value = Number.isInteger(cell) ? cell : 'not_whole';
    else if (typeof cell === 'string') value = wholeNumberFromText(unit ? cellText(cell).replace(unit, '').trim() : cellText(cell));
    else value = 'not_number';
    if (value === 'not_number') return problem('cell.not_a_number', { value: cellText(cell) });
    if (value === 'not_whole') return problem('cell.not_whole_number', { value: cellText(cell) });
    if (!Number.isSafeInteger(value) || value < min || value > max) return problem('cell.out_of_range', { value, min, max });
    return ok(value);
  };
}

function readDecimal(min: number, max: number) {
  return (cell: CellInput): CellResult<number> => {
    if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) return ok(null);
    let value: number;
    if (typeof cell === 'number') value = cell;
    else if (typeof cell === 'string' && /^-?\d+([.,]\d+)?$/.test(cellText(cell))) value = Number(cellText(cell).replace(',', '.'));
    else return problem('cell.not_a_number', { value: cellText(cell) });
    if (!Number.isFinite(value) || value < min || value > max) return problem('cell.out_of_range', { value, min, max });
    return ok(value);
  };
}

function readYear(cell: CellInput, ctx: ParseContext): CellResult<number> {
  if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) return ok(null);
  let year: number | undefined;
  if (cell instanceof Date) year = cell.getUTCFullYear();
  else if (typeof cell === 'number' && Number.isInteger(cell)) year = cell;
  else if (typeof cell === 'string') {
    const text = cellText(cell).replace(/^năm\s+/i, '');
    const match =
      /^(\d{4})$/.exec(text) ?? /^\d{1,2}[/.-](?:\d{1,2}[/.-])?(\d{4})$/.exec(text) ?? /^(\d{4})-\d{1,2}(?:-\d{1,2})?$/.exec(text);
    if (match?.[1]) year = Number(match[1]);
  }
  if (year === undefined) return problem('cell.not_a_year', { value: cellText(cell) });
  if (year < 1900 || year > ctx.currentYear) return problem('cell.out_of_range', { value: year, min: 1900, max: ctx.currentYear });
  return ok(year);
}

function readEnum<V extends string>(options: readonly EnumOption<V>[]) {
  const byFolded = new Map<string, V>();
  for (const option of options) {
    for (const name of [option.value, option.label, ...(option.aliases ?? [])])
      byFolded.set(foldVietnamese(name).replace(/_/g, ' '), option.value);
  }
  return (cell: CellInput): CellResult<V> => {
    const text = cellText(cell);
    if (text === '') return ok(null);
    const value = byFolded.get(foldVietnamese(text).replace(/_/g, ' '));
    if (!value) return problem('cell.unknown_option', { value: text, options: options.map((o) => o.label).join('; ') });
    return ok(value);
  };
}

function readLookup(lookup: (ctx: ParseContext) => (text: string) => LookupResult, unknownCode: string) {
  return (cell: CellInput, ctx: ParseContext): CellResult<string> => {
    const text = cellText(cell);
    if (text === '') return ok(null);
    const result = lookup(ctx)(text);
    if (result === 'not_found') return problem(unknownCode, { value: text });
    if (result === 'ambiguous') return problem('cell.ambiguous', { value: text });
    return ok(result.found);
  };
}

function readGtins(cell: CellInput): CellResult<string[]> {
  const text = cellText(cell);
  if (text === '') return ok([]);
  const gtins: string[] = [];
  for (const part of text.split(/[;,\n|]+/)) {
    if (part.trim() === '') continue;
    try {
      const gtin = normalizeGtin(part);
      if (!gtins.includes(gtin)) gtins.push(gtin);
    } catch (error) {
      if (error instanceof DomainError) return problem(error.code, { ...error.details });
      throw error;
    }
  }
  return ok(gtins);
}

/** Makes a column's `parse` enforce `required`. */
function column<Row, K extends string>(definition: RegistryColumn<Row, K>): RegistryColumn<Row, K> {
  const inner = definition.parse;
  if (definition.readOnly) return { ...definition, parse: () => ok(null) };
  return {
    ...definition,
    parse: (cell, ctx) => {
      const result = inner(cell, ctx);
      if (result.ok && definition.required && (result.value === null || (Array.isArray(result.value) && result.value.length === 0))) {
        return problem('cell.required');
      }
      return result;
    },
  };
}

const unitLabel = (code: string | null, name: string | null, parent?: string | null) =>
  code === null ? null : name ? `${code} - ${name}${parent ? `, ${parent}` : ''}` : code;

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

export const PRODUCT_STATUS_OPTIONS: readonly EnumOption<ProductStatus>[] = PRODUCT_STATUSES.map((value) => ({
  value,
  label: PRODUCT_STATUS_LABELS[value],
  aliases: {
    idea: [],
    in_development: ['Phát triển'],
    on_sale: ['Đang kinh doanh', 'Đang sản xuất'],
    withdrawn: ['Ngừng bán', 'Ngừng sản xuất'],
  }[value],
}));

const labelOf = <V extends string>(options: readonly EnumOption<V>[], value: V | null) =>
  value === null ? null : (options.find((option) => option.value === value)?.label ?? value);

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

// ————— Products —————

const productText = <K extends string>(key: K, header: string, maxLength: number, width: number, example: string | null) =>
  ({ key, header, type: 'text' as const, required: false, maxLength, width, example, parse: readText(maxLength) }) as const;

export const PRODUCT_COLUMNS = [
  column<ProductSheetRow, 'code'>({
    key: 'code',
    header: 'Mã sản phẩm',
    type: 'code',
    required: false,
    maxLength: 40,
    width: 20,
    note: 'Để trống khi thêm sản phẩm mới: hệ thống cấp mã. Dùng để nhận ra sản phẩm khi nhập lại.',
    example: null,
    format: (row) => row.code,
    parse: readCode(40),
  }),
  column<ProductSheetRow, 'producerRegistrationNumber'>({
    key: 'producerRegistrationNumber',
    header: 'Mã số thuế / Số ĐKKD của chủ thể',
    type: 'code',
    required: true,
    maxLength: 40,
    width: 20,
    note: 'Chủ thể phải có sẵn trong hệ thống (hoặc trong tệp chủ thể nhập trước).',
    example: '5500000001',
    format: (row) => row.producerRegistrationNumber,
    parse: readCode(40),
  }),
  column<ProductSheetRow, 'producerName'>({
    key: 'producerName',
    header: 'Tên chủ thể (chỉ để xem)',
    type: 'text',
    required: false,
    readOnly: true,
    width: 32,
    note: 'Không cần nhập; hệ thống bỏ qua cột này khi nhập.',
    example: 'Hợp tác xã Chè Tà Xùa',
    format: (row) => row.producerName,
    parse: () => ok(null),
  }),
  column<ProductSheetRow, 'nameVi'>({
    key: 'nameVi',
    header: 'Tên sản phẩm',
    type: 'text',
    required: true,
    maxLength: 300,
    width: 36,
    example: 'Chè Shan tuyết Tà Xùa',
    format: (row) => row.nameVi,
    parse: readText(300),
  }),
  column<ProductSheetRow, 'nameEn'>({
    ...productText('nameEn', 'Tên tiếng Anh', 300, 28, 'Ta Xua Shan Tuyet tea'),
    format: (row) => row.nameEn,
  }),
  column<ProductSheetRow, 'nameZh'>({ ...productText('nameZh', 'Tên tiếng Trung', 300, 20, null), format: (row) => row.nameZh }),
  column<ProductSheetRow, 'productSetId'>({
    key: 'productSetId',
    header: 'Bộ sản phẩm',
    type: 'product_set',
    required: true,
    width: 40,
    note: 'Bộ sản phẩm theo phân loại hiện hành (QĐ 148/QĐ-TTg), dạng "mã - tên" hoặc chỉ mã.',
    example: '1.5.1 - Chè tươi, chè chế biến',
    format: (row) => `${row.productSetCode} - ${row.productSetName}`,
    parse: readLookup((ctx) => ctx.productSet, 'cell.unknown_product_set'),
  }),
  column<ProductSheetRow, 'legacyProductSetId'>({
    key: 'legacyProductSetId',
    header: 'Bộ sản phẩm cũ (QĐ 1048)',
    type: 'legacy_product_set',
    required: false,
    width: 36,
    note: 'Chỉ cho sản phẩm đánh giá trong giai đoạn 2019–2023.',
    example: null,
    format: (row) => (row.legacyProductSetCode ? `${row.legacyProductSetCode} - ${row.legacyProductSetName ?? ''}`.trim() : null),
    parse: readLookup((ctx) => ctx.legacyProductSet, 'cell.unknown_product_set'),
  }),
  column<ProductSheetRow, 'status'>({
    key: 'status',
    header: 'Trạng thái',
    type: 'enum',
    required: false,
    options: PRODUCT_STATUS_OPTIONS,
    width: 18,
    note: 'Để trống khi thêm mới: Ý tưởng.',
    example: PRODUCT_STATUS_LABELS.on_sale,
    format: (row) => labelOf(PRODUCT_STATUS_OPTIONS, row.status),
    parse: readEnum(PRODUCT_STATUS_OPTIONS),
  }),
  column<ProductSheetRow, 'description'>({
    ...productText('description', 'Mô tả', 5000, 40, 'Chè búp khô từ cây chè Shan tuyết cổ thụ trên 100 năm tuổi.'),
    format: (row) => row.description,
  }),
  column<ProductSheetRow, 'story'>({ ...productText('story', 'Câu chuyện sản phẩm', 10000, 40, null), format: (row) => row.story }),
  column<ProductSheetRow, 'rawMaterial'>({
    ...productText('rawMaterial', 'Nguyên liệu chính', 1000, 24, 'Búp chè Shan tuyết'),
    format: (row) => row.rawMaterial,
  }),
  column<ProductSheetRow, 'rawMaterialOrigin'>({
    ...productText('rawMaterialOrigin', 'Vùng nguyên liệu', 1000, 24, 'Xã Tà Xùa, tỉnh Sơn La'),
    format: (row) => row.rawMaterialOrigin,
  }),
  column<ProductSheetRow, 'packaging'>({
    ...productText('packaging', 'Quy cách đóng gói', 500, 20, 'Hộp giấy'),
    format: (row) => row.packaging,
  }),
  column<ProductSheetRow, 'netQuantity'>({
    ...productText('netQuantity', 'Khối lượng/thể tích tịnh', 100, 16, '200 g'),
    format: (row) => row.netQuantity,
  }),
  column<ProductSheetRow, 'shelfLife'>({ ...productText('shelfLife', 'Hạn sử dụng', 200, 16, '24 tháng'), format: (row) => row.shelfLife }),
  column<ProductSheetRow, 'storageInstructions'>({
    ...productText('storageInstructions', 'Hướng dẫn bảo quản', 1000, 28, 'Nơi khô ráo, thoáng mát'),
    format: (row) => row.storageInstructions,
  }),
  column<ProductSheetRow, 'priceMin'>({
    key: 'priceMin',
    header: 'Giá thấp nhất (đồng)',
    type: 'money',
    required: false,
    width: 16,
    note: 'Số nguyên, đơn vị đồng, ví dụ 150000 hoặc 150.000.',
    example: 150000,
    format: (row) => row.priceMin,
    parse: readInteger(0, 1_000_000_000_000, /\s*(đồng|vnđ|vnd|đ|d)\.?$/i),
  }),
  column<ProductSheetRow, 'priceMax'>({
    key: 'priceMax',
    header: 'Giá cao nhất (đồng)',
    type: 'money',
    required: false,
    width: 16,
    example: 250000,
    format: (row) => row.priceMax,
    parse: readInteger(0, 1_000_000_000_000, /\s*(đồng|vnđ|vnd|đ|d)\.?$/i),
  }),
  column<ProductSheetRow, 'gtins'>({
    key: 'gtins',
    header: 'Mã GTIN (mã vạch)',
    type: 'gtin_list',
    required: false,
    width: 20,
    note: 'GTIN-8/12/13/14, nhiều mã cách nhau bởi dấu chấm phẩy. Hộ kinh doanh có thể để trống.',
    example: '8930000000019',
    format: (row) => (row.gtins.length > 0 ? row.gtins.map(displayGtin).join('; ') : null),
    parse: readGtins,
  }),
] as const;

export type ProducerColumnKey = (typeof PRODUCER_COLUMNS)[number]['key'];
export type ProductColumnKey = (typeof PRODUCT_COLUMNS)[number]['key'];

/** The parsed values of one producer row, by key; what an import turns into a registration or an update. */
export type ProducerSheetValues = {
  registrationNumber: string | null;
  name: string | null;
  type: ProducerType | null;
  legalForm: LegalForm | null;
  communeCode: string | null;
  legacyCommuneCode: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  representativeName: string | null;
  phone: string | null;
  email: string | null;
  foundingYear: number | null;
  memberCount: number | null;
  status: ProducerStatus | null;
};

export type ProductSheetValues = {
  code: string | null;
  producerRegistrationNumber: string | null;
  nameVi: string | null;
  nameEn: string | null;
  nameZh: string | null;
  productSetId: string | null;
  legacyProductSetId: string | null;
  status: ProductStatus | null;
  description: string | null;
  story: string | null;
  rawMaterial: string | null;
  rawMaterialOrigin: string | null;
  packaging: string | null;
  netQuantity: string | null;
  shelfLife: string | null;
  storageInstructions: string | null;
  priceMin: number | null;
  priceMax: number | null;
  gtins: string[];
};

export type SheetProblem = { column: string; header: string; code: string; details: Record<string, unknown> };

/**
 * Parses one row given as cells in column order (the template's order); returns the values and
 * every problem, one per bad cell. Cross-field rules (a legal form only for an enterprise, min ≤
 * max price, a known producer) are the services' job and come back as domain errors.
 */
export function parseSheetRow<Columns extends readonly RegistryColumn<never, string>[]>(
  columns: Columns,
  cells: readonly CellInput[],
  ctx: ParseContext,
): { values: Record<string, unknown>; problems: SheetProblem[] } {
  const values: Record<string, unknown> = {};
  const problems: SheetProblem[] = [];
  columns.forEach((col, index) => {
    if (col.readOnly) return;
    const result = col.parse(cells[index], ctx);
    if (result.ok) values[col.key] = result.value;
    else problems.push({ column: col.key, header: col.header, code: result.code, details: result.details });
  });
  return { values, problems };
}

export const parseProducerRow = (cells: readonly CellInput[], ctx: ParseContext) => {
  const { values, problems } = parseSheetRow(PRODUCER_COLUMNS, cells, ctx);
  return { values: values as ProducerSheetValues, problems };
};

export const parseProductRow = (cells: readonly CellInput[], ctx: ParseContext) => {
  const { values, problems } = parseSheetRow(PRODUCT_COLUMNS, cells, ctx);
  return { values: { gtins: [], ...values } as unknown as ProductSheetValues, problems };
};

export const PRODUCER_HEADERS: readonly string[] = PRODUCER_COLUMNS.map((col) => col.header);
export const PRODUCT_HEADERS: readonly string[] = PRODUCT_COLUMNS.map((col) => col.header);

/** Sheet names used by the templates and the exports. */
export const PRODUCER_SHEET_NAME = 'Chủ thể';
export const PRODUCT_SHEET_NAME = 'Sản phẩm';
