/**
 * The CBV 2.0 vocabularies the traceability forms offer, exactly as the EPCIS 2.0 JSON schema
 * lists them (`json-schema/schemas/{bizStep,disposition,bizTransaction-type,source-dest-type}-JSON-Schema.json`,
 * gs1/EPCIS commit 2b888be). In JSON an event carries the bare word (`shipping`); its Web URI is
 * `https://ref.gs1.org/cbv/BizStep-shipping`. Anything else must be an absolute URI of someone's
 * own namespace; a bare word outside CBV is invalid (the schema's `vocab-other-uri` is a URI).
 */

// biome-ignore format: one vocabulary, read as a block
export const CBV_BIZ_STEPS = [
  'accepting', 'arriving', 'assembling', 'collecting', 'commissioning', 'consigning', 'creating_class_instance',
  'cycle_counting', 'decommissioning', 'departing', 'destroying', 'disassembling', 'dispensing', 'encoding',
  'entering_exiting', 'holding', 'inspecting', 'installing', 'killing', 'loading', 'other', 'packing', 'picking',
  'receiving', 'removing', 'repackaging', 'repairing', 'replacing', 'reserving', 'retail_selling', 'shipping',
  'staging_outbound', 'stock_taking', 'stocking', 'storing', 'transporting', 'unloading', 'unpacking', 'void_shipping',
  'sensor_reporting', 'sampling',
] as const;
export type CbvBizStep = (typeof CBV_BIZ_STEPS)[number];

// biome-ignore format: one vocabulary, read as a block
export const CBV_DISPOSITIONS = [
  'active', 'container_closed', 'damaged', 'destroyed', 'dispensed', 'disposed', 'encoded', 'expired', 'in_progress',
  'in_transit', 'inactive', 'no_pedigree_match', 'non_sellable_other', 'partially_dispensed', 'recalled', 'reserved',
  'retail_sold', 'returned', 'sellable_accessible', 'sellable_not_accessible', 'stolen', 'unknown', 'available',
  'completeness_verified', 'completeness_inferred', 'conformant', 'container_open', 'mismatch_instance', 'mismatch_class',
  'mismatch_quantity', 'needs_replacement', 'non_conformant', 'unavailable',
] as const;
export type CbvDisposition = (typeof CBV_DISPOSITIONS)[number];

// biome-ignore format: one vocabulary, read as a block
export const CBV_BIZ_TRANSACTION_TYPES = [
  'bol', 'cert', 'desadv', 'inv', 'pedigree', 'po', 'poc', 'prodorder', 'recadv', 'rma', 'testprd', 'testres', 'upevt',
] as const;
export type CbvBizTransactionType = (typeof CBV_BIZ_TRANSACTION_TYPES)[number];

export const CBV_SOURCE_DESTINATION_TYPES = ['owning_party', 'possessing_party', 'location'] as const;
export type CbvSourceDestinationType = (typeof CBV_SOURCE_DESTINATION_TYPES)[number];

export type CbvVocabulary = 'bizStep' | 'disposition' | 'bizTransactionType' | 'sourceDestinationType';

const WORDS: Record<CbvVocabulary, ReadonlySet<string>> = {
  bizStep: new Set(CBV_BIZ_STEPS),
  disposition: new Set(CBV_DISPOSITIONS),
  bizTransactionType: new Set(CBV_BIZ_TRANSACTION_TYPES),
  sourceDestinationType: new Set(CBV_SOURCE_DESTINATION_TYPES),
};

// The Web URI prefix (CBV 2.0 §6) and the EPCIS 1.x URN prefix of each vocabulary.
const WEB_PREFIX: Record<CbvVocabulary, string> = {
  bizStep: 'https://ref.gs1.org/cbv/BizStep-',
  disposition: 'https://ref.gs1.org/cbv/Disp-',
  bizTransactionType: 'https://ref.gs1.org/cbv/BTT-',
  sourceDestinationType: 'https://ref.gs1.org/cbv/SDT-',
};
const URN_PREFIX: Record<CbvVocabulary, string> = {
  bizStep: 'urn:epcglobal:cbv:bizstep:',
  disposition: 'urn:epcglobal:cbv:disp:',
  bizTransactionType: 'urn:epcglobal:cbv:btt:',
  sourceDestinationType: 'urn:epcglobal:cbv:sdt:',
};

export function isCbvWord(vocabulary: CbvVocabulary, value: string): boolean {
  return WORDS[vocabulary].has(value);
}

/** `https://ref.gs1.org/cbv/BizStep-shipping` for (`bizStep`, `shipping`). */
export function cbvWebUri(vocabulary: CbvVocabulary, word: string): string {
  return WEB_PREFIX[vocabulary] + word;
}

/**
 * The Web URI of a CBV value written as a bare word or an EPCIS 1.x URN; any other value
 * (a user vocabulary URI, an unknown word) is returned unchanged.
 */
export function expandCbvValue(vocabulary: CbvVocabulary, value: string): string {
  if (isCbvWord(vocabulary, value)) return cbvWebUri(vocabulary, value);
  const urn = URN_PREFIX[vocabulary];
  if (value.startsWith(urn)) return WEB_PREFIX[vocabulary] + value.slice(urn.length);
  return value;
}

// Namespaces GS1 keeps for itself: a value there must be a real CBV word.
const RESERVED = /^(urn:epcglobal:cbv:|https?:\/\/ns\.gs1\.org\/cbv\/|https?:\/\/ref\.gs1\.org\/cbv\/)/;

