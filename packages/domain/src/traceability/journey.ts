import { BIZ_STEP_LABELS, type CbvBizStep } from './cbv';

/**
 * The story a lot's events tell a consumer (issue 13 item 6, shown on the scan page of issue 14):
 * each EPCIS event becomes one step of a few kinds a shopper understands, in time order.
 */
export type JourneyStepKind = 'harvest' | 'processing' | 'packing' | 'shipping' | 'receiving' | 'selling' | 'other';

export const JOURNEY_STEP_LABELS: Record<JourneyStepKind, { vi: string; en: string }> = {
  harvest: { vi: 'Thu hoạch, tạo lô', en: 'Harvest' },
  processing: { vi: 'Chế biến', en: 'Processing' },
  packing: { vi: 'Đóng gói', en: 'Packing' },
  shipping: { vi: 'Xuất hàng', en: 'Shipping' },
  receiving: { vi: 'Nhận hàng tại điểm bán', en: 'Received at the sales point' },
  selling: { vi: 'Bán lẻ', en: 'Retail sale' },
  other: { vi: 'Sự kiện khác', en: 'Other event' },
};

const CBV_WEB = 'https://ref.gs1.org/cbv/BizStep-';

/** The bare CBV word of a business step in any of its spellings, or undefined for a step of one's own. */
export function bareBizStep(bizStep: string | null | undefined): string | undefined {
  if (!bizStep) return undefined;
  if (bizStep.startsWith(CBV_WEB)) return bizStep.slice(CBV_WEB.length);
  if (bizStep.startsWith('urn:epcglobal:cbv:bizstep:')) return bizStep.slice('urn:epcglobal:cbv:bizstep:'.length);
  return /^[a-z_]+$/.test(bizStep) ? bizStep : undefined;
}

const BY_STEP: Partial<Record<string, JourneyStepKind>> = {
  commissioning: 'harvest',
  creating_class_instance: 'harvest',
  collecting: 'harvest',
  packing: 'packing',
  repackaging: 'packing',
  shipping: 'shipping',
  departing: 'shipping',
  receiving: 'receiving',
  arriving: 'receiving',
  accepting: 'receiving',
  stocking: 'receiving',
  retail_selling: 'selling',
};

/** The kind of step an event is: its type first (a transformation is processing), then its CBV business step. */
export function journeyStepKind(event: { type: string; bizStep?: string | null }): JourneyStepKind {
  if (event.type === 'TransformationEvent') return 'processing';
  const word = bareBizStep(event.bizStep);
  const kind = word === undefined ? undefined : BY_STEP[word];
  if (kind) return kind;
  return event.type === 'AggregationEvent' ? 'packing' : 'other';
}

/** The Vietnamese and English label of a step: the kind's, or for `other` the CBV step's own Vietnamese name. */
export function journeyStepLabel(kind: JourneyStepKind, bizStep?: string | null): { vi: string; en: string } {
  if (kind !== 'other') return JOURNEY_STEP_LABELS[kind];
  const word = bareBizStep(bizStep);
  const vi = word !== undefined && word in BIZ_STEP_LABELS ? BIZ_STEP_LABELS[word as CbvBizStep] : JOURNEY_STEP_LABELS.other.vi;
  return { vi, en: word === undefined ? JOURNEY_STEP_LABELS.other.en : word.replaceAll('_', ' ') };
}

const KIND_ORDER: JourneyStepKind[] = ['harvest', 'processing', 'packing', 'shipping', 'receiving', 'selling', 'other'];

/** Time order; steps at the same instant in the order goods move (harvest before processing before packing). */
export function compareJourneySteps(
  a: { eventTime: string; kind: JourneyStepKind },
  b: { eventTime: string; kind: JourneyStepKind },
): number {
  const byTime = Date.parse(a.eventTime) - Date.parse(b.eventTime);
  return byTime !== 0 ? byTime : KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
}
