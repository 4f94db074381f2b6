/**
 * The steps the phone forms record (issue 13): each becomes one or more EPCIS 2.0 events
 * (`step-events.ts`).
 */
export const STEP_KINDS = {
  harvest: { vi: 'Thu hoạch, tạo lô', en: 'Harvest or lot commissioning' },
  processing: { vi: 'Chế biến', en: 'Processing' },
  packing: { vi: 'Đóng thùng', en: 'Packing into cartons' },
  shipping: { vi: 'Xuất hàng', en: 'Shipping' },
  receiving: { vi: 'Nhận hàng tại điểm bán', en: 'Receiving at a sales point' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type StepKind = keyof typeof STEP_KINDS;
export const STEP_KIND_CODES = Object.keys(STEP_KINDS) as [StepKind, ...StepKind[]];

/** Input lots of one processing step. */
export const PROCESSING_INPUTS_MIN = 1;
export const PROCESSING_INPUTS_MAX = 20;
/** The most input lots a request may carry at all (beyond it the request is malformed, 400). */
export const PROCESSING_INPUTS_SENT_MAX = 100;
/** Cartons one packing form may record. */
export const PACKING_CARTONS_MAX = 500;
export const STEP_NOTE_MAX_LENGTH = 500;
export const DESTINATION_NAME_MAX_LENGTH = 200;
/** How far ahead of the server's clock a step's time may be (a phone's clock drifts). */
export const STEP_TIME_FUTURE_TOLERANCE_MS = 10 * 60 * 1000;
