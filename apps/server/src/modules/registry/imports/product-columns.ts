import {
  displayGtin,
  formatSeasonsCell,
  PRODUCT_STATUS_LABELS,
  PRODUCT_STATUSES,
  type ProductStatus,
  SEASON_NOTE_MAX,
} from '@ocop/domain/registry';
import type { ProductRow } from '../products/product.tables';
import {
  type CellInput,
  column,
  type EnumOption,
  labelOf,
  ok,
  type ParseContext,
  parseSheetRow,
  readCode,
  readEnum,
  readGtins,
  readInteger,
  readLookup,
  readSeasons,
  readText,
} from './sheet-columns';

/** One product as exported: its stored fields plus its producer, the codes and names of its sets, and its GTINs. */
export type ProductSheetRow = Pick<
  ProductRow,
  | 'code'
  | 'nameVi'
  | 'nameEn'
  | 'nameZh'
  | 'status'
  | 'description'
  | 'story'
  | 'descriptionZh'
  | 'storyZh'
  | 'seasons'
  | 'seasonNote'
  | 'rawMaterial'
  | 'rawMaterialOrigin'
  | 'packaging'
  | 'netQuantity'
  | 'shelfLife'
  | 'storageInstructions'
  | 'priceMin'
  | 'priceMax'
> & {
  producerRegistrationNumber: string;
  producerName: string;
  productSetCode: string;
  productSetName: string;
  legacyProductSetCode: string | null;
  legacyProductSetName: string | null;
  gtins: string[];
};

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
  column<ProductSheetRow, 'descriptionZh'>({
    ...productText('descriptionZh', 'Mô tả tiếng Trung', 5000, 32, null),
    format: (row) => row.descriptionZh,
  }),
  column<ProductSheetRow, 'storyZh'>({
    ...productText('storyZh', 'Câu chuyện sản phẩm tiếng Trung', 10000, 32, null),
    format: (row) => row.storyZh,
  }),
  column<ProductSheetRow, 'seasons'>({
    key: 'seasons',
    header: 'Mùa vụ (tháng)',
    type: 'season_months',
    required: false,
    width: 16,
    note: 'Các tháng sản xuất hoặc có hàng: "5-6", "10-1" (qua năm mới), "5, 6, 9" hoặc "quanh năm". Để trống nếu không nêu.',
    example: '5-6',
    format: (row) => formatSeasonsCell(row.seasons),
    parse: readSeasons,
  }),
  column<ProductSheetRow, 'seasonNote'>({
    ...productText('seasonNote', 'Ghi chú mùa vụ', SEASON_NOTE_MAX, 24, 'Quả chín rộ giữa tháng 6'),
    format: (row) => row.seasonNote,
  }),
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

export type ProductColumnKey = (typeof PRODUCT_COLUMNS)[number]['key'];

/** Columns that fill the product's own fields (the others name its producer, are read-only, or are its GTINs). */
type ProductFieldKey = Exclude<ProductColumnKey, 'producerRegistrationNumber' | 'producerName' | 'gtins'>;

/** The parsed values of one product row, by key; what an import turns into a product or an update. */
export type ProductSheetValues = { [K in ProductFieldKey]: ProductRow[K] | null } & {
  producerRegistrationNumber: string | null;
  gtins: string[];
};

export const parseProductRow = (cells: readonly CellInput[], ctx: ParseContext) => {
  const { values, problems } = parseSheetRow(PRODUCT_COLUMNS, cells, ctx);
  return { values: { gtins: [], ...values } as unknown as ProductSheetValues, problems };
};

export const PRODUCT_HEADERS: readonly string[] = PRODUCT_COLUMNS.map((col) => col.header);

/** Sheet name used by the templates and the exports. */
export const PRODUCT_SHEET_NAME = 'Sản phẩm';
