import { LOT_UNIT_CODES } from '@ocop/domain/traceability';
import { z } from 'zod';
import { isoDate } from './common';

export const LOT_PAGE_SIZE_MAX = 200;

/**
 * A lot's fields as a client sends them. The lot code and the quantity are loose here on purpose
 * (any short text; a number or a numeric text): their rules live in `@ocop/domain/traceability`
 * (`checkLotFields`), which answers 422 naming the field and the reason, in the user's language.
 */
const lotFields = {
  lotCode: z.string().max(100),
  producedOn: isoDate,
  /** Hạn sử dụng; at most one of `expiresOn` and `bestBefore`. */
  expiresOn: isoDate.nullable().optional(),
  /** Sử dụng tốt nhất trước. */
  bestBefore: isoDate.nullable().optional(),
  quantity: z.union([z.number(), z.string().max(40)]),
  unit: z.enum(LOT_UNIT_CODES),
  /** Mã số vùng trồng. */
  growingAreaCode: z.string().max(100).nullable().optional(),
  /** The growing area's commune, on the current map, in the product's province. */
  growingAreaCommuneCode: z.string().trim().max(10).nullable().optional(),
  notes: z.string().max(2_000).nullable().optional(),
};

export const createLotBody = z.object({ productId: z.uuid(), ...lotFields }).strict();
export type CreateLotBody = z.input<typeof createLotBody>;

/** Every field again (a full replacement), with the revision read; the product cannot change. */
export const updateLotBody = z.object({ ...lotFields, revision: z.number().int().min(1) }).strict();
export type UpdateLotBody = z.input<typeof updateLotBody>;

export const lotView = z.object({
  id: z.uuid(),
  productId: z.uuid(),
  producerId: z.uuid(),
  provinceCode: z.string(),
  lotCode: z.string(),
  producedOn: isoDate,
  expiresOn: isoDate.nullable(),
  bestBefore: isoDate.nullable(),
  quantity: z.number(),
  unit: z.enum(LOT_UNIT_CODES),
  growingAreaCode: z.string().nullable(),
  growingAreaCommuneCode: z.string().nullable(),
  notes: z.string().nullable(),
  /** The lot's EPC class in EPCIS: the LGTIN Digital Link with a GTIN, `urn:ocop:vn:lot:{code}:{lot}` without. */
  classUri: z.string(),
  revision: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type LotView = z.infer<typeof lotView>;

export const lotListQuery = z
  .object({
    productId: z.uuid().optional(),
    producerId: z.uuid().optional(),
    /** Lot codes starting with this text. */
    q: z.string().trim().max(20).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(LOT_PAGE_SIZE_MAX).default(50),
  })
  .strict();
export type LotListQuery = z.input<typeof lotListQuery>;

export const lotPage = z.object({
  items: z.array(lotView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type LotPage = z.infer<typeof lotPage>;
export * from './traceability-steps';

export const JOURNEY_STEP_KINDS = ['harvest', 'processing', 'packing', 'shipping', 'receiving', 'selling', 'other'] as const;

/** One step of a lot's journey, as the back office and the scan page show it. */
export const journeyStep = z.object({
  eventId: z.string(),
  kind: z.enum(JOURNEY_STEP_KINDS),
  /** The CBV business step as stored (web URI form), or null. */
  bizStep: z.string().nullable(),
  labelVi: z.string(),
  labelEn: z.string(),
  /** The event's time as captured, with its offset. */
  eventTime: z.string(),
  /** The lot the step is of: the lot itself, or one it was made from. */
  lotCode: z.string(),
  productName: z.string(),
  /** The named site of the read point or business location, when known. */
  placeName: z.string().nullable(),
  /** Where goods were sent (shipping), when the event says. */
  destinationName: z.string().nullable(),
  /** For a processing step: the codes of the input lots. */
  fromLots: z.array(z.string()),
});
export type JourneyStep = z.infer<typeof journeyStep>;

export const lotJourney = z.object({
  lotId: z.uuid(),
  lotCode: z.string(),
  classUri: z.string(),
  steps: z.array(journeyStep),
});
export type LotJourney = z.infer<typeof lotJourney>;
