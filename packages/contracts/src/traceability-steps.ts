import {
  DESTINATION_NAME_MAX_LENGTH,
  PACKING_CARTONS_MAX,
  PROCESSING_INPUTS_SENT_MAX,
  SITE_ADDRESS_MAX_LENGTH,
  SITE_KIND_CODES,
  SITE_NAME_MAX_LENGTH,
  STEP_NOTE_MAX_LENGTH,
} from '@ocop/domain/traceability';
import { z } from 'zod';

export const SITE_PAGE_SIZE_MAX = 200;

/**
 * A producer's site as a client sends it. The GLN is loose here on purpose (any short text): its
 * check digit is checked by the service, which answers 422 `site.gln_invalid` naming the field.
 */
const siteFields = {
  name: z.string().trim().min(1).max(SITE_NAME_MAX_LENGTH),
  kind: z.enum(SITE_KIND_CODES),
  /** Mã địa điểm toàn cầu (GLN, 13 digits), when the producer has one for this site. */
  gln: z.string().trim().max(20).nullable().optional(),
  /** The site's commune on the current (2025) map, in the producer's province. */
  communeCode: z.string().trim().min(1).max(10),
  address: z.string().trim().max(SITE_ADDRESS_MAX_LENGTH).nullable().optional(),
};

export const createSiteBody = z.object({ producerId: z.uuid(), ...siteFields }).strict();
export type CreateSiteBody = z.input<typeof createSiteBody>;

/** Every field again, with the revision read; the producer cannot change. */
export const updateSiteBody = z.object({ ...siteFields, revision: z.number().int().min(1) }).strict();
export type UpdateSiteBody = z.input<typeof updateSiteBody>;

export const siteView = z.object({
  id: z.uuid(),
  producerId: z.uuid(),
  provinceCode: z.string(),
  name: z.string(),
  kind: z.enum(SITE_KIND_CODES),
  gln: z.string().nullable(),
  communeCode: z.string(),
  address: z.string().nullable(),
  /** The site in EPCIS (`readPoint`/`bizLocation`): `https://id.gs1.org/414/{gln}` with a GLN, `urn:ocop:vn:site:…` without. */
  locationUri: z.string(),
  revision: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type SiteView = z.infer<typeof siteView>;

export const siteListQuery = z
  .object({
    producerId: z.uuid().optional(),
    kind: z.enum(SITE_KIND_CODES).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(SITE_PAGE_SIZE_MAX).default(50),
  })
  .strict();
export type SiteListQuery = z.input<typeof siteListQuery>;

export const sitePage = z.object({
  items: z.array(siteView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type SitePage = z.infer<typeof sitePage>;

/**
 * A quantity as a form sends it (a number or a numeric text, decimal comma allowed), in the unit
 * of the lot it counts; `@ocop/domain/traceability` `checkQuantity` gives 422 naming the field.
 */
const quantity = z.union([z.number(), z.string().max(40)]);

/** Steps' common fields. `eventTime` defaults to now; at most 10 minutes ahead of the server. */
const stepCommon = {
  /** When it happened, with its offset (the event says it in Vietnam time, +07:00). */
  eventTime: z.iso.datetime({ offset: true }).optional(),
  note: z.string().trim().max(STEP_NOTE_MAX_LENGTH).nullable().optional(),
};

/**
 * Where goods go (shipping) or arrive (receiving): one of the producer's own sites (a shop, a
 * warehouse), or a sales point outside, named with its commune on the current map until sales
 * points are registered themselves.
 */
export const stepDestination = z.union([
  z.object({ siteId: z.uuid() }).strict(),
  z
    .object({
      name: z.string().trim().min(1).max(DESTINATION_NAME_MAX_LENGTH),
      communeCode: z.string().trim().min(1).max(10),
    })
    .strict(),
]);
export type StepDestination = z.infer<typeof stepDestination>;

export const stepInput = z.object({ lotId: z.uuid(), quantity }).strict();

/** The body of POST /api/traceability/lots/:lotId/steps; the path's lot is the step's lot (the output of a processing). */
export const recordStepBody = z.discriminatedUnion('kind', [
  /** The lot comes into being at a farm or a facility (thu hoạch / tạo lô). Quantity defaults to the lot's. */
  z.object({ kind: z.literal('harvest'), siteId: z.uuid(), quantity: quantity.optional(), ...stepCommon }).strict(),
  /** Input lots (each with the quantity used) become this lot at a processing site. */
  z
    .object({
      kind: z.literal('processing'),
      siteId: z.uuid(),
      /**
       * 1 to 20 input lots. The schema only bounds the request (100); the service refuses fewer
       * than 1 or more than 20 with 422 `step.input_count`, in words a form can show.
       */
      inputs: z.array(stepInput).max(PROCESSING_INPUTS_SENT_MAX),
      /** The output quantity; defaults to the lot's. */
      quantity: quantity.optional(),
      ...stepCommon,
    })
    .strict(),
  /** The lot goes into `cartonCount` cartons (1–500) of `quantityPerCarton` each: one event per carton. */
  z
    .object({
      kind: z.literal('packing'),
      siteId: z.uuid(),
      cartonCount: z.number().int().min(1).max(PACKING_CARTONS_MAX),
      quantityPerCarton: quantity,
      ...stepCommon,
    })
    .strict(),
  /** The lot leaves one of the producer's sites for a destination. Quantity defaults to the lot's. */
  z
    .object({ kind: z.literal('shipping'), siteId: z.uuid(), destination: stepDestination, quantity: quantity.optional(), ...stepCommon })
    .strict(),
  /** The lot arrives at its destination (the read point). Quantity defaults to the lot's. */
  z.object({ kind: z.literal('receiving'), destination: stepDestination, quantity: quantity.optional(), ...stepCommon }).strict(),
]);
export type RecordStepBody = z.input<typeof recordStepBody>;

export const stepRecordedView = z.object({
  /** The stored events' eventIDs, in the order built (packing: one per carton). */
  eventIds: z.array(z.string()),
  captureId: z.string(),
});
export type StepRecordedView = z.infer<typeof stepRecordedView>;
