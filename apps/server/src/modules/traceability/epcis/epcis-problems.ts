/**
 * Why a capture refuses an EPCIS document or one of its events: stable codes with a Vietnamese
 * and an English text, listed in the answer's `details.problems` (and in a capture job's errors)
 * under the one error code of the answer (`epcis.document_invalid`, `epcis.capture_forbidden`).
 */
export type EpcisProblemCode =
  | 'epcis.not_json_object'
  | 'epcis.context_missing'
  | 'epcis.context_not_gs1'
  | 'epcis.document_type'
  | 'epcis.too_many_events'
  | 'epcis.too_many_problems'
  | 'epcis.schema'
  | 'epcis.unknown_field'
  | 'epcis.field_not_namespaced'
  | 'epcis.action_invalid'
  | 'epcis.bizstep_not_cbv'
  | 'epcis.disposition_not_cbv'
  | 'epcis.ilmd_not_allowed'
  | 'epcis.time_without_offset'
  | 'epcis.quantity_not_number'
  | 'epcis.event_id_unavailable'
  | 'epcis.key_not_yours'
  | 'epcis.key_of_other_province'
  | 'epcis.key_used_by_other_producer'
  | 'epcis.event_without_owner';

export type EpcisProblem = {
  /** JSON Pointer into the document (`/epcisBody/eventList/17/bizStep`). */
  path: string;
  /** Index of the event in the document's event list, or null for the document itself. */
  eventIndex: number | null;
  code: EpcisProblemCode;
  /** Vietnamese, for people. */
  message: string;
  /** English, for GS1 partners' systems and logs. */
  messageEn: string;
};

type Texts = { vi: (detail: string) => string; en: (detail: string) => string };