/**
 * True for a bare CBV word, the CBV Web URI (or 1.x URN) of one, or an absolute URI in a
 * namespace of one's own (`https://ocop.example.vn/voc/say-kho`, `urn:ocop:vn:bizstep:x`).
 * False for a bare word outside CBV (`drying`) and for unknown words under GS1's namespaces.
 */
export function isCbvOrNamespacedValue(vocabulary: CbvVocabulary, value: string): boolean {
  if (isCbvWord(vocabulary, value)) return true;
  if (RESERVED.test(value)) {
    const expanded = expandCbvValue(vocabulary, value);
    return expanded.startsWith(WEB_PREFIX[vocabulary]) && isCbvWord(vocabulary, expanded.slice(WEB_PREFIX[vocabulary].length));
  }
  return /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/.test(value);
}

export function isCbvOrNamespacedBizStep(value: string): boolean {
  return isCbvOrNamespacedValue('bizStep', value);
}

/** Vietnamese labels for the forms (CBV 2.0 §7 definitions, in the words a cooperative uses). */
export const BIZ_STEP_LABELS: Record<CbvBizStep, string> = {
  accepting: 'Chấp nhận hàng',
  arriving: 'Đến nơi',
  assembling: 'Lắp ráp, phối trộn',
  collecting: 'Thu gom',
  commissioning: 'Gán mã định danh (khởi tạo)',
  consigning: 'Ký gửi',
  creating_class_instance: 'Tạo lô sản xuất',
  cycle_counting: 'Kiểm đếm định kỳ',
  decommissioning: 'Hủy mã định danh',
  departing: 'Rời khỏi địa điểm',
  destroying: 'Tiêu hủy',
  disassembling: 'Tháo rời',
  dispensing: 'Cấp phát',
  encoding: 'Ghi mã',
  entering_exiting: 'Ra, vào',
  holding: 'Tạm giữ',
  inspecting: 'Kiểm tra',
  installing: 'Lắp đặt',
  killing: 'Vô hiệu hóa thẻ',
  loading: 'Bốc hàng lên phương tiện',
  other: 'Khác',
  packing: 'Đóng gói',
  picking: 'Lấy hàng',
  receiving: 'Nhận hàng',
  removing: 'Tháo ra',
  repackaging: 'Đóng gói lại',
  repairing: 'Sửa chữa',
  replacing: 'Thay thế',
  reserving: 'Đặt giữ',
  retail_selling: 'Bán lẻ',
  shipping: 'Xuất hàng',
  staging_outbound: 'Tập kết chờ xuất',
  stock_taking: 'Kiểm kê',
  stocking: 'Bày lên kệ',
  storing: 'Lưu kho',
  transporting: 'Vận chuyển',
  unloading: 'Dỡ hàng',
  unpacking: 'Mở gói',
  void_shipping: 'Hủy xuất hàng',
  sensor_reporting: 'Ghi nhận số liệu cảm biến',
  sampling: 'Lấy mẫu',
};

export const DISPOSITION_LABELS: Record<CbvDisposition, string> = {
  active: 'Đang lưu hành',
  container_closed: 'Đã đóng thùng',
  damaged: 'Hư hỏng',
  destroyed: 'Đã tiêu hủy',
  dispensed: 'Đã cấp phát',
  disposed: 'Đã thải bỏ',
  encoded: 'Đã ghi mã',
  expired: 'Hết hạn',
  in_progress: 'Đang xử lý',
  in_transit: 'Đang vận chuyển',
  inactive: 'Chưa lưu hành',
  no_pedigree_match: 'Không khớp hồ sơ nguồn gốc',
  non_sellable_other: 'Không bán được (lý do khác)',
  partially_dispensed: 'Đã cấp phát một phần',
  recalled: 'Bị thu hồi',
  reserved: 'Đã đặt giữ',
  retail_sold: 'Đã bán lẻ',
  returned: 'Bị trả lại',
  sellable_accessible: 'Có thể bán, khách lấy được',
  sellable_not_accessible: 'Có thể bán, chưa lên kệ',
  stolen: 'Bị mất cắp',
  unknown: 'Không rõ',
  available: 'Sẵn sàng',
  completeness_verified: 'Đã kiểm đủ',
  completeness_inferred: 'Coi như đủ',
  conformant: 'Đạt yêu cầu',
  container_open: 'Thùng đang mở',
  mismatch_instance: 'Sai lệch từng đơn vị',
  mismatch_class: 'Sai lệch loại hàng',
  mismatch_quantity: 'Sai lệch số lượng',
  needs_replacement: 'Cần thay thế',
  non_conformant: 'Không đạt yêu cầu',
  unavailable: 'Không sẵn sàng',
};

export const BIZ_TRANSACTION_TYPE_LABELS: Record<CbvBizTransactionType, string> = {
  bol: 'Vận đơn',
  cert: 'Giấy chứng nhận',
  desadv: 'Thông báo giao hàng',
  inv: 'Hóa đơn',
  pedigree: 'Hồ sơ nguồn gốc',
  po: 'Đơn đặt hàng',
  poc: 'Xác nhận đơn đặt hàng',
  prodorder: 'Lệnh sản xuất',
  recadv: 'Thông báo nhận hàng',
  rma: 'Phiếu trả hàng',
  testprd: 'Quy trình thử nghiệm',
  testres: 'Kết quả thử nghiệm',
  upevt: 'Sự kiện trước đó',
};

export const SOURCE_DESTINATION_TYPE_LABELS: Record<CbvSourceDestinationType, string> = {
  owning_party: 'Bên sở hữu',
  possessing_party: 'Bên giữ hàng',
  location: 'Địa điểm',
};
