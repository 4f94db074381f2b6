import { STAMP_LAYOUT_PRESET_NAMES, STAMP_LIMITS, STAMP_STATES } from '@ocop/domain/traceability';
import { z } from 'zod';

export const STAMP_ORDER_PAGE_SIZE_MAX = 100;
export const STAMP_PAGE_SIZE_MAX = 500;
/** Serials a request body may carry at all; the service refuses more than `STAMP_LIMITS.listMax` with a reason. */
const SERIALS_WIRE_MAX = 5 * STAMP_LIMITS.listMax;

/**
 * An order of trace stamps. The count is any integer here on purpose: its bounds (1 to
 * 10,000,000) are the service's rule, answered 422 with the reason in the user's language.
 */
export const createStampOrderBody = z
  .object({
    productId: z.uuid(),
    /** The lot the stamps are for, when known at ordering: its code is then printed in the Digital Link. */
    lotId: z.uuid().nullable().optional(),
    quantity: z.number().int(),
  })
  .strict();
export type CreateStampOrderBody = z.input<typeof createStampOrderBody>;

export const STAMP_ORDER_STATES = ['issuing', 'issued', 'failed'] as const;

export const stampOrderView = z.object({
  id: z.uuid(),
  productId: z.uuid(),
  producerId: z.uuid(),
  provinceCode: z.string(),
  lotId: z.uuid().nullable(),
  lotCode: z.string().nullable(),
  /** The product's GTIN (14 digits) when ordered; printed links keep it even if the product changes. */
  gtin14: z.string().nullable(),
  quantity: z.number().int(),
  /** Stamps issued so far (the issuing job's progress). */
  issuedCount: z.number().int(),
  activatedCount: z.number().int(),
  voidCount: z.number().int(),
  /** `issuing` until every stamp exists; its stamps cannot be activated or printed before `issued`. */
  state: z.enum(STAMP_ORDER_STATES),
  createdAt: z.string(),
  issuedAt: z.string().nullable(),
});
export type StampOrderView = z.infer<typeof stampOrderView>;

export const stampOrderListQuery = z
  .object({
    productId: z.uuid().optional(),
    /** The orders of one lot: the lot page's "Tem của lô". */
    lotId: z.uuid().optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(STAMP_ORDER_PAGE_SIZE_MAX).default(20),
  })
  .strict();
export type StampOrderListQuery = z.input<typeof stampOrderListQuery>;

export const stampOrderPage = z.object({
  items: z.array(stampOrderView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type StampOrderPage = z.infer<typeof stampOrderPage>;

export const stampView = z.object({
  /** The printed form with its check character, `XXXXX-XXXXX-XXXXX-XXXXX-C`. */
  serial: z.string(),
  sequence: z.number().int(),
  state: z.enum(STAMP_STATES),
  lotId: z.uuid().nullable(),
  /** What the QR code holds. */
  url: z.string(),
});
export type StampView = z.infer<typeof stampView>;

export const stampRangeQuery = z
  .object({
    from: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(STAMP_PAGE_SIZE_MAX).default(50),
  })
  .strict();

export const stampListView = z.object({ items: z.array(stampView) });

/**
 * Why stamps are voided (lost roll, misprint…), kept in the audit log. Optional on the wire for
 * the callers written before it; the web app always asks for one.
 */
export const STAMP_VOID_REASON_MAX = 500;
const voidReason = z.string().trim().min(1).max(STAMP_VOID_REASON_MAX).optional();

/** Activation or voiding of an order's stamps by sequence numbers (inclusive). */
export const stampRangeBody = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    /** Activation only: the lot the packed stamps are on. */
    lotId: z.uuid().nullable().optional(),
  })
  .strict();
export type StampRangeBody = z.input<typeof stampRangeBody>;

export const stampVoidRangeBody = stampRangeBody.omit({ lotId: true }).extend({ reason: voidReason }).strict();
export type StampVoidRangeBody = z.input<typeof stampVoidRangeBody>;

/** Activation or voiding by serials as scanned or typed (any case, spaces, hyphens). */
export const stampListBody = z
  .object({
    serials: z.array(z.string().max(64)).min(1).max(SERIALS_WIRE_MAX),
    lotId: z.uuid().nullable().optional(),
  })
  .strict();
export type StampListBody = z.input<typeof stampListBody>;

export const stampVoidListBody = stampListBody.omit({ lotId: true }).extend({ reason: voidReason }).strict();
export type StampVoidListBody = z.input<typeof stampVoidListBody>;

export const stampChangeView = z.object({
  /** Stamps whose state changed. */
  changed: z.number().int(),
  /** Stamps already in the asked state, left as they were. */
  unchanged: z.number().int(),
});
export type StampChangeView = z.infer<typeof stampChangeView>;

const mm = (min: number, max: number) => z.coerce.number().min(min).max(max);

/** A label layout of one's own: a sheet of rows × columns of labels, or a roll printer's labels. */
export const customStampLayout = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('sheet'),
      pageWidthMm: mm(50, 600).default(210),
      pageHeightMm: mm(50, 600).default(297),
      rows: z.coerce.number().int().min(1).max(100),
      columns: z.coerce.number().int().min(1).max(50),
      labelWidthMm: mm(5, 600),
      labelHeightMm: mm(5, 600),
      marginTopMm: mm(0, 100).default(10),
      marginLeftMm: mm(0, 100).default(10),
      gapXMm: mm(0, 100).default(0),
      gapYMm: mm(0, 100).default(0),
      paddingMm: mm(0, 20).default(1),
      quietZoneModules: z.coerce.number().int().min(0).max(20).default(4),
    })
    .strict(),
  z
    .object({
      kind: z.literal('roll'),
      rollWidthMm: mm(10, 200),
      labelHeightMm: mm(10, 300),
      paddingMm: mm(0, 20).default(1),
      quietZoneModules: z.coerce.number().int().min(0).max(20).default(4),
    })
    .strict(),
]);
export type CustomStampLayout = z.infer<typeof customStampLayout>;

export const STAMP_SHEET_LAYOUTS = [...STAMP_LAYOUT_PRESET_NAMES, 'custom'] as const;

/**
 * The print sheet's query: a preset layout, or `custom` with the fields of `customStampLayout`
 * beside it; `from`/`to` pick the order's sequence numbers (at most 10,000 a PDF).
 */
export const stampSheetQuery = z
  .looseObject({
    layout: z.enum(STAMP_SHEET_LAYOUTS),
    from: z.coerce.number().int().min(1).optional(),
    to: z.coerce.number().int().min(1).optional(),
  })
  .superRefine((query, context) => {
    const { layout, from: _from, to: _to, ...rest } = query;
    if (layout === 'custom') {
      const parsed = customStampLayout.safeParse(rest);
      if (!parsed.success) for (const issue of parsed.error.issues) context.addIssue({ ...issue, code: 'custom', message: issue.message });
    } else if (Object.keys(rest).length > 0) {
      context.addIssue({ code: 'custom', message: `Unknown parameters for a preset layout: ${Object.keys(rest).join(', ')}` });
    }
  });
export type StampSheetQuery = z.input<typeof stampSheetQuery>;

export const stampLayoutPresetView = z.object({
  name: z.string(),
  kind: z.enum(['sheet', 'roll']),
  /** Labels on one page (1 for a roll). */
  perPage: z.number().int(),
  labelWidthMm: z.number(),
  labelHeightMm: z.number(),
});
export const stampLayoutList = z.object({ items: z.array(stampLayoutPresetView) });
export type StampLayoutPresetView = z.infer<typeof stampLayoutPresetView>;