const TEXTS: Record<EpcisProblemCode, Texts> = {
  'epcis.not_json_object': {
    vi: () => 'Nội dung gửi lên không phải là một đối tượng JSON.',
    en: () => 'The body is not a JSON object.',
  },
  'epcis.context_missing': {
    vi: () => 'Tài liệu EPCIS thiếu "@context".',
    en: () => 'The EPCIS document has no "@context".',
  },
  'epcis.context_not_gs1': {
    vi: () => '"@context" không có ngữ cảnh EPCIS 2.0 của GS1 (https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld).',
    en: () => '"@context" does not include GS1\'s EPCIS 2.0 context (https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld).',
  },
  'epcis.document_type': {
    vi: (d) => `Loại tài liệu phải là ${d}.`,
    en: (d) => `The document type must be ${d}.`,
  },
  'epcis.too_many_events': {
    vi: (d) => `Tài liệu có quá nhiều sự kiện (tối đa ${d}); hãy chia thành nhiều lần gửi.`,
    en: (d) => `The document has too many events (at most ${d}); split it into several captures.`,
  },
  'epcis.too_many_problems': {
    vi: (d) => `Còn lỗi khác; chỉ liệt kê ${d} lỗi đầu tiên.`,
    en: (d) => `There are more problems; only the first ${d} are listed.`,
  },
  'epcis.schema': {
    vi: (d) => `Không khớp lược đồ JSON EPCIS của GS1: ${d}.`,
    en: (d) => `Does not match GS1's EPCIS JSON Schema: ${d}.`,
  },
  'epcis.unknown_field': {
    vi: (d) => `Trường "${d}" không thuộc EPCIS ở vị trí này; trường mở rộng phải có tiền tố không gian tên (tiền tố:tên).`,
    en: (d) => `"${d}" is not an EPCIS field here; an extension field must be namespaced (prefix:name).`,
  },
  'epcis.field_not_namespaced': {
    vi: (d) => `Trường mở rộng "${d}" phải có không gian tên: tiền tố:tên với tiền tố khai báo trong "@context", hoặc một URI đầy đủ.`,
    en: (d) => `Extension field "${d}" must be namespaced: prefix:name with the prefix declared in "@context", or a full URI.`,
  },
  'epcis.action_invalid': {
    vi: (d) => `"action" phải là ADD, OBSERVE hoặc DELETE (nhận được: ${d}).`,
    en: (d) => `"action" must be ADD, OBSERVE or DELETE (got: ${d}).`,
  },
  'epcis.bizstep_not_cbv': {
    vi: (d) => `Bước nghiệp vụ "${d}" không có trong danh mục CBV của GS1; bước riêng phải là một URI thuộc không gian tên của mình.`,
    en: (d) => `Business step "${d}" is not a GS1 CBV value; a step of one's own must be a URI in one's own namespace.`,
  },
  'epcis.disposition_not_cbv': {
    vi: (d) => `Tình trạng "${d}" không có trong danh mục CBV của GS1; giá trị riêng phải là một URI thuộc không gian tên của mình.`,
    en: (d) => `Disposition "${d}" is not a GS1 CBV value; a value of one's own must be a URI in one's own namespace.`,
  },
  'epcis.ilmd_not_allowed': {
    vi: (d) => `Thông tin lô/sản xuất (ilmd) chỉ ghi khi tạo mới đối tượng (action ADD), không ghi khi action là ${d}.`,
    en: (d) => `ILMD is given only when objects are created (action ADD), not with action ${d}.`,
  },
  'epcis.time_without_offset': {
    vi: (d) => `Thời điểm "${d}" phải ghi múi giờ (Z hoặc ±hh:mm).`,
    en: (d) => `Time "${d}" must carry a time-zone offset (Z or ±hh:mm).`,
  },
  'epcis.quantity_not_number': {
    vi: (d) => `Số lượng phải là một số, không phải ${d}.`,
    en: (d) => `A quantity must be a number, not ${d}.`,
  },
  'epcis.event_id_unavailable': {
    vi: (d) => `Không tính được mã băm sự kiện (CBV 2.0 §8.9): ${d}; hãy gửi kèm "eventID".`,
    en: (d) => `The event hash ID (CBV 2.0 §8.9) cannot be computed: ${d}; send an "eventID".`,
  },
  'epcis.key_not_yours': {
    vi: (d) =>
      `Mã ${d} không thuộc sản phẩm nào của chủ thể bạn trong hệ thống; chỉ ghi sự kiện cho sản phẩm, lô của chính mình (hãy khai báo GTIN của sản phẩm trước).`,
    en: (d) =>
      `${d} names no product of your producer in the system; record events only for your own products and lots (register the product's GTIN first).`,
  },
  'epcis.key_of_other_province': {
    vi: (d) => `Mã ${d} là sản phẩm của tỉnh khác; chỉ ghi sự kiện cho sản phẩm trong tỉnh của bạn.`,
    en: (d) => `${d} is a product of another province; record events only for products of your province.`,
  },
  'epcis.key_used_by_other_producer': {
    vi: (d) => `Mã ${d} đã được một chủ thể khác dùng trong sự kiện của họ.`,
    en: (d) => `${d} is already used in another producer's events.`,
  },
  'epcis.event_without_owner': {
    vi: () =>
      'Sự kiện không nêu sản phẩm nào đã đăng ký và tài khoản không thuộc riêng một tỉnh hay một chủ thể: không xác định được sự kiện thuộc về ai.',
    en: () =>
      'The event names no registered product and the account belongs to no single province or producer: whose event it is cannot be told.',
  },
};

/** The event index of a JSON Pointer into a document's event list, or null. */
export function eventIndexOf(path: string): number | null {
  const match = /^\/epcisBody\/(?:queryResults\/resultsBody\/)?eventList\/(\d+)(?:\/|$)/.exec(path);
  return match === null ? null : Number(match[1]);
}

export function epcisProblem(code: EpcisProblemCode, path: string, detail = ''): EpcisProblem {
  const texts = TEXTS[code];
  return { path, eventIndex: eventIndexOf(path), code, message: texts.vi(detail), messageEn: texts.en(detail) };
}
